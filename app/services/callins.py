"""Call-ins: planning (a whole plan saved in one action, as a draft or finished), the programme,
the invitees and their pipeline, the meeting's own status, and reading it all back.

Every write is one transaction with its audit events; reads of a call-in (which name the
people invited) are audited as READ. Audit details hold ids, counts and field names only.
The invitees and their pipeline are in ``callin_invitees`` (a mixin of this service), the
DTOs in ``callin_dto``, the words for codes in ``callin_words``.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.i18n import _
from app.models import CallIn, CallInGroup, CallInInvitee, CallInSpeaker, SyncMixin
from app.models.enums import CallInStatus, SpeakerRole
from app.services import audit
from app.services.audit import Action
from app.services.callin_dto import (
    CallInDTO,
    CallInPlan,
    CallInSummary,
    Candidate,
    SpeakerDTO,
)
from app.services.callin_invitees import InviteeActions, now_local
from app.services.callin_pipeline import (
    callin_move_error,
    withdraw_invitation,
)
from app.services.callin_plan import (
    DETAIL_FIELDS,
    CleanSpeaker,
    clean_details,
    clean_group_ids,
    clean_plan,
    clean_speaker,
    sync_groups,
    sync_invitees,
    sync_speakers,
)
from app.services.callin_reads import (
    callin_dto,
    callin_plan,
    candidates,
    summaries,
)
from app.services.callin_words import CALLIN_FIELDS, SPEAKER_FIELDS
from app.services.db import Db
from app.services.records import load_live
from app.services.validate import Checker

ENTITY = "callin"


class CallInService(InviteeActions):
    def __init__(self, db: Db) -> None:
        self.db = db

    @staticmethod
    def _speaker(s: Session, speaker_id: str) -> tuple[CallInSpeaker, CallIn]:
        sp = load_live(s, CallInSpeaker, speaker_id, _("Talaren finns inte (eller är borttagen)."))
        return sp, CallInService._callin(s, sp.callin_id)

    # ---- the plan ------------------------------------------------------------------------
    def save_plan(self, plan: CallInPlan, *, call_in_id: str | None = None,
                  finish: bool = False) -> str:
        """Create (no id) or overwrite a call-in from a whole plan, in one transaction.

        A draft is saved however incomplete, as long as what is there is well-formed.
        ``finish`` checks that it is complete (title, date and time, venue, a group, invitees
        each with a reason, every speaker with role, name and minutes > 0) and makes a draft
        *planned*; a call-in already finished is always held to that. Returns the id.
        """
        with self.db.write() as s:
            callin = self._callin(s, call_in_id) if call_in_id else None
            complete = finish or (callin is not None and self._complete(callin))
            details, groups, speakers, invitees = clean_plan(s, plan, complete=complete)
            new = callin is None
            if callin is None:
                callin = CallIn(status=CallInStatus.DRAFT, **details)
                s.add(callin)
                s.flush()
                fields: builtins.list[str] = []
            else:
                fields = sorted(f for f, v in details.items() if getattr(callin, f) != v)
                for f in fields:
                    setattr(callin, f, details[f])
            if finish and callin.status is CallInStatus.DRAFT:
                callin.status = CallInStatus.PLANNED
                fields.append("status")
            c = Checker()
            links = [name for name, changed in (
                ("groups", sync_groups(s, callin.id, groups)),
                ("speakers", sync_speakers(s, callin.id, speakers)),
                ("invitees", sync_invitees(s, c, callin, invitees))) if changed]
            c.done()
            s.flush()
            counts = {"groups": len(groups), "speakers": len(speakers),
                      "invitees": len(invitees)}
            if new:
                audit.record(s, Action.CREATE, ENTITY, callin.id,
                             detail={**counts, "finished": finish})
            elif fields or links:
                audit.record(s, Action.UPDATE, ENTITY, callin.id,
                             detail={"fields": fields + links, **counts})
            return callin.id

    def plan(self, call_in_id: str) -> CallInPlan:
        """The call-in as a plan, to resume the wizard (audited: it names the invitees)."""
        with self.db.write() as s:
            callin = self._callin(s, call_in_id)
            audit.record(s, Action.READ, ENTITY, callin.id)
            return callin_plan(s, callin)

    def candidates(self, group_ids: Sequence[str], on: date, *,
                   exclude_call_in_id: str | None = None) -> builtins.list[Candidate]:
        """Current members (on ``on``) of the groups: under frivård supervision on that date
        first, then Swedish name order. ``exclude_call_in_id`` is the call-in being planned,
        left out of each candidate's count of other call-ins. Logged as one listing."""
        with self.db.write() as s:
            found = candidates(s, group_ids, on, exclude_call_in_id)
            audit.record(s, Action.READ, "callin_candidates", exclude_call_in_id,
                         detail={"groups": len(group_ids), "rows": len(found)})
            return found

    # ---- reads ---------------------------------------------------------------------------
    def get(self, call_in_id: str, *, log: bool = True) -> CallInDTO:
        """One call-in in full (programme, groups, invitees with names); audited as READ.

        ``log=False`` is for a window reading again what it already shows after its own
        change: the consultation was logged when the window opened, not once per click."""
        if not log:
            with self.db.read() as s:
                return callin_dto(s, self._callin(s, call_in_id))
        with self.db.write() as s:
            callin = self._callin(s, call_in_id)
            audit.record(s, Action.READ, ENTITY, callin.id)
            return callin_dto(s, callin)

    def count(self, status: CallInStatus | str | None = None) -> int:
        stmt = select(func.count(CallIn.id)).where(CallIn.deleted.is_(False))
        if status:
            stmt = stmt.where(CallIn.status == CallInStatus(status))
        with self.db.read() as s:
            return int(s.execute(stmt).scalar_one())

    # ---- details and groups --------------------------------------------------------------
    def update_details(self, call_in_id: str, changes: Mapping[str, Any]) -> CallInDTO:
        """Change any of title, starts_at, venue, security_plan, practical_notes, logistics."""
        unknown = set(changes) - set(DETAIL_FIELDS)
        if unknown:
            raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])
        with self.db.write() as s:
            callin = self._callin(s, call_in_id)
            current = {f: getattr(callin, f) for f in DETAIL_FIELDS}
            c = Checker()
            cleaned = clean_details(c, {**current, **changes}, complete=self._complete(callin))
            c.done()
            fields = sorted(f for f, v in cleaned.items() if getattr(callin, f) != v)
            for f in fields:
                setattr(callin, f, cleaned[f])
            s.flush()
            if fields:
                audit.record(s, Action.UPDATE, ENTITY, callin.id, detail={"fields": fields})
            return callin_dto(s, callin)

    def set_groups(self, call_in_id: str, group_ids: Sequence[str]) -> CallInDTO:
        with self.db.write() as s:
            callin = self._callin(s, call_in_id)
            c = Checker()
            groups = clean_group_ids(s, c, group_ids, complete=self._complete(callin))
            c.done()
            if sync_groups(s, callin.id, groups):
                s.flush()
                audit.record(s, Action.UPDATE, ENTITY, callin.id,
                             detail={"fields": ["groups"], "groups": len(groups)})
            return callin_dto(s, callin)

    # ---- speakers ------------------------------------------------------------------------
    def _programme(self, s: Session, callin: CallIn) -> builtins.list[CleanSpeaker]:
        rows = s.execute(select(CallInSpeaker).where(
            CallInSpeaker.callin_id == callin.id, CallInSpeaker.deleted.is_(False))
            .order_by(CallInSpeaker.position, CallInSpeaker.created_at)).scalars().all()
        return [CleanSpeaker(r.id, r.role, r.name, r.minutes) for r in rows]

    def _write_programme(self, s: Session, callin: CallIn,
                         speakers: builtins.list[CleanSpeaker]) -> tuple[SpeakerDTO, ...]:
        sync_speakers(s, callin.id, speakers)
        s.flush()
        audit.record(s, Action.UPDATE, ENTITY, callin.id,
                     detail={"fields": ["speakers"], "speakers": len(speakers)})
        return callin_dto(s, callin).speakers

    def _clean_slot(self, callin: CallIn, n: int, role: Any, name: Any,
                    minutes: Any) -> tuple[SpeakerRole, str, int]:
        c = Checker()
        clean_role, clean_name, clean_minutes = clean_speaker(
            c, n, role, name, minutes, complete=self._complete(callin))
        c.done()
        assert clean_role is not None  # a missing role is an error above
        return clean_role, clean_name, clean_minutes

    def add_speaker(self, call_in_id: str, role: SpeakerRole | str, name: str,
                    minutes: int | None, *, position: int | None = None) -> SpeakerDTO:
        """A slot at ``position`` (1-based; default last). Returns it as now numbered."""
        with self.db.write() as s:
            callin = self._callin(s, call_in_id)
            programme = self._programme(s, callin)
            at = len(programme) + 1 if position is None else position
            if not 1 <= at <= len(programme) + 1:
                raise ValidationError(FieldError("order", _("ska ligga mellan 1 och {n}").format(
                    n=len(programme) + 1), SPEAKER_FIELDS["order"]))
            clean_role, clean_name, clean_minutes = self._clean_slot(callin, at, role, name,
                                                                     minutes)
            slot = CallInSpeaker(callin_id=callin.id, position=at, role=clean_role,
                                 name=clean_name, minutes=clean_minutes)
            s.add(slot)
            s.flush()
            programme.insert(at - 1, CleanSpeaker(slot.id, slot.role, slot.name, slot.minutes))
            return self._write_programme(s, callin, programme)[at - 1]

    def update_speaker(self, speaker_id: str, *, role: SpeakerRole | str | None = None,
                       name: str | None = None, minutes: int | None = None) -> SpeakerDTO:
        """Change what is given (None leaves a value as it is)."""
        with self.db.write() as s:
            sp, callin = self._speaker(s, speaker_id)
            programme = self._programme(s, callin)
            n = next(i for i, p in enumerate(programme, start=1) if p.id == sp.id)
            programme[n - 1] = CleanSpeaker(sp.id, *self._clean_slot(
                callin, n, role if role is not None else sp.role,
                name if name is not None else sp.name,
                minutes if minutes is not None else sp.minutes))
            return self._write_programme(s, callin, programme)[n - 1]

    def remove_speaker(self, speaker_id: str) -> None:
        with self.db.write() as s:
            sp, callin = self._speaker(s, speaker_id)
            self._write_programme(s, callin, [p for p in self._programme(s, callin)
                                              if p.id != sp.id])

    def reorder_speakers(self, call_in_id: str,
                         speaker_ids: Sequence[str]) -> tuple[SpeakerDTO, ...]:
        """The programme in this order; ``speaker_ids`` must name every slot exactly once."""
        with self.db.write() as s:
            callin = self._callin(s, call_in_id)
            programme = {str(p.id): p for p in self._programme(s, callin)}
            if sorted(speaker_ids) != sorted(programme):
                raise ValidationError(FieldError(
                    "speakers", _("ordningen ska ta med varje talare en gång"),
                    CALLIN_FIELDS["speakers"]))
            return self._write_programme(s, callin, [programme[i] for i in speaker_ids])

    # ---- the call-in's own status --------------------------------------------------------
    def set_status(self, call_in_id: str, status: CallInStatus | str) -> CallInDTO:
        """planned → held | cancelled, and back to planned to correct or reinstate. A draft
        becomes planned through ``save_plan(..., finish=True)``. *Held* needs the start time
        to have passed."""
        label = CALLIN_FIELDS["status"]
        with self.db.write() as s:
            callin = self._callin(s, call_in_id)
            c = Checker()
            new = c.enum("status", label, status, CallInStatus)
            c.done()
            assert new is not None
            problem = callin_move_error(callin.status, new)
            if problem:
                raise ValidationError(FieldError("status", problem, label))
            if new is CallInStatus.HELD and new is not callin.status and (
                    callin.starts_at is None or callin.starts_at > now_local()):
                raise ValidationError(FieldError("status", _(
                    "Mötet kan inte markeras som genomfört före sin starttid."), label))
            if new is not callin.status:
                callin.status = new
                s.flush()
                audit.record(s, Action.UPDATE, ENTITY, callin.id, detail={"fields": ["status"]})
            return callin_dto(s, callin)

    def mark_held(self, call_in_id: str) -> CallInDTO:
        return self.set_status(call_in_id, CallInStatus.HELD)

    def cancel(self, call_in_id: str) -> CallInDTO:
        return self.set_status(call_in_id, CallInStatus.CANCELLED)

    def delete(self, call_in_id: str) -> None:
        """Soft delete with its groups, speakers, invitees and invitation notifications."""
        with self.db.write() as s:
            callin = self._callin(s, call_in_id)
            groups = s.execute(select(CallInGroup).where(
                CallInGroup.callin_id == callin.id, CallInGroup.deleted.is_(False))).scalars().all()
            speakers = s.execute(select(CallInSpeaker).where(
                CallInSpeaker.callin_id == callin.id,
                CallInSpeaker.deleted.is_(False))).scalars().all()
            invitees = s.execute(select(CallInInvitee).where(
                CallInInvitee.callin_id == callin.id,
                CallInInvitee.deleted.is_(False))).scalars().all()
            for inv in invitees:
                withdraw_invitation(s, callin.id, inv.person_id)
            rows: builtins.list[SyncMixin] = [*groups, *speakers, *invitees]
            for row in rows:
                row.deleted = True
            counts = {"groups": len(groups), "speakers": len(speakers),
                      "invitees": len(invitees)}
            s.flush()
            callin.deleted = True
            s.flush()
            audit.record(s, Action.DELETE, ENTITY, callin.id, detail=counts)

    # Last in the class: from here on ``list`` names this method, not the builtin.
    def list(self, status: CallInStatus | str | None = None,
             search: str | None = None) -> builtins.list[CallInSummary]:
        """Every call-in (of one status), undated drafts first, then newest first; ``search``
        matches title, venue or a group's name, ignoring case (Swedish letters included,
        which SQLite's LIKE does not fold; the register holds tens of call-ins, not
        thousands)."""
        with self.db.read() as s:
            found = summaries(s, CallInStatus(status) if status else None)
        needle = (search or "").strip().casefold()
        if not needle:
            return found
        return [c for c in found if needle in " ".join(
            (c.title, c.venue or "", *c.groups)).casefold()]
