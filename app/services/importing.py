"""Importing people (and their group memberships) from a CSV or XLSX file, all or nothing.

Rows are validated with the same rules as the person form (``clean_person``) and inserted with
Core bulk inserts in one transaction, batch by batch as the file streams in. The first bad row
stops the inserting but not the checking, so the user gets every problem in one go; then the
transaction is rolled back and nothing is written. One audit event describes the whole import
(counts and format only: a file name can itself be personal data).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.errors import Cancelled, FieldError, ImportRejected, RowError, ValidationError
from app.i18n import _
from app.models import Group, Membership, Person
from app.models.base import new_id
from app.models.enums import Confidence
from app.services import audit
from app.services.audit import Action
from app.services.bulk import insert_rows
from app.services.groups import MEMBERSHIP_FIELDS
from app.services.import_columns import MEMBERSHIP_COLUMNS, ColumnMap, cell_value, map_header
from app.services.import_read import Sheet, open_sheet
from app.services.people import PERSON_FIELDS, clean_person
from app.services.session import Services
from app.services.validate import Checker

BATCH = 5000
PERSON_TABLE = cast(Table, Person.__table__)
MEMBERSHIP_TABLE = cast(Table, Membership.__table__)
CHECK_EVERY = 1000  # rows between progress reports and cancel checks


@dataclass(frozen=True)
class ImportSummary:
    people: int
    memberships: int
    file: str


def import_people(services: Services, path: Path, *,
                  progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None,
                  dry_run: bool = False) -> ImportSummary:
    """Read every row, refuse the whole file if any row is bad, else insert all in one go.

    ``progress(done, total)`` counts bytes of a CSV or rows of a sheet; ``cancel()`` is polled
    every thousand rows and raises ``Cancelled`` (nothing written) when it returns true.
    """
    path = Path(path)
    db = services.db
    with open_sheet(path) as table:
        header_line, header = _header(table)
        columns = map_header(header)
        # A dry run must not take the write lock or touch anything: a read session suffices.
        txn: AbstractContextManager[Session] = db.read() if dry_run else db.write()
        with txn as session:
            job = _Job(session, columns, write=not dry_run, plain_text=table.format == "csv")
            for line, cells in table.rows:
                job.add(line, cells)
                if line % CHECK_EVERY == 0:
                    _poll(table, progress, cancel)
            job.flush()
            if job.errors:
                raise _rejected(job.errors)
            if job.people == 0:
                raise ImportRejected(_("Filen har inga rader med personer under rubrikraden "
                                       "(rad {line}).").format(line=header_line))
            if cancel is not None and cancel():
                raise Cancelled(_("Inläsningen avbröts; inget sparades."))
            if not dry_run:
                audit.record(session, Action.IMPORT, "person", None, detail={
                    "rows": job.people, "memberships": job.memberships,
                    "format": table.format})
    if progress is not None:
        progress(table.size, table.size)
    return ImportSummary(job.people, job.memberships, path.name)


def _header(table: Sheet) -> tuple[int, list[Any]]:
    """The first non-empty row; blank lines above it are skipped but still counted."""
    for line, cells in table.rows:
        if _filled(cells):
            return line, cells
    raise ImportRejected(_("Filen är tom."))


def _filled(cells: list[Any]) -> bool:
    return any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells)


def _poll(table: Sheet, progress: Callable[[int, int], None] | None,
          cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled(_("Inläsningen avbröts; inget sparades."))
    if progress is not None:
        progress(min(table.position(), table.size), table.size)


def _rejected(errors: list[RowError]) -> ImportRejected:
    errors.sort(key=lambda e: e.line)
    lines = len({e.line for e in errors})
    return ImportRejected(
        _("Filen lästes inte in: {n} rader har fel. Rätta dem och försök igen; "
          "inget sparades.").format(n=lines), rows=errors)


def _row_errors(line: int, errors: list[FieldError]) -> Iterator[RowError]:
    for error in errors:
        yield RowError(line, str(error))


class _Job:
    """Validates rows one by one and inserts them in batches while no row has failed."""

    def __init__(self, session: Session, columns: ColumnMap, *, write: bool,
                 plain_text: bool) -> None:
        self.session = session
        self.write = write
        self.plain_text = plain_text
        self.status_at = columns.index.get("frivard_status")
        self._statuses: dict[str, Any] = {}  # a column of a handful of distinct labels
        self.fields = [(f, i) for f, i in columns.index.items() if f not in MEMBERSHIP_COLUMNS]
        self.member_fields = [(f, i) for f, i in columns.index.items() if f in MEMBERSHIP_COLUMNS]
        self.width = columns.width
        self.groups = _group_index(session) if columns.has_groups else {}
        self.errors: list[RowError] = []
        self.seen_pnr: dict[str, int] = {}  # number → first line it appeared on
        self.registered: dict[str, bool] | None = None  # read inside the transaction, once
        self.people = 0
        self.memberships = 0
        self._batch: list[tuple[int, dict[str, Any]]] = []
        self._members: list[dict[str, Any]] = []

    def add(self, line: int, cells: list[Any]) -> None:
        if not _filled(cells):
            return  # blank spreadsheet rows carry nothing
        if len(cells) > self.width and _filled(cells[self.width:]):
            self.errors.append(RowError(line, _("fler värden än det finns kolumner")))
            return
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        if self.plain_text:
            # CSV cells are text already and the validators strip them: skip the conversion,
            # it is a tenth of the per-row cost. Only the status labels need mapping.
            # None for an empty cell lets each check stop at its first test.
            values = {f: cells[i] or None for f, i in self.fields}
            if self.status_at is not None:
                raw = cells[self.status_at]
                status = self._statuses.get(raw)
                if status is None:
                    status = self._statuses[raw] = cell_value("frivard_status", raw)
                values["frivard_status"] = status
        else:
            values = {f: cell_value(f, cells[i]) for f, i in self.fields}
        try:
            person = clean_person(values)
        except ValidationError as exc:
            self.errors.extend(_row_errors(line, exc.errors))
            person = None
        membership = self._membership(line, cells) if self.member_fields else None
        if person is None or membership is False:
            return
        digits = person["personnummer"]
        if digits:
            first = self.seen_pnr.setdefault(digits, line)
            if first != line:
                self.errors.append(RowError(line, str(FieldError(
                    "personnummer", _("samma nummer finns redan på rad {line}").format(
                        line=first), PERSON_FIELDS["personnummer"]))))
                return
        person["id"] = new_id()
        self.people += 1
        self._batch.append((line, person))
        if isinstance(membership, dict):
            membership["person_id"] = person["id"]
            self._members.append(membership)
            self.memberships += 1
        if len(self._batch) >= BATCH:
            self.flush()

    def _membership(self, line: int, cells: list[Any]) -> dict[str, Any] | bool | None:
        """The row's membership, None if it names no group, False if it is invalid."""
        raw = {f: cell_value(f, cells[i]) for f, i in self.member_fields}
        c, labels = Checker(), MEMBERSHIP_FIELDS
        name = c.text("group_id", labels["group_id"], raw.get("group"), max_len=100)
        role = c.text("role", labels["role"], raw.get("role"), max_len=100)
        since = c.date("valid_from", labels["valid_from"], raw.get("member_from"))
        group_id = None
        if name:
            group_id = self._group_id(name, c)
        elif (role or since) and not c.errors:
            c.fail("group_id", labels["group_id"], _("måste fyllas i när roll eller "
                                                      "medlem från är ifyllt"))
        if c.errors:
            self.errors.extend(_row_errors(line, c.errors))
            return False
        if group_id is None:
            return None
        return {"group_id": group_id, "role": role, "source": None,
                "confidence": Confidence.MEDIUM, "valid_from": since, "valid_to": None,
                "notes": None}

    def _group_id(self, name: str, c: Checker) -> str | None:
        matches = self.groups.get(name.casefold(), [])
        exact = [gid for gid, gname in matches if gname == name]
        if len(exact) == 1:
            return exact[0]
        if len(matches) == 1:
            return matches[0][0]
        reason = (_("det finns ingen grupp som heter '{name}'") if not matches
                  else _("flera grupper heter '{name}'; skriv namnet exakt"))
        c.fail("group_id", MEMBERSHIP_FIELDS["group_id"], reason.format(name=name))
        return None

    def flush(self) -> None:
        """Check the batch against the register, then insert it if the file is still clean."""
        if not self._batch:
            return
        if self.registered is None:
            self.registered = _registered(self.session)
        taken = self.registered
        for line, person in self._batch:
            deleted = taken.get(person["personnummer"]) if person["personnummer"] else None
            if deleted is not None:
                reason = (_("finns redan hos en borttagen person i registret") if deleted
                          else _("finns redan i registret"))
                self.errors.append(RowError(line, str(FieldError(
                    "personnummer", reason, PERSON_FIELDS["personnummer"]))))
        if self.write and not self.errors:
            insert_rows(self.session, PERSON_TABLE, (p for _l, p in self._batch))
            if self._members:
                insert_rows(self.session, MEMBERSHIP_TABLE, self._members)
        self._batch = []
        self._members = []


def _group_index(session: Session) -> dict[str, list[tuple[str, str]]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for gid, name in session.execute(select(Group.id, Group.name).where(
            Group.deleted.is_(False))).all():
        index.setdefault(name.casefold(), []).append((gid, name))
    return index


def _registered(session: Session) -> dict[str, bool]:
    """Every number the register holds (→ whether that row is a tombstone), read once.

    One indexed scan costs less than a lookup per batch, even with 100,000 people stored.
    Tombstones count: the column is unique, and a deleted person may come back by merge.
    """
    rows = session.execute(select(Person.personnummer, Person.deleted).where(
        Person.personnummer.is_not(None))).all()
    return {digits: bool(deleted) for digits, deleted in rows if digits}
