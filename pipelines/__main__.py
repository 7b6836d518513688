"""`python -m pipelines …` runs the CLI (the app's "Sync now" uses it as a subprocess)."""

import sys

from pipelines.cli import main

sys.exit(main())
