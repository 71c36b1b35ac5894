"""Shared pieces for the migration tests: a scratch copy of migrations/ with extra revisions,
and a snapshot of everything a migration could change."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.paths import migrations_dir

HEAD = "0004"
NEXT = "0005"  # a test revision made on top of the real ones


def scratch_migrations(tmp_path: Path, revision_body: str, *, revision: str = NEXT,
                       down_revision: str = HEAD) -> Path:
    """A copy of the real scripts plus one test revision whose upgrade() is ``revision_body``."""
    dest = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), dest, ignore=shutil.ignore_patterns("__pycache__"))
    script = textwrap.dedent(f'''\
        """test revision {revision}"""
        import sqlalchemy as sa
        from alembic import op

        revision = "{revision}"
        down_revision = "{down_revision}"
        branch_labels = None
        depends_on = None


        def upgrade() -> None:
        ''') + textwrap.indent(textwrap.dedent(revision_body).strip() + "\n", "    ") + (
        "\n\ndef downgrade() -> None:\n    pass\n")
    (dest / "versions" / f"{revision}_test.py").write_text(script, "utf-8")
    return dest


def snapshot(engine: Engine) -> dict[str, Any]:
    """Schema (every object's SQL), the revision and the rows of the tables tests touch."""
    with engine.connect() as conn:
        schema = conn.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").all()
        state = {
            "schema": [tuple(r) for r in schema],
            "revision": conn.exec_driver_sql("SELECT version_num FROM alembic_version").all(),
        }
        for table in ("person", "membership", "\"group\"", "vault_meta", "audit_event"):
            rows = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1").all()
            state[table] = [tuple(r) for r in rows]
        conn.rollback()
    return state
