"""People: the persons the working group maps, notifies and helps."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, enum_type, json_list_default
from app.models.collation import swedish_sort_key
from app.models.enums import FrivardStatus, IdKind


class Person(SyncMixin, Base):
    __tablename__ = "person"

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    # "efternamn förnamn" as a Swedish sort key (app/models/collation.py), kept by the model.
    sort_name: Mapped[str] = mapped_column(String(220), default="")
    aliases: Mapped[list[Any]] = mapped_column(JSON, default=json_list_default)
    # Normalised to 12 digits (YYYYMMDDNNNN); samordningsnummer carry day + 60.
    personnummer: Mapped[str | None] = mapped_column(String(12), unique=True)
    id_kind: Mapped[IdKind | None] = mapped_column(enum_type(IdKind))
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    frivard_status: Mapped[FrivardStatus] = mapped_column(
        enum_type(FrivardStatus), default=FrivardStatus.NONE
    )
    frivard_from: Mapped[date | None] = mapped_column(Date)
    frivard_to: Mapped[date | None] = mapped_column(Date)
    frivard_office: Mapped[str | None] = mapped_column(String(100))
    responsible_officer: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        # The register's default view: live people in Swedish name order, paged. With
        # ``deleted`` first the planner walks this index for WHERE deleted IS 0 ORDER BY
        # sort_name, id instead of sorting the whole table for every page.
        Index("ix_person_listing", "deleted", "sort_name", "id"),
        Index("ix_person_frivard_status", "frivard_status"),
    )

    def refresh_derived(self) -> None:
        self.sort_name = swedish_sort_key(f"{self.last_name} {self.first_name}")
