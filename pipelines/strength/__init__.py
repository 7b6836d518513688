"""Strength plans on disk: the bundled library, the plan store, session logs and calendar export."""
