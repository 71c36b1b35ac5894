"""Checking a call-in plan and writing it: the details, its groups, speakers and invitees.

A draft is checked for well-formed values only; a finished call-in (planned, held or
cancelled) must also be complete. Link rows are made to match the plan by tombstoning what
was removed and reviving what comes back, so a merge with another vault sees the removal and
no duplicate row appears.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import CallIn, CallInGroup, CallInInvitee, CallInSpeaker, Group, Person
from app.models.enums import InviteeStatus, SpeakerRole
from app.services.callin_dto import CallInPlan
from app.services.callin_pipeline import withdraw_invitation
from app.services.callin_words import CALLIN_FIELDS, logistics_key
from app.services.validate import Checker

DETAIL_FIELDS = ("title", "starts_at", "venue", "security_plan", "practical_notes", "logistics")
MAX_MINUTES = 240
# Statuses a plan may give; the rest of the pipeline needs how and by whom.
PLANNING_STATUSES = (InviteeStatus.PROPOSED, InviteeStatus.APPROVED)


@dataclass(frozen=True)
class CleanSpeaker:
    id: str | None
    role: SpeakerRole
    name: str
    minutes: int


@dataclass(frozen=True)
class CleanInvitee:
    person_id: str
    reason: str | None
    status: InviteeStatus


def clean_details(c: Checker, values: Mapping[str, Any], *, complete: bool) -> dict[str, Any]:
    L = CALLIN_FIELDS
    out: dict[str, Any] = {
        "title": c.text("title", L["title"], values.get("title"), required=complete) or "",
        "starts_at": c.datetime("starts_at", L["starts_at"], values.get("starts_at"),
                                required=complete),
        "venue": c.text("venue", L["venue"], values.get("venue"), required=complete),
        "security_plan": c.text("security_plan", L["security_plan"],
                                values.get("security_plan"), max_len=20000),
        "practical_notes": c.text("practical_notes", L["practical_notes"],
                                  values.get("practical_notes"), max_len=20000),
        "logistics": clean_logistics(c, values.get("logistics")),
    }
    return out


def clean_logistics(c: Checker, items: Any) -> list[str]:
    if isinstance(items, str):
        items = [items]
    out: list[str] = []
    for item in items or ():
        text = c.text("logistics", CALLIN_FIELDS["logistics"], item, max_len=100)
        if text and logistics_key(text) not in out:
            out.append(logistics_key(text))
    return out


def clean_group_ids(s: Session, c: Checker, group_ids: Iterable[str], *,
                    complete: bool) -> list[str]:
    label = CALLIN_FIELDS["groups"]
    out: list[str] = []
    for gid in group_ids or ():
        if gid in out:
            continue
        group = s.get(Group, gid) if isinstance(gid, str) else None
        if group is None or group.deleted:
            c.fail("groups", label, _("gruppen finns inte (eller är borttagen)"))
            continue
        out.append(gid)
    if complete and not out:
        c.fail("groups", label, _("välj minst en grupp"))
    return out


def clean_speaker(c: Checker, n: int, role: Any, name: Any, minutes: Any, *,
                  complete: bool) -> tuple[SpeakerRole | None, str, int]:
    """One programme slot; ``n`` (1-based) names the slot in messages."""
    label = CALLIN_FIELDS["speakers"]
    checked = Checker()
    clean_role = checked.enum("speakers", label, role, SpeakerRole)
    clean_name = checked.text("speakers", label, name, required=complete) or ""
    clean_minutes = checked.integer("speakers", label, minutes or 0, minimum=0,
                                    maximum=MAX_MINUTES) or 0
    if complete and clean_minutes == 0 and not checked.errors:
        checked.fail("speakers", label, _("antal minuter måste vara större än 0"))
    for err in checked.errors:
        c.fail("speakers", label, _("talare {n}: {reason}").format(n=n, reason=err.reason))
    return clean_role, clean_name, clean_minutes


def clean_plan(s: Session, plan: CallInPlan, *, complete: bool) -> tuple[
        dict[str, Any], list[str], list[CleanSpeaker], list[CleanInvitee]]:
    """The plan's values cleaned, or ValidationError naming every bad field."""
    c = Checker()
    details = clean_details(c, {
        "title": plan.title, "starts_at": plan.starts_at, "venue": plan.venue,
        "security_plan": plan.security_plan, "practical_notes": plan.practical_notes,
        "logistics": list(plan.logistics),
    }, complete=complete)
    groups = clean_group_ids(s, c, plan.group_ids, complete=complete)
    speakers: list[CleanSpeaker] = []
    for n, sp in enumerate(plan.speakers, start=1):
        role, name, minutes = clean_speaker(c, n, sp.role, sp.name, sp.minutes,
                                            complete=complete)
        if role is not None:
            speakers.append(CleanSpeaker(sp.id, role, name, minutes))
    invitees = _clean_invitees(s, c, plan, complete=complete)
    c.done()
    return details, groups, speakers, invitees


