"""Declarative base and the columns every mergeable row carries."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Enum, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints keep alembic batch migrations (table rebuilds on SQLite) deterministic.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def new_id() -> str:
    return str(uuid.uuid4())


def enum_type(enum_cls: type[enum.Enum]) -> Enum:
    """Store an enum by its value, as text without a CHECK constraint.

    Values are validated in the services and by the bundle importer; a CHECK here would make
    adding a value later a table rebuild on SQLite.
    """
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=40,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class SyncMixin:
    """UUID, timestamps, hybrid-logical-clock stamp, origin unit and tombstone.

    Stamped by the session's before-flush hook (app/services/db.py), never by hand.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    hlc: Mapped[str] = mapped_column(String(20), default="0000000000000-000000")
    origin_unit: Mapped[str] = mapped_column(String(36), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # Per-field clocks for merging, {"field": "<stamp>/<unit id>"}, for the fields written
    # after the row was created; a field not named here carries the row's hlc/origin_unit.
    field_clocks: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)

    def __repr__(self) -> str:  # never personal data: reprs end up in logs
        return f"<{type(self).__name__} {self.id}>"


def json_list_default() -> list[Any]:
    return []
