"""The invitees of a call-in and their pipeline: propose, give a reason, remove, move one step
at a time (proposed → approved → invited → attended / no-show / excused), sign out.

A mixin of ``CallInService`` (app/services/callins.py), so staff code calls
``services.callins.add_invitee(...)`` and so on; the loading helpers live here because both
halves use them. Every write is one transaction with its audit event.
"""

from __future__ import annotations

import builtins
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.i18n import _
from app.models import CallIn, CallInInvitee, Person
from app.models.enums import CallInStatus, InviteeStatus
from app.services import audit
from app.services.audit import Action
from app.services.callin_dto import InviteeDTO
from app.services.callin_pipeline import (
    invitee_move_error,
    open_invitation,
    withdraw_invitation,
)
from app.services.callin_plan import CleanInvitee, sync_invitees
from app.services.callin_reads import invitee_dto
from app.services.callin_words import CALLIN_FIELDS, INVITEE_FIELDS
from app.services.db import Db
from app.services.records import load_live, tombstone
from app.services.validate import Checker


def now_local() -> datetime:
    """Local wall-clock time, as staff enter the call-in's own times."""
    return datetime.now().replace(microsecond=0)


class InviteeActions:
    db: Db

    # ---- loading -------------------------------------------------------------------------
    @staticmethod
    def _callin(s: Session, callin_id: str) -> CallIn:
        return load_live(s, CallIn, callin_id, _("Call-in finns inte (eller är borttagen)."))

    @staticmethod
    def _invitee(s: Session, invitee_id: str) -> tuple[CallInInvitee, CallIn]:
        inv = load_live(s, CallInInvitee, invitee_id,
                        _("Den inbjudna finns inte (eller är borttagen)."))
        person = s.get(Person, inv.person_id)
        if person is None or person.deleted:
            raise ValidationError(FieldError("person_id", _("personen är borttagen"),
                                             INVITEE_FIELDS["person_id"]))
        return inv, InviteeActions._callin(s, inv.callin_id)

    @staticmethod
    def _complete(callin: CallIn) -> bool:
        """A draft may be incomplete; once finished, every edit must keep it complete."""
        return callin.status is not CallInStatus.DRAFT

    # ---- invitees ------------------------------------------------------------------------
    def add_invitee(self, call_in_id: str, person_id: str,
                    reason: str | None = None) -> InviteeDTO:
        """Propose a person (a finished call-in needs the reason)."""
        with self.db.write() as s:
            callin = self._callin(s, call_in_id)
            c = Checker()
            L = INVITEE_FIELDS
            person = s.get(Person, person_id)
            if person is None or person.deleted:
                c.fail("person_id", L["person_id"], _("personen finns inte"))
            clean_reason = c.text("reason", L["reason"], reason, max_len=2000,
                                  required=self._complete(callin))
            c.done()
            existing = {r.person_id: r for r in s.execute(select(CallInInvitee).where(
                CallInInvitee.callin_id == callin.id)).scalars()}
            row = existing.get(person_id)
            if row is not None and not row.deleted:
                raise ValidationError(FieldError("person_id", _("är redan inbjuden"),
                                                 L["person_id"]))
            plan = [CleanInvitee(r.person_id, r.reason, r.status)
                    for r in existing.values() if not r.deleted]
            plan.append(CleanInvitee(person_id, clean_reason, InviteeStatus.PROPOSED))
            c = Checker()
            sync_invitees(s, c, callin, plan)
            c.done()
            s.flush()
            row = s.execute(select(CallInInvitee).where(
                CallInInvitee.callin_id == callin.id,
                CallInInvitee.person_id == person_id)).scalar_one()
            audit.record(s, Action.CREATE, "callin_invitee", row.id,
                         detail={"callin": callin.id})
            return invitee_dto(s, row)

    def set_invitee_reason(self, invitee_id: str, reason: str | None) -> InviteeDTO:
        with self.db.write() as s:
            inv, callin = self._invitee(s, invitee_id)
            c = Checker()
            clean = c.text("reason", INVITEE_FIELDS["reason"], reason, max_len=2000,
                           required=self._complete(callin))
            c.done()
            if inv.reason != clean:
                inv.reason = clean
                s.flush()
                audit.record(s, Action.UPDATE, "callin_invitee", inv.id,
                             detail={"fields": ["reason"]})
            return invitee_dto(s, inv)

    def remove_invitee(self, invitee_id: str) -> None:
        """Remove from the call-in; an invitation already handed over is withdrawn with it.
        A finished call-in keeps at least one invitee."""
        with self.db.write() as s:
            inv, callin = self._invitee(s, invitee_id)
            others = s.execute(select(func.count(CallInInvitee.id)).where(
                CallInInvitee.callin_id == callin.id, CallInInvitee.deleted.is_(False),
                CallInInvitee.id != inv.id)).scalar_one()
            if self._complete(callin) and not others:
                raise ValidationError(FieldError("invitees", _("minst en person måste vara "
                                                               "inbjuden"),
                                                 CALLIN_FIELDS["invitees"]))
            withdraw_invitation(s, callin.id, inv.person_id)
            tombstone(s, inv, "callin_invitee")

    # ---- the pipeline --------------------------------------------------------------------
    def set_invitee_status(self, invitee_id: str, status: InviteeStatus | str, *,
                           how: str | None = None, by: str | None = None,
                           at: datetime | None = None) -> InviteeDTO:
        """Move an invitee one step in the pipeline (see ``callin_pipeline``).

        Marking *invited* needs ``how`` (e.g. "brev via frivården") and ``by`` (who handed it
        over); ``at`` defaults to now. It records the invitation as a notification; stepping
        back to *approved* withdraws (tombstones) it. Setting *invited* again on someone
        invited corrects how, by and when. *Attended* and *no-show* need the meeting to have
        begun; leaving *attended* clears the sign-out.
        """
        L = INVITEE_FIELDS
        with self.db.write() as s:
            inv, callin = self._invitee(s, invitee_id)
            c = Checker()
            new = c.enum("status", L["status"], status, InviteeStatus)
            c.done()
            assert new is not None
            problem = invitee_move_error(inv.status, new)
            if problem:
                raise ValidationError(FieldError("status", problem, L["status"]))
            if new is not inv.status and callin.status in (CallInStatus.DRAFT,
                                                           CallInStatus.CANCELLED):
                raise ValidationError(FieldError("status", _(
                    "Call-in är ett utkast eller inställd; slutför eller återuppta den först."),
                    L["status"]))
            fields: builtins.list[str] = []
            # From approved, or a correction of how/by/when; stepping back from an outcome
            # leaves the invitation as it was.
            if new is InviteeStatus.INVITED and (inv.status is InviteeStatus.APPROVED
                                                 or how or by or at):
                fields += self._invite(s, c, callin, inv, how, by, at)
            elif new in (InviteeStatus.ATTENDED, InviteeStatus.NO_SHOW) and \
                    new is not inv.status and (callin.starts_at is None
                                               or callin.starts_at > now_local()):
                raise ValidationError(FieldError("status", _(
                    "Närvaro kan registreras först när mötet har börjat."), L["status"]))
            if new in (InviteeStatus.PROPOSED, InviteeStatus.APPROVED) and \
                    inv.status is InviteeStatus.INVITED:
                withdraw_invitation(s, callin.id, inv.person_id)
                inv.invited_how = inv.invited_by = None
                fields += ["invited_how", "invited_by"]
            if new is not InviteeStatus.ATTENDED and inv.signed_out_at is not None:
                inv.signed_out_at = None
                fields.append("signed_out_at")
            if new is not inv.status:
                inv.status = new
                fields.append("status")
            s.flush()
            if fields:
                audit.record(s, Action.UPDATE, "callin_invitee", inv.id,
                             detail={"fields": sorted(set(fields))})
            return invitee_dto(s, inv)

    @staticmethod
    def _invite(s: Session, c: Checker, callin: CallIn, inv: CallInInvitee, how: str | None,
                by: str | None, at: datetime | None) -> builtins.list[str]:
        L = INVITEE_FIELDS
        clean_how = c.text("how", L["how"], how if how is not None else inv.invited_how,
                           required=True)
        clean_by = c.text("by", L["by"], by if by is not None else inv.invited_by,
                          required=True, max_len=100)
        when = c.datetime("at", L["at"], at)
        c.done()
        assert clean_how is not None and clean_by is not None
        changed = [f for f, v in (("invited_how", clean_how), ("invited_by", clean_by))
                   if getattr(inv, f) != v]
        inv.invited_how, inv.invited_by = clean_how, clean_by
        open_invitation(s, callin.id, inv.person_id, when, clean_by)
        return changed

    def sign_out(self, invitee_id: str, at: datetime | None = None) -> InviteeDTO:
        """Record that an attendee left (signed the sign-out list); ``at`` defaults to now."""
        L = INVITEE_FIELDS
        with self.db.write() as s:
            inv, callin = self._invitee(s, invitee_id)
            if inv.status is not InviteeStatus.ATTENDED:
                raise ValidationError(FieldError("signed_out_at", _(
                    "Bara den som deltog kan checkas ut."), L["signed_out_at"]))
            c = Checker()
            when = c.datetime("signed_out_at", L["signed_out_at"], at) or now_local()
            c.done()
            if callin.starts_at and when < callin.starts_at:
                raise ValidationError(FieldError("signed_out_at", _(
                    "kan inte ligga före mötets start"), L["signed_out_at"]))
            inv.signed_out_at = when
            s.flush()
            audit.record(s, Action.UPDATE, "callin_invitee", inv.id,
                         detail={"fields": ["signed_out_at"]})
            return invitee_dto(s, inv)

    def undo_sign_out(self, invitee_id: str) -> InviteeDTO:
        with self.db.write() as s:
            inv, _callin = self._invitee(s, invitee_id)
            if inv.signed_out_at is not None:
                inv.signed_out_at = None
                s.flush()
                audit.record(s, Action.UPDATE, "callin_invitee", inv.id,
                             detail={"fields": ["signed_out_at"]})
            return invitee_dto(s, inv)
