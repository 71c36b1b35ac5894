"""The review list: fields that matter to a person where two laptops disagreed.

A merge always applies the winning value (so every laptop converges) and sets the other aside
as a ``MergeReview`` item. Here a person decides: ``kept`` closes the item; ``other`` writes
the set-aside value to the record as an ordinary change, with a new clock of this unit, so the
choice reaches the other laptops with the next bundle. Either way the item is closed (by whom,
when) and the decision audited, in one transaction.

A personnummer another person already had is the exception to "the winner is applied": the
import kept this vault's value (``bundle_clash``) so the unique number stays unique, and
``other`` is refused while another person still holds it. The list shows numbers masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Enum as SqlEnum
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, MottryckError, NotFound, ValidationError
from app.exchange.hlc import Stamp
from app.exchange.merge import parse_clock
from app.exchange.profile_words import RECORD_LABELS, field_label
from app.exchange.records import TABLES, from_json
from app.i18n import _
from app.models import Base, Group, MergeReview, Person
from app.services import audit
from app.services.audit import Action
from app.services.db import Db, utcnow
from app.services.identity import mask
from app.services.partners import PartnerService
from app.services.records import update_row

Choice = Literal["kept", "other"]
CHOICES: tuple[str, ...] = ("kept", "other")
ENTITY = "merge_review"
# Shown masked like everywhere else: the full number only through the person's audited reveal.
MASKED_FIELDS = {("person", "personnummer")}


@dataclass(frozen=True)
class ReviewItem:
    """One open disagreement, as the review list shows it."""

    id: str
    entity_type: str  # table name: person, membership, consent
    entity_label: str  # "Personer", "Gruppmedlemskap", …
    record_id: str
    record_label: str  # the person's name (and group), read and logged like people.get
    record_deleted: bool  # the record is gone: only "kept" can close the item
    field: str
    field_label: str
    # As in a bundle record: dates as ISO text, enums by value; a personnummer masked.
    kept_value: Any
    other_value: Any
    other_unit: str
    other_source: str  # the partner's name, "den här enheten" or the unit id
    other_written_at: datetime | None  # UTC, from the other value's clock
    created_at: datetime  # when the import set it aside (naive UTC)


@dataclass(frozen=True)
class Resolution:
    id: str
    choice: Choice
    resolved_by: str
    resolved_at: datetime
    written: bool  # whether the record changed ("other" with a value differing from now)


def _written_at(clock: str) -> datetime | None:
    try:
        stamp = Stamp.parse(parse_clock(clock)[0])
    except ValueError:
        return None
    return datetime.fromtimestamp(stamp.wall_ms / 1000, tz=UTC)


def _model(table: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if mapper.class_.__tablename__ == table:
            return mapper.class_
    raise NotFound(_("Okänd posttyp: {table}.").format(table=table))


def _python_value(table: str, field: str, value: Any) -> Any:
    """A value kept in bundle form as the ORM takes it (dates, enums)."""
    if field == "deleted":
        return bool(value)
    column = TABLES[table].columns[field]
    converted = from_json(column, value)
    if (converted is not None and isinstance(column.type, SqlEnum)
            and column.type.enum_class is not None):
        return column.type.enum_class(converted)
    return converted


def _shown(row: MergeReview, value: Any) -> Any:
    if (row.entity_type, row.field) in MASKED_FIELDS and isinstance(value, str):
        return mask(value) or None
    return value


def _clash_message(holder: Person) -> str:
    name = f"{holder.first_name} {holder.last_name}".strip()
    if holder.deleted:
        # A tombstone keeps its number (other laptops must learn of the delete) and cannot be
        # edited: the number cannot go to anyone else here.
        return _("Personnumret finns redan hos {name}, som är borttagen; numret kan inte "
                 "skrivas på en annan person. Välj att behålla för att stänga granskningen."
                 ).format(name=name)
    return _("Personnumret finns redan hos {name}; slå ihop eller ändra först.").format(
        name=name)


class ReviewService:
    def __init__(self, db: Db) -> None:
        self.db = db
        self.partners = PartnerService(db)

    def count_open(self) -> int:
        with self.db.read() as s:
            return int(s.execute(select(func.count()).select_from(MergeReview).where(
                MergeReview.resolved_at.is_(None))).scalar_one())

    def open_items(self) -> list[ReviewItem]:
        """Every open item, oldest first. Each person named is a logged read."""
        sources = {p.unit_id: p.name for p in self.partners.list() if p.unit_id}
        sources[self.db.unit_id] = _("den här enheten")
        with self.db.write() as s:
            rows = s.execute(select(MergeReview).where(MergeReview.resolved_at.is_(None))
                             .order_by(MergeReview.created_at, MergeReview.id)).scalars().all()
            read: set[str] = set()
            items = [self._item(s, row, sources, read) for row in rows]
            for person_id in sorted(read):
                audit.record(s, Action.READ, "person", person_id,
                             purpose=_("granskning efter sammanslagning"))
            return items

    def resolve(self, item_id: str, choice: str) -> Resolution:
        """Close an item: ``kept`` leaves the record as merged, ``other`` writes the value set
        aside. Refuses an item already closed, ``other`` on a record deleted meanwhile, and
        ``other`` for a personnummer another person here holds (naming that person)."""
        if choice not in CHOICES:
            raise ValidationError(FieldError("choice", _("ska vara 'kept' eller 'other'"),
                                             _("val")))
        refusal: str | None = None
        with self.db.write() as s:
            item = s.get(MergeReview, item_id)
            if item is None:
                raise NotFound(_("Granskningsposten finns inte."))
            if item.resolved_at is not None:
                raise MottryckError(_("Granskningsposten är redan avgjord ({when}, {user}).")
                                    .format(when=item.resolved_at.strftime("%Y-%m-%d %H:%M"),
                                            user=item.resolved_by or ""))
            written = False
            if choice == "other":
                holder = self._number_holder(s, item)
                if holder is not None:
                    # Naming the holder is a read of that person: logged, and that log entry
                    # is the only thing this refusal keeps.
                    audit.record(s, Action.READ, "person", holder.id,
                                 purpose=_("granskning efter sammanslagning"))
                    refusal = _clash_message(holder)
                else:
                    written = self._write_other(s, item)
            if refusal is None:
                return self._close(s, item, choice, written)
        raise MottryckError(refusal)

    # ---- helpers ----------------------------------------------------------------------------
    def _close(self, s: Session, item: MergeReview, choice: str, written: bool) -> Resolution:
        now = utcnow()
        item.resolved_at, item.resolved_by, item.resolution = now, self.db.user, choice
        audit.record(s, Action.MERGE, ENTITY, item.id, detail={
            "entity_type": item.entity_type, "record_id": item.record_id,
            "field": item.field, "choice": choice})
        return Resolution(id=item.id, choice=choice,  # type: ignore[arg-type]
                          resolved_by=self.db.user, resolved_at=now, written=written)

    @staticmethod
    def _number_holder(s: Session, item: MergeReview) -> Person | None:
        """Another person (live or deleted: the unique index covers both) already holding
        the personnummer this item would write, or None."""
        if (item.entity_type, item.field) != ("person", "personnummer") or not item.other_value:
            return None
        own = s.get(Person, item.record_id)
        if own is None or own.deleted:
            return None  # ``_write_other`` refuses that, with its own message
        return s.execute(select(Person).where(
            Person.personnummer == item.other_value,
            Person.id != item.record_id).limit(1)).scalar_one_or_none()

    def _write_other(self, s: Session, item: MergeReview) -> bool:
        row = s.get(_model(item.entity_type), item.record_id)
        # A review of the tombstone itself may bring a row back; any other field of a deleted
        # row has nothing left to correct.
        if row is None or (row.deleted and item.field != "deleted"):
            raise MottryckError(_(
                "Posten har tagits bort sedan konflikten uppstod, så det andra värdet kan inte "
                "skrivas. Välj att behålla för att stänga granskningen."))
        value = _python_value(item.entity_type, item.field, item.other_value)
        changed = update_row(s, row, item.entity_type, {item.field: value},
                             purpose=_("granskning efter sammanslagning"))
        return bool(changed)

    def _item(self, s: Session, row: MergeReview, sources: dict[str, str],
              read: set[str]) -> ReviewItem:
        record = s.get(_model(row.entity_type), row.record_id)
        label, deleted = _("(borttagen post)"), True
        if record is not None:
            deleted = bool(record.deleted)
            label = self._label(s, row.entity_type, record, read)
        return ReviewItem(
            id=row.id, entity_type=row.entity_type,
            entity_label=RECORD_LABELS.get(row.entity_type, row.entity_type),
            record_id=row.record_id, record_label=label, record_deleted=deleted,
            field=row.field,
            field_label=(_("borttagen") if row.field == "deleted"
                         else field_label(row.entity_type, row.field)),
            kept_value=_shown(row, row.kept_value), other_value=_shown(row, row.other_value),
            other_unit=row.other_unit,
            other_source=sources.get(row.other_unit, row.other_unit),
            other_written_at=_written_at(row.other_clock), created_at=row.created_at)

    @staticmethod
    def _label(s: Session, table: str, record: Any, read: set[str]) -> str:
        person_id = record.id if table == "person" else getattr(record, "person_id", None)
        person = s.get(Person, person_id) if person_id else None
        name = ""
        if person is not None:
            read.add(person.id)
            name = f"{person.first_name} {person.last_name}".strip()
        group_id = getattr(record, "group_id", None)
        group = s.get(Group, group_id) if group_id else None
        if group is not None:
            return _("{person} i {group}").format(person=name, group=group.name)
        return name or RECORD_LABELS.get(table, table)
