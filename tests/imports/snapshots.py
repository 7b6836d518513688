"""Database content for comparing two imports: every row of every table, stamps left out."""

from __future__ import annotations

from pathlib import Path

from pipelines.db import connect


def database_content(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, without the wall-clock stamps (created_at, updated_at …)."""
    with connect(db_path) as con:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            " ORDER BY table_name").fetchall()]  # fmt: skip
        content = {}
        for table in tables:
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                " AND column_name NOT LIKE '%\\_at' ESCAPE '\\' ORDER BY ordinal_position",
                [table]).fetchall()]  # fmt: skip
            select = ", ".join(f'"{c}"' for c in columns)
            content[table] = con.execute(f"SELECT {select} FROM {table} ORDER BY ALL").fetchall()
    return content
