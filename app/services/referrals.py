"""Referrals: help to leave, from the proposal to the end, with a grow-only history of steps.

The state machine (``ALLOWED``, in ``referral_states.py``) says which status may follow which.
Every step writes a ``ReferralEvent`` and moves ``referral.status`` and ``status_changed_on``
in one transaction with its audit event; events are never changed afterwards, so the status
always equals the last event's.

The consent gate: a step that shares data with another organisation (proposed → sent: the
referral goes to the provider) needs an active consent of the same person — given on or
before the step's day and not withdrawn — passed as ``consent_id``, or else a written
``override_reason``. An override is permitted but audited distinctly (detail
``{"override": true}``) and the reason is kept on the step. Steps that share nothing take
neither. Listing referrals names people, so it is logged like the people listing.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.errors import FieldError, MottryckError, NotFound, ValidationError
from app.i18n import Labels, _
from app.models import Consent, Person, Referral, ReferralEvent, ServiceProvider
from app.models.enums import ReferralStatus, ServiceType
from app.services import audit
from app.services.audit import Action
from app.services.consents import consent_problem
from app.services.db import Db
from app.services.providers import provider_names
from app.services.records import load_live, tombstone, update_row
from app.services.referral_states import (
    ALLOWED,
    OPEN,
    SHARING,
    TERMINAL,
    can_move,
    is_overdue,
    next_statuses,
    overdue_condition,
    shares_data,
)
from app.services.timeline_words import referral_word, service_word
from app.services.validate import Checker

__all__ = ["ALLOWED", "EDITABLE", "OPEN", "REFERRAL_FIELDS", "SHARING", "TERMINAL",
           "ReferralDTO", "ReferralEventDTO", "ReferralService", "shares_data"]

ENTITY = "referral"

REFERRAL_FIELDS = Labels({
    "person_id": _("person"),
    "service_type": _("insats"),
    "provider_id": _("verksamhet"),
    "status": _("status"),
    "proposed_on": _("föreslagen den"),
    "on": _("datum"),
    "due_on": _("följs upp senast"),
    "responsible_officer": _("ansvarig handläggare"),
    "feedback": _("återkoppling"),
    "note": _("anteckning"),
    "consent_id": _("samtycke"),
    "override_reason": _("skäl att gå vidare utan samtycke"),
})
# What ``update`` may change. The service and the provider only while the referral is
# proposed: once sent, the record says who received the person's data.
EDITABLE = ("service_type", "provider_id", "due_on", "responsible_officer", "feedback")
_UNTIL_SENT = ("service_type", "provider_id")


@dataclass(frozen=True)
class ReferralDTO:
    id: str
    person_id: str
    person_name: str
    service_type: ServiceType
    provider_id: str | None
    provider_name: str | None
    provider_archived: bool
    status: ReferralStatus
    consent_id: str | None  # the consent the referral was sent on
    proposed_on: date | None
    status_changed_on: date | None
    due_on: date | None
    responsible_officer: str | None
    feedback: str | None
    # The consent it was sent on has since been withdrawn: share nothing more.
    consent_withdrawn: bool
    consent_withdrawn_on: date | None
    overridden: bool  # a sharing step went ahead without a consent (reason written)
    created_at: datetime | None
    updated_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status not in TERMINAL

    @property
    def next_statuses(self) -> tuple[ReferralStatus, ...]:
        """The statuses it may move to now, in pipeline order."""
        return next_statuses(self.status)

    def needs_consent(self, target: ReferralStatus | str) -> bool:
        """Whether moving to ``target`` shares data (so asks for a consent or a reason)."""
        return shares_data(self.status, ReferralStatus(target))

    def is_overdue(self, today: date | None = None) -> bool:
        return is_overdue(self.status, self.due_on, today or date.today())

    def days_overdue(self, today: date | None = None) -> int:
        today = today or date.today()
        return (today - self.due_on).days if self.due_on and self.is_overdue(today) else 0


@dataclass(frozen=True)
class ReferralEventDTO:
    id: str
    referral_id: str
    status: ReferralStatus
    previous_status: ReferralStatus | None  # None for the proposal itself
    on: date
    by_user: str | None
    note: str | None
    consent_id: str | None
    override_reason: str | None
    created_at: datetime | None

    @property
    def overridden(self) -> bool:
        return self.override_reason is not None


def _unknown(values: Iterable[str], allowed: Iterable[str]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])


def _event_dto(e: ReferralEvent) -> ReferralEventDTO:
    return ReferralEventDTO(e.id, e.referral_id, e.status, e.previous_status, e.on, e.by_user,
                            e.note, e.consent_id, e.override_reason, e.created_at)


_OVERRIDDEN = exists().where(ReferralEvent.referral_id == Referral.id,
                             ReferralEvent.override_reason.is_not(None),
                             ReferralEvent.deleted.is_(False))


def _base() -> Any:
    """Live referrals of live people, with the person's name, the withdrawal day of the
    consent they were sent on, and whether a step went ahead on an override."""
    return (select(Referral, Person.first_name, Person.last_name, Consent.withdrawn_on,
                   _OVERRIDDEN.label("overridden"))
            .join(Person, Person.id == Referral.person_id)
            .outerjoin(Consent, Consent.id == Referral.consent_id)
            .where(Referral.deleted.is_(False), Person.deleted.is_(False)))


class ReferralService:
    def __init__(self, db: Db) -> None:
        self.db = db

    # ---- helpers -----------------------------------------------------------------------
    def _rows(self, s: Session, stmt: Any) -> builtins.list[ReferralDTO]:
        rows = s.execute(stmt).all()
        names = provider_names(s, (r[0].provider_id for r in rows))
        out = []
        for ref, first, last, withdrawn_on, overridden in rows:
            provider = names.get(ref.provider_id or "")
            out.append(ReferralDTO(
                id=ref.id, person_id=ref.person_id, person_name=f"{first} {last}",
                service_type=ref.service_type, provider_id=ref.provider_id,
                provider_name=provider[0] if provider else None,
                provider_archived=bool(provider and provider[1]), status=ref.status,
                consent_id=ref.consent_id, proposed_on=ref.proposed_on,
                status_changed_on=ref.status_changed_on, due_on=ref.due_on,
                responsible_officer=ref.responsible_officer, feedback=ref.feedback,
                consent_withdrawn=withdrawn_on is not None, consent_withdrawn_on=withdrawn_on,
                overridden=bool(overridden), created_at=ref.created_at,
                updated_at=ref.updated_at))
        return out

    def _dto(self, s: Session, referral_id: str) -> ReferralDTO:
        found = self._rows(s, _base().where(Referral.id == referral_id))
        if not found:
            raise NotFound(_("Remissen finns inte (eller är borttagen)."))
        return found[0]

    @staticmethod
    def _load(s: Session, referral_id: str) -> Referral:
        missing = _("Remissen finns inte (eller är borttagen).")
        row = load_live(s, Referral, referral_id, missing)
        load_live(s, Person, row.person_id, missing)  # a deleted person's referrals go too
        return row

    @staticmethod
    def _last_day(s: Session, referral_id: str) -> date | None:
        days = s.execute(select(ReferralEvent.on).where(
            ReferralEvent.referral_id == referral_id, ReferralEvent.deleted.is_(False))
        ).scalars().all()
        return max(days) if days else None

    @staticmethod
    def _check_provider(s: Session, c: Checker, provider_id: str | None,
                        service: ServiceType | None, keep: str | None = None) -> None:
        """A provider named on a referral exists, is not archived (unless it is the one the
        referral already had: ``keep``) and offers the service."""
        if not provider_id:
            return
        field, label = "provider_id", REFERRAL_FIELDS["provider_id"]
        row = s.get(ServiceProvider, provider_id)
        if row is None or row.deleted:
            c.fail(field, label, _("verksamheten finns inte"))
        elif row.archived and provider_id != keep:
            c.fail(field, label, _("verksamheten är arkiverad; välj en annan"))
        elif service is not None and service.value not in {str(t) for t in row.service_types
                                                           or ()}:
            c.fail(field, label, _("{provider} erbjuder inte {service}").format(
                provider=row.name, service=service_word(service).lower()))

    @staticmethod
    def _not_future(c: Checker, field: str, day: date | None, today: date) -> None:
        if day is not None and day > today and not any(e.field == field for e in c.errors):
            c.fail(field, REFERRAL_FIELDS[field], _("kan inte ligga i framtiden"))

    # ---- writes ------------------------------------------------------------------------
    def create(self, person_id: str, service_type: ServiceType | str,
               provider_id: str | None = None, due_on: date | str | None = None,
               responsible_officer: str | None = None, note: str | None = None, *,
               proposed_on: date | str | None = None,
               purpose: str | None = None) -> ReferralDTO:
        """Propose a referral (status proposed, with its first step dated ``proposed_on``,
        today if not given). Nothing is shared yet, so no consent is asked for."""
        today = date.today()
        c, L = Checker(), REFERRAL_FIELDS
        service = c.enum("service_type", L["service_type"], service_type, ServiceType)
        proposed = c.date("proposed_on", L["proposed_on"], proposed_on or today)
        due = c.date("due_on", L["due_on"], due_on)
        officer = c.text("responsible_officer", L["responsible_officer"], responsible_officer,
                         max_len=100)
        text = c.text("note", L["note"], note, max_len=5000)
        provider = c.text("provider_id", L["provider_id"], provider_id, max_len=36)
        self._not_future(c, "proposed_on", proposed, today)
        if proposed and due and due < proposed:
            c.fail("due_on", L["due_on"], _("kan inte ligga före dagen remissen föreslogs"))
        with self.db.write() as s:
            person = s.get(Person, person_id) if isinstance(person_id, str) else None
            if person is None or person.deleted:
                c.fail("person_id", L["person_id"], _("personen finns inte"))
            self._check_provider(s, c, provider, service)
            c.done()
            assert service is not None and proposed is not None
            row = Referral(person_id=person_id, service_type=service, provider_id=provider,
                           status=ReferralStatus.PROPOSED, proposed_on=proposed,
                           status_changed_on=proposed, due_on=due,
                           responsible_officer=officer)
            s.add(row)
            s.flush()
            event = ReferralEvent(referral_id=row.id, status=ReferralStatus.PROPOSED,
                                  previous_status=None, on=proposed, by_user=self.db.user,
                                  note=text)
            s.add(event)
            s.flush()
            audit.record(s, Action.CREATE, ENTITY, row.id, purpose=purpose,
                         detail={"status": ReferralStatus.PROPOSED.value, "event": event.id})
            return self._dto(s, row.id)

    def update(self, referral_id: str, changes: Mapping[str, Any], *,
               purpose: str | None = None) -> ReferralDTO:
        """Change the editable fields (``EDITABLE``); the status moves only by
        ``transition``. The service and the provider change only while proposed."""
        _unknown(changes, EDITABLE)
        c, L = Checker(), REFERRAL_FIELDS
        with self.db.write() as s:
            row = self._load(s, referral_id)
            cleaned: dict[str, Any] = {}
            if "service_type" in changes:
                cleaned["service_type"] = c.enum("service_type", L["service_type"],
                                                 changes["service_type"], ServiceType)
            if "provider_id" in changes:
                cleaned["provider_id"] = c.text("provider_id", L["provider_id"],
                                                changes["provider_id"], max_len=36)
            if "due_on" in changes:
                cleaned["due_on"] = c.date("due_on", L["due_on"], changes["due_on"])
                if (cleaned["due_on"] and row.proposed_on
                        and cleaned["due_on"] < row.proposed_on):
                    c.fail("due_on", L["due_on"],
                           _("kan inte ligga före dagen remissen föreslogs"))
            if "responsible_officer" in changes:
                cleaned["responsible_officer"] = c.text(
                    "responsible_officer", L["responsible_officer"],
                    changes["responsible_officer"], max_len=100)
            if "feedback" in changes:
                cleaned["feedback"] = c.text("feedback", L["feedback"], changes["feedback"],
                                             max_len=20000)
            for field in _UNTIL_SENT:
                if (field in cleaned and cleaned[field] != getattr(row, field)
                        and row.status is not ReferralStatus.PROPOSED
                        and not any(e.field == field for e in c.errors)):
                    c.fail(field, L[field], _(
                        "ändras bara medan remissen är föreslagen; den är redan skickad "
                        "(ta tillbaka den och gör en ny)"))
            service = cleaned.get("service_type", row.service_type)
            provider = cleaned.get("provider_id", row.provider_id)
            if (("provider_id" in cleaned or "service_type" in cleaned)
                    and not any(e.field in _UNTIL_SENT for e in c.errors)):
                self._check_provider(s, c, provider, service, keep=row.provider_id)
            c.done()
            update_row(s, row, ENTITY, cleaned, purpose=purpose)
            return self._dto(s, row.id)

    def transition(self, referral_id: str, to: ReferralStatus | str, *,
                   on: date | str | None = None, note: str | None = None,
                   consent_id: str | None = None, override_reason: str | None = None,
                   due_on: date | str | None = None,
                   purpose: str | None = None) -> ReferralDTO:
        """Move the referral to ``to`` on ``on`` (today if not given; not in the future, not
        before its previous step), writing the step and its audit event in one transaction.

        A step that shares data (``shares_data``) needs ``consent_id`` — an active consent
        of the same person on that day — or a non-blank ``override_reason``; other steps
        take neither. ``due_on``, if given, is the next follow-up date."""
        today = date.today()
        c, L = Checker(), REFERRAL_FIELDS
        target = c.enum("status", L["status"], to, ReferralStatus)
        day = c.date("on", L["on"], on or today)
        text = c.text("note", L["note"], note, max_len=5000)
        due = c.date("due_on", L["due_on"], due_on)
        self._not_future(c, "on", day, today)
        c.done()
        assert target is not None and day is not None
        with self.db.write() as s:
            row = self._load(s, referral_id)
            current = row.status
            if not can_move(current, target):
                raise ValidationError(FieldError("status", self._refusal(current, target),
                                                 L["status"]))
            last = self._last_day(s, row.id)
            if last is not None and day < last:
                c.fail("on", L["on"], _("kan inte ligga före föregående steg ({day})").format(
                    day=last.isoformat()))
            if due is not None and due < day:
                c.fail("due_on", L["due_on"], _("kan inte ligga före stegets datum"))
            consent, reason = self._gate(s, c, row, current, target, day, consent_id,
                                         override_reason)
            c.done()
            event = ReferralEvent(referral_id=row.id, status=target, previous_status=current,
                                  on=day, by_user=self.db.user, note=text,
                                  consent_id=consent, override_reason=reason)
            s.add(event)
            fields = ["status", "status_changed_on"]
            row.status, row.status_changed_on = target, day
            if consent is not None:
                row.consent_id = consent
                fields.append("consent_id")
            if due is not None and due != row.due_on:
                row.due_on = due
                fields.append("due_on")
            s.flush()
            detail: dict[str, Any] = {"fields": fields, "from": current.value,
                                      "to": target.value, "event": event.id}
            if consent is not None:
                detail["consent"] = consent
            if reason is not None:
                # Audited distinctly: the sharing went ahead without a consent. The reason
                # itself stays on the step (it may name people; the log holds ids only).
                detail["override"] = True
            audit.record(s, Action.UPDATE, ENTITY, row.id, purpose=purpose, detail=detail)
            return self._dto(s, row.id)

    @staticmethod
    def _refusal(current: ReferralStatus, target: ReferralStatus) -> str:
        if current in TERMINAL:
            return _("remissen är avslutad ({status}) och kan inte flyttas vidare").format(
                status=referral_word(current).lower())
        if current is target:
            return _("remissen är redan {status}").format(status=referral_word(current).lower())
        allowed = ", ".join(referral_word(s).lower() for s in next_statuses(current))
        return _("kan inte gå från {current} till {target} (möjligt: {allowed})").format(
            current=referral_word(current).lower(), target=referral_word(target).lower(),
            allowed=allowed)

    def _gate(self, s: Session, c: Checker, row: Referral, current: ReferralStatus,
              target: ReferralStatus, day: date, consent_id: str | None,
              override_reason: str | None) -> tuple[str | None, str | None]:
        """The consent gate: (the consent id, the override reason) to write on the step."""
        L = REFERRAL_FIELDS
        given = consent_id is not None and str(consent_id).strip() != ""
        if not shares_data(current, target):
            if given or override_reason is not None:
                c.fail("consent_id", L["consent_id"], _(
                    "steget lämnar inga uppgifter till någon annan, så inget samtycke "
                    "eller skäl anges"))
            return None, None
        if not row.provider_id:
            c.fail("provider_id", L["provider_id"],
                   _("välj verksamheten remissen skickas till"))
        else:
            self._check_provider(s, c, row.provider_id, None)
        if given and override_reason is not None:
            c.fail("override_reason", L["override_reason"], _(
                "ange antingen ett samtycke eller ett skäl att gå vidare utan, inte båda"))
            return None, None
        if override_reason is not None:
            reason = c.text("override_reason", L["override_reason"], override_reason,
                            required=True, max_len=5000)
            return None, reason
        if not given:
            c.fail("consent_id", L["consent_id"], _(
                "remissen lämnar personens uppgifter till verksamheten: välj ett samtycke "
                "från personen, eller skriv skälet att gå vidare utan"))
            return None, None
        consent = s.get(Consent, consent_id)
        problem = consent_problem(consent, row.person_id, day)
        if problem is not None:
            c.fail("consent_id", L["consent_id"], problem)
            return None, None
        assert consent is not None
        return consent.id, None

    def delete(self, referral_id: str, *, purpose: str | None = None) -> None:
        """Tombstone a referral proposed by mistake, with its step. Once sent it stays: it
        records that data went to the provider (withdraw it instead)."""
        with self.db.write() as s:
            row = self._load(s, referral_id)
            if row.status is not ReferralStatus.PROPOSED:
                raise MottryckError(_("Remissen är redan {status} och tas inte bort; den visar "
                                      "vart personens uppgifter gick. Ta tillbaka den i "
                                      "stället.").format(status=referral_word(row.status)
                                                         .lower()))
            for event in s.execute(select(ReferralEvent).where(
                    ReferralEvent.referral_id == row.id)).scalars():
                event.deleted = True
            tombstone(s, row, ENTITY, purpose=purpose)

    # ---- reads -------------------------------------------------------------------------
    def get(self, referral_id: str, *, purpose: str | None = None) -> ReferralDTO:
        """One referral; the consultation is logged."""
        with self.db.write() as s:
            self._load(s, referral_id)
            audit.record(s, Action.READ, ENTITY, referral_id, purpose=purpose)
            return self._dto(s, referral_id)

    def history(self, referral_id: str, *, log: bool = True,
                purpose: str | None = None) -> builtins.list[ReferralEventDTO]:
        """The referral's steps, oldest first (the proposal is the first)."""
        with self.db.write() as s:
            self._load(s, referral_id)
            events = s.execute(select(ReferralEvent).where(
                ReferralEvent.referral_id == referral_id, ReferralEvent.deleted.is_(False))
                .order_by(ReferralEvent.on, ReferralEvent.hlc)
            ).scalars().all()
            if log:
                audit.record(s, Action.READ, ENTITY, referral_id, purpose=purpose,
                             detail={"history": len(events)})
            return [_event_dto(e) for e in events]

    def list(self, status: ReferralStatus | str | None = None, person_id: str | None = None,
             provider_id: str | None = None, overdue_only: bool = False, *,
             service_type: ServiceType | str | None = None, today: date | None = None,
             limit: int | None = None, offset: int = 0, log: bool = True,
             purpose: str | None = None) -> builtins.list[ReferralDTO]:
        """Referrals of live people, the latest proposed first (overdue ones: the longest
        overdue first). ``overdue_only`` keeps open ones whose follow-up date is before
        ``today``. The listing names people, so it is logged as one READ with the number of
        rows (``log``)."""
        c = Checker()
        wanted = c.enum("status", REFERRAL_FIELDS["status"], status, ReferralStatus,
                        required=False)
        kind = c.enum("service_type", REFERRAL_FIELDS["service_type"], service_type,
                      ServiceType, required=False)
        c.done()
        stmt = _base()
        if wanted is not None:
            stmt = stmt.where(Referral.status == wanted)
        if kind is not None:
            stmt = stmt.where(Referral.service_type == kind)
        if person_id:
            stmt = stmt.where(Referral.person_id == person_id)
        if provider_id:
            stmt = stmt.where(Referral.provider_id == provider_id)
        if overdue_only:
            stmt = stmt.where(overdue_condition(today or date.today())).order_by(
                Referral.due_on, Person.sort_name, Referral.id)
        else:
            stmt = stmt.order_by(Referral.proposed_on.desc().nulls_last(),
                                 Referral.created_at.desc(), Referral.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        with self.db.read() as s:
            out = self._rows(s, stmt)
        if log and out:
            with self.db.write() as s:
                audit.record(s, Action.READ, "referral_list", None, purpose=purpose,
                             detail={"rows": len(out)})
        return out

    def overdue(self, today: date | None = None, *, log: bool = True,
                purpose: str | None = None) -> builtins.list[ReferralDTO]:
        """Open referrals followed up later than due (``due_on`` before ``today``), the
        longest overdue first — the rule Översikt uses too."""
        return self.list(overdue_only=True, today=today, log=log, purpose=purpose)
