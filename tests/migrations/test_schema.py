"""The ORM models and the migration scripts describe the same schema."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from app.models import Base
from app.services.session import Services
from app.vault import migrate
from tests.migrations.helpers import HEAD

# Same rule as migrations/env.py (which can't be imported: importing it runs the migrations).
FTS_TABLE_PREFIXES = ("person_fts", "group_fts")


def include_object(obj: Any, name: str | None, type_: str, reflected: bool,
                   compare_to: Any) -> bool:
    return not (type_ == "table" and name and name.startswith(FTS_TABLE_PREFIXES))


def schema_diff(conn: Connection) -> list[Any]:
    context = MigrationContext.configure(conn, opts={
        "include_object": include_object, "compare_type": True, "render_as_batch": True,
    })
    return list(compare_metadata(context, Base.metadata))


def test_models_and_migrations_agree(services: Services) -> None:
    with services.db.engine.connect() as conn:
        assert migrate.current_revision(conn) == HEAD == migrate.head_revision()
        assert schema_diff(conn) == []
        tables = set(inspect(conn).get_table_names())
        conn.rollback()
    assert set(Base.metadata.tables) <= tables
    assert {"person_fts", "group_fts", "alembic_version"} <= tables


def test_the_comparison_notices_a_difference(services: Services) -> None:
    """Control: the empty diff above is not an accident of the comparison."""
    with services.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_person_listing")
        conn.exec_driver_sql("ALTER TABLE person ADD COLUMN extra TEXT")
        diff = schema_diff(conn)
    kinds = {d[0] if isinstance(d, tuple) else d[0][0] for d in diff}
    assert {"add_index", "remove_column"} <= kinds


def test_downgrade_to_base_and_upgrade_again(services: Services) -> None:
    engine = services.db.engine
    cfg = migrate.alembic_config()
    with engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        cfg.attributes["connection"] = conn
        with conn.begin():
            command.downgrade(cfg, "base")
        left = set(inspect(conn).get_table_names())
        raw.execute("PRAGMA foreign_keys = ON")
        conn.rollback()
    assert left == {"alembic_version"}  # every table, FTS and shadow tables included, gone

    assert migrate.upgrade(engine) is True
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == HEAD
        assert schema_diff(conn) == []
        conn.rollback()
    assert migrate.upgrade(engine) is False  # already at head: nothing to do
