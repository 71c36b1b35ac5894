"""Help-line contacts (the exit line, avhoppartelefonen): who called and how, what they asked,
what they were offered, and the follow-up promised.

Anonymous contacts are first-class. ``anonymous`` means the caller gave no name: such a
contact holds neither a name nor a person. A caller who gives a name is not anonymous: the
name is kept in ``caller_name`` and the contact can be linked to a person here, then or later
(``link_person``), which is audited like every other write.

A follow-up is due while ``follow_up_on`` holds a day that has come. Marking it done
(``mark_followed_up``) clears that day and adds a dated line to the ``follow_up`` text, so the
promise and when it was kept both stay on the contact.

A contact linked to a person is personal data, so every consultation (``get``, ``list``,
``follow_ups_due``) is audited like a person's, with ids and counts only.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.i18n import Labels, _
from app.models import HelplineContact, Person
from app.models.enums import HelplineChannel
from app.services import audit
from app.services.audit import Action
from app.services.db import Db
from app.services.notification_fields import FUTURE_SLACK
from app.services.records import add_row, load_live, tombstone, update_row
from app.services.validate import Checker

__all__ = ["HELPLINE_FIELDS", "HelplineContactDTO", "HelplineMonth", "HelplineService",
           "clean_contact"]

ENTITY = "helpline_contact"

# Field name → what users read. Also the set of fields a caller may set.
HELPLINE_FIELDS: Mapping[str, str] = Labels({
    "contacted_at": _("tidpunkt"),
    "channel": _("kanal"),
    "anonymous": _("anonym"),
    "person_id": _("person"),
    "caller_name": _("namn som uppgavs"),
    "asked": _("frågade om"),
    "offered": _("erbjöds"),
    "follow_up": _("uppföljning"),
    "follow_up_on": _("följs upp den"),
    "handled_by": _("togs emot av"),
})


@dataclass(frozen=True)
class HelplineContactDTO:
    id: str
    contacted_at: datetime
    channel: HelplineChannel
    anonymous: bool
    person_id: str | None
    person_name: str | None  # the linked person's name; None if unlinked or the person is gone
    caller_name: str | None
    asked: str | None
    offered: str | None
    follow_up: str | None
    follow_up_on: date | None  # a follow-up still to do; cleared when done
    handled_by: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def caller(self) -> str:
        """Who called, as a list shows it: the linked person, the name given, or anonymous."""
        return self.person_name or self.caller_name or _("Anonym")

    def follow_up_due(self, on: date | None = None) -> bool:
        return self.follow_up_on is not None and self.follow_up_on <= (on or date.today())


@dataclass(frozen=True)
class HelplineMonth:
    month: date  # the first day of the month
    contacts: int
    anonymous: int


def _day_start(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, time.min)


def _day_end(value: date | datetime) -> datetime:
    """The exclusive end of an inclusive day (a datetime is taken as the exclusive end)."""
    return value if isinstance(value, datetime) else _day_start(value + timedelta(days=1))


def _unknown(values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(HELPLINE_FIELDS)
    if unknown:
        raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])


def clean_contact(s: Session, values: Mapping[str, Any], *, handler: str | None = None,
                  now: datetime | None = None) -> dict[str, Any]:
    """Validate a full set of contact fields against the register; raises ValidationError
    naming every bad field. A missing ``anonymous`` follows from the rest (no name and no
    person: anonymous); a missing ``handled_by`` is ``handler`` (the user, for a new one)."""
    _unknown(values)
    c, L = Checker(), HELPLINE_FIELDS
    out: dict[str, Any] = {
        "contacted_at": c.datetime("contacted_at", L["contacted_at"], values.get("contacted_at"),
                                   required=True),
        "channel": c.enum("channel", L["channel"], values.get("channel"), HelplineChannel),
        "person_id": c.text("person_id", L["person_id"], values.get("person_id"), max_len=36),
        "caller_name": c.text("caller_name", L["caller_name"], values.get("caller_name")),
        "asked": c.text("asked", L["asked"], values.get("asked"), max_len=5000),
        "offered": c.text("offered", L["offered"], values.get("offered"), max_len=5000),
        "follow_up": c.text("follow_up", L["follow_up"], values.get("follow_up"),
                            max_len=5000),
        "follow_up_on": c.date("follow_up_on", L["follow_up_on"], values.get("follow_up_on")),
        "handled_by": c.text("handled_by", L["handled_by"], values.get("handled_by") or handler,
                             max_len=100),
    }
    anonymous = values.get("anonymous")
    if anonymous is not None and not isinstance(anonymous, bool):
        c.fail("anonymous", L["anonymous"], _("ska vara ja eller nej"))
        anonymous = None
    named = bool(out["person_id"] or out["caller_name"])
    if anonymous is None:
        anonymous = not named
    if anonymous:
        if out["person_id"]:
            c.fail("person_id", L["person_id"],
                   _("en anonym kontakt kopplas inte till en person"))
        if out["caller_name"]:
            c.fail("caller_name", L["caller_name"],
                   _("en anonym uppringare har inte uppgett något namn"))
    elif not named and not any(e.field in ("person_id", "caller_name") for e in c.errors):
        c.fail("caller_name", L["caller_name"],
               _("ange namnet som uppgavs eller koppla kontakten till en person"))
    out["anonymous"] = anonymous
    if out["person_id"]:
        person = s.get(Person, out["person_id"])
        if person is None or person.deleted:
            c.fail("person_id", L["person_id"], _("personen finns inte (eller är borttagen)"))
    when = out["contacted_at"]
    if when and when > (now or datetime.now()) + FUTURE_SLACK:
        c.fail("contacted_at", L["contacted_at"], _("ligger i framtiden"))
    if when and out["follow_up_on"] and out["follow_up_on"] < when.date():
        c.fail("follow_up_on", L["follow_up_on"], _("kan inte ligga före kontakten"))
    c.done()
    return out


class HelplineService:
    def __init__(self, db: Db) -> None:
        self.db = db

    @staticmethod
    def _load(s: Session, contact_id: str) -> HelplineContact:
        return load_live(s, HelplineContact, contact_id,
                         _("Kontakten finns inte (eller är borttagen)."))

    @staticmethod
    def _names(s: Session, person_ids: set[str]) -> dict[str, str]:
        """Live people's names by id, in one query."""
        if not person_ids:
            return {}
        return {pid: f"{first} {last}" for pid, first, last in s.execute(
            select(Person.id, Person.first_name, Person.last_name)
            .where(Person.id.in_(person_ids), Person.deleted.is_(False))).all()}

    @staticmethod
    def _dto(row: HelplineContact, names: Mapping[str, str]) -> HelplineContactDTO:
        return HelplineContactDTO(
            id=row.id, contacted_at=row.contacted_at, channel=row.channel,
            anonymous=bool(row.anonymous), person_id=row.person_id,
            person_name=names.get(row.person_id) if row.person_id else None,
            caller_name=row.caller_name, asked=row.asked, offered=row.offered,
            follow_up=row.follow_up, follow_up_on=row.follow_up_on, handled_by=row.handled_by,
            created_at=row.created_at, updated_at=row.updated_at)

    def _one(self, s: Session, row: HelplineContact) -> HelplineContactDTO:
        return self._dto(row, self._names(s, {row.person_id} if row.person_id else set()))

    def _many(self, s: Session, rows: builtins.list[HelplineContact],
              ) -> builtins.list[HelplineContactDTO]:
        names = self._names(s, {r.person_id for r in rows if r.person_id})
        return [self._dto(r, names) for r in rows]

    @staticmethod
    def _current(row: HelplineContact) -> dict[str, Any]:
        return {f: getattr(row, f) for f in HELPLINE_FIELDS}

    # ---- writes ------------------------------------------------------------------------
    def create(self, values: Mapping[str, Any], *,
               purpose: str | None = None) -> HelplineContactDTO:
        """Record a contact. Required: ``contacted_at`` (not in the future) and ``channel``."""
        with self.db.write() as s:
            cleaned = clean_contact(s, values, handler=self.db.user)
            row = add_row(s, HelplineContact(**cleaned), ENTITY, purpose=purpose,
                          detail={"anonymous": cleaned["anonymous"],
                                  "linked": cleaned["person_id"] is not None})
            return self._one(s, row)

    def update(self, contact_id: str, changes: Mapping[str, Any], *,
               purpose: str | None = None) -> HelplineContactDTO:
        """Change some fields; the rest keep their values. Unless ``anonymous`` is among the
        changes it follows from the result: giving a name ends anonymity, and clearing both
        the name and the person makes the contact anonymous again."""
        _unknown(changes)
        with self.db.write() as s:
            row = self._load(s, contact_id)
            base = self._current(row)
            if "anonymous" not in changes:
                base.pop("anonymous")
            cleaned = clean_contact(s, {**base, **changes})
            update_row(s, row, ENTITY, cleaned, purpose=purpose)
            return self._one(s, row)

    def link_person(self, contact_id: str, person_id: str, purpose: str | None = None,
                    ) -> HelplineContactDTO:
        """The caller has said who they are: link the contact to that person (it is no
        longer anonymous). Linking to the person it already names changes nothing; a contact
        linked to someone else must be unlinked first."""
        if not person_id:
            raise ValidationError(FieldError("person_id", _("välj en person"),
                                             HELPLINE_FIELDS["person_id"]))
        with self.db.write() as s:
            row = self._load(s, contact_id)
            if row.person_id and row.person_id != person_id:
                raise ValidationError(FieldError(
                    "person_id", _("kontakten är redan kopplad till en annan person; ta bort "
                                   "den kopplingen först"), HELPLINE_FIELDS["person_id"]))
            cleaned = clean_contact(s, {**self._current(row), "person_id": person_id,
                                        "anonymous": False})
            update_row(s, row, ENTITY, cleaned, purpose=purpose)
            return self._one(s, row)

    def unlink_person(self, contact_id: str, purpose: str | None = None) -> HelplineContactDTO:
        """Undo a wrong link. A contact that kept the name the caller gave stays named;
        without one it is anonymous again."""
        with self.db.write() as s:
            row = self._load(s, contact_id)
            base = self._current(row)
            base.pop("anonymous")
            cleaned = clean_contact(s, {**base, "person_id": None})
            update_row(s, row, ENTITY, cleaned, purpose=purpose)
            return self._one(s, row)

    def mark_followed_up(self, contact_id: str, note: str | None = None, *,
                         on: date | None = None,
                         purpose: str | None = None) -> HelplineContactDTO:
        """The promised follow-up is done: clear ``follow_up_on`` and add a line saying when
        and by whom (and ``note``) to the follow-up text."""
        with self.db.write() as s:
            row = self._load(s, contact_id)
            label = HELPLINE_FIELDS["follow_up_on"]
            if row.follow_up_on is None:
                raise ValidationError(FieldError(
                    "follow_up_on", _("ingen uppföljning är planerad"), label))
            day = on or date.today()
            if day < row.contacted_at.date() or day > date.today():
                raise ValidationError(FieldError(
                    "follow_up_on", _("dagen ska ligga mellan kontakten och i dag"), label))
            c = Checker()
            extra = c.text("follow_up", HELPLINE_FIELDS["follow_up"], note, max_len=2000)
            c.done()
            line = _("Uppföljd {day} av {user}").format(day=day.isoformat(), user=self.db.user)
            if extra:
                line = f"{line}: {extra}"
            text = f"{row.follow_up}\n{line}" if row.follow_up else line
            cleaned = clean_contact(s, {**self._current(row), "follow_up": text,
                                        "follow_up_on": None})
            update_row(s, row, ENTITY, cleaned, purpose=purpose)
            return self._one(s, row)

    def delete(self, contact_id: str, *, purpose: str | None = None) -> None:
        """Soft delete: the contact leaves the lists, counts and the person's timeline."""
        with self.db.write() as s:
            tombstone(s, self._load(s, contact_id), ENTITY, purpose=purpose)

    # ---- reads -------------------------------------------------------------------------
    def get(self, contact_id: str, *, purpose: str | None = None) -> HelplineContactDTO:
        """One contact; the consultation is logged."""
        with self.db.write() as s:
            row = self._load(s, contact_id)
            audit.record(s, Action.READ, ENTITY, row.id, purpose=purpose)
            return self._one(s, row)

    def _log_list(self, rows: int, what: str) -> None:
        with self.db.write() as s:
            audit.record(s, Action.READ, "helpline_contact_list", None,
                         detail={"rows": rows, "list": what})

    def follow_ups_due(self, on: date | None = None, *,
                       log: bool = True) -> builtins.list[HelplineContactDTO]:
        """Contacts whose follow-up day has come (``on``, default today) and that are not
        marked done, the longest overdue first."""
        day = on or date.today()
        stmt = (select(HelplineContact)
                .where(HelplineContact.deleted.is_(False),
                       HelplineContact.follow_up_on.is_not(None),
                       HelplineContact.follow_up_on <= day)
                .order_by(HelplineContact.follow_up_on, HelplineContact.contacted_at,
                          HelplineContact.id))
        with self.db.read() as s:
            out = self._many(s, list(s.execute(stmt).scalars()))
        if log and out:
            self._log_list(len(out), "follow_ups_due")
        return out

    def monthly_counts(self, since: date, until: date) -> builtins.list[HelplineMonth]:
        """Contacts per calendar month from ``since``'s month to ``until``'s (inclusive days),
        a month without contacts included as zero. Counts only, so nothing is logged."""
        if until < since:
            raise ValidationError(FieldError("until", _("kan inte ligga före startdatumet"),
                                             _("till")))
        month = func.strftime("%Y-%m", HelplineContact.contacted_at)
        stmt = (select(month, func.count(), func.sum(HelplineContact.anonymous))
                .where(HelplineContact.deleted.is_(False),
                       HelplineContact.contacted_at >= _day_start(since),
                       HelplineContact.contacted_at < _day_end(until))
                .group_by(month))
        with self.db.read() as s:
            found = {key: (int(n), int(anon or 0)) for key, n, anon in s.execute(stmt).all()}
        out: builtins.list[HelplineMonth] = []
        first = date(since.year, since.month, 1)
        while first <= until:
            n, anon = found.get(first.strftime("%Y-%m"), (0, 0))
            out.append(HelplineMonth(first, n, anon))
            first = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return out

    # Last in the class: from here on ``list`` names this method, not the builtin.
    def list(self, since: date | datetime | None = None, until: date | datetime | None = None,
             *, channel: HelplineChannel | str | None = None, anonymous_only: bool = False,
             person_id: str | None = None, search: str | None = None, limit: int = 500,
             offset: int = 0, log: bool = True) -> builtins.list[HelplineContactDTO]:
        """Contacts newest first. ``since`` and ``until`` are inclusive days (a datetime
        ``until`` is exclusive); ``search`` keeps the contacts whose question, offer or given
        name holds every typed word, ignoring case (folded here, as SQLite folds no å, ä, ö;
        a year holds hundreds of contacts, not millions). Logged as one READ with the number
        of rows (``log``)."""
        stmt = select(HelplineContact).where(HelplineContact.deleted.is_(False))
        if since:
            stmt = stmt.where(HelplineContact.contacted_at >= _day_start(since))
        if until:
            stmt = stmt.where(HelplineContact.contacted_at < _day_end(until))
        if channel:
            try:
                stmt = stmt.where(HelplineContact.channel == HelplineChannel(channel))
            except ValueError:
                raise ValidationError(FieldError(
                    "channel", _("okänt värde '{v}' (tillåtna: {allowed})").format(
                        v=channel, allowed=", ".join(c.value for c in HelplineChannel)),
                    HELPLINE_FIELDS["channel"])) from None
        if anonymous_only:
            stmt = stmt.where(HelplineContact.anonymous.is_(True))
        if person_id:
            stmt = stmt.where(HelplineContact.person_id == person_id)
        stmt = stmt.order_by(HelplineContact.contacted_at.desc(), HelplineContact.id)
        words = (search or "").casefold().split()
        with self.db.read() as s:
            if words:
                rows = [r for r in s.execute(stmt).scalars()
                        if all(w in " ".join((r.asked or "", r.offered or "",
                                              r.caller_name or "")).casefold() for w in words)]
                rows = rows[offset:offset + limit]
            else:
                rows = list(s.execute(stmt.limit(limit).offset(offset)).scalars())
            out = self._many(s, rows)
        if log and out:
            self._log_list(len(out), "contacts")
        return out
