"""Alembic environment for Mottryck vaults.

Always run through app.vault.migrate, which hands over an open, keyed connection in
``config.attributes["connection"]`` (there is no URL: the key never goes into a string
that alembic could log).
"""

from __future__ import annotations

from alembic import context

from app.models import Base

FTS_TABLE_PREFIXES = ("person_fts", "group_fts")


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    # FTS5 virtual tables and their shadow tables are created by hand in the migrations.
    return not (type_ == "table" and name and name.startswith(FTS_TABLE_PREFIXES))


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("Run migrations through app.vault.migrate, not the alembic CLI.")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can't ALTER most things: rebuild tables in batches
        transactional_ddl=True,  # a failing migration rolls back completely
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("Offline (SQL script) migrations are not supported.")
run_migrations_online()