def _clean_invitees(s: Session, c: Checker, plan: CallInPlan, *,
                    complete: bool) -> list[CleanInvitee]:
    label = CALLIN_FIELDS["invitees"]
    out: list[CleanInvitee] = []
    seen: set[str] = set()
    for n, inv in enumerate(plan.invitees, start=1):
        person = s.get(Person, inv.person_id) if isinstance(inv.person_id, str) else None
        if person is None or person.deleted:
            c.fail("invitees", label, _("inbjuden {n}: personen finns inte").format(n=n))
            continue
        name = f"{person.first_name} {person.last_name}"
        if person.id in seen:
            c.fail("invitees", label, _("{name} finns med två gånger").format(name=name))
            continue
        seen.add(person.id)
        checked = Checker()
        reason = checked.text("invitees", label, inv.reason, max_len=2000)
        status = checked.enum("invitees", label, inv.status or InviteeStatus.PROPOSED,
                              InviteeStatus)
        if complete and not reason and not checked.errors:
            checked.fail("invitees", label, _("motivering saknas"))
        for err in checked.errors:
            c.fail("invitees", label, f"{name}: {err.reason}")
        if status is not None:
            out.append(CleanInvitee(person.id, reason, status))
    if complete and not out and not c.errors:
        c.fail("invitees", label, _("välj minst en person att bjuda in"))
    return out


# ---- writing the link rows -------------------------------------------------------------------
def sync_groups(s: Session, callin_id: str, group_ids: list[str]) -> bool:
    """Make the call-in's groups ``group_ids``; True if anything changed."""
    rows = {r.group_id: r for r in s.execute(
        select(CallInGroup).where(CallInGroup.callin_id == callin_id)).scalars()}
    changed = False
    for gid, row in rows.items():
        if gid not in group_ids and not row.deleted:
            row.deleted = changed = True
    for gid in group_ids:
        found = rows.get(gid)
        if found is None:
            s.add(CallInGroup(callin_id=callin_id, group_id=gid))
            changed = True
        elif found.deleted:
            found.deleted, changed = False, True
    return changed


def sync_speakers(s: Session, callin_id: str, speakers: list[CleanSpeaker]) -> bool:
    """The programme in the plan's order; slots named by id are kept, others are new."""
    live = {r.id: r for r in s.execute(select(CallInSpeaker).where(
        CallInSpeaker.callin_id == callin_id, CallInSpeaker.deleted.is_(False))).scalars()}
    kept = {sp.id for sp in speakers if sp.id in live}
    changed = False
    for sid, row in live.items():
        if sid not in kept:
            row.deleted = changed = True
    for position, sp in enumerate(speakers, start=1):
        values = {"position": position, "role": sp.role, "name": sp.name, "minutes": sp.minutes}
        slot = live.get(sp.id) if sp.id else None
        if slot is None:
            s.add(CallInSpeaker(callin_id=callin_id, **values))
            changed = True
            continue
        for key, value in values.items():
            if getattr(slot, key) != value:
                setattr(slot, key, value)
                changed = True
    return changed


def sync_invitees(s: Session, c: Checker, callin: CallIn,
                  invitees: list[CleanInvitee]) -> bool:
    """Add, revive, update or remove invitees by person. A plan moves a status only between
    proposed and approved; removing someone who was invited withdraws the invitation."""
    label = CALLIN_FIELDS["invitees"]
    rows = {r.person_id: r for r in s.execute(
        select(CallInInvitee).where(CallInInvitee.callin_id == callin.id)).scalars()}
    wanted = {inv.person_id: inv for inv in invitees}
    changed = False
    for pid, row in rows.items():
        if pid not in wanted and not row.deleted:
            withdraw_invitation(s, callin.id, pid)
            row.deleted = changed = True
    for inv in invitees:
        found = rows.get(inv.person_id)
        current = None if found is None or found.deleted else found.status
        if inv.status != current and (inv.status not in PLANNING_STATUSES
                                      or current not in (None, *PLANNING_STATUSES)):
            person = s.get(Person, inv.person_id)
            name = f"{person.first_name} {person.last_name}" if person else inv.person_id
            c.fail("invitees", label, _("{name}: status efter godkänd ändras på "
                                        "call-in-sidan (kallad, deltog …)").format(name=name))
            continue
        if found is None:
            s.add(CallInInvitee(callin_id=callin.id, person_id=inv.person_id,
                                status=inv.status, reason=inv.reason))
            changed = True
            continue
        if found.deleted:
            # Back in the plan: the row returns as a fresh proposal, nothing of the old one.
            found.deleted, found.invited_how, found.invited_by, found.signed_out_at = (
                False, None, None, None)
            changed = True
        for key, value in (("status", inv.status), ("reason", inv.reason)):
            if getattr(found, key) != value:
                setattr(found, key, value)
                changed = True
    return changed
