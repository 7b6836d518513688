"""`stridewise recompute`: rebuild session loads and daily metrics from the raw data."""

from __future__ import annotations

import argparse
import time

from pipelines.db import connect
from pipelines.metrics import recompute


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "recompute",
        parents=[common],
        help="rebuild derived tables from raw data",
        description="Rescore every session and rebuild daily_metrics for one or all athletes.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with connect(args.db) as con:
        rows = recompute(con, None if args.athlete is None else [args.athlete])
    print(f"Rebuilt {rows} daily rows in {time.perf_counter() - started:.2f} s.")
    return 0
