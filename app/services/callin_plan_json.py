"""A call-in plan as JSON text, so an unsaved plan can be kept as a draft while the vault is
locked (see ``app/services/drafts.py``, whose fields are texts).

Reading is strict: anything this version cannot read raises ``ValueError`` rather than
bringing back half a plan.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from app.models.enums import InviteeStatus, SpeakerRole
from app.services.callin_dto import CallInPlan, PlannedInvitee, PlannedSpeaker


def plan_to_json(plan: CallInPlan) -> str:
    return json.dumps({
        "title": plan.title,
        "starts_at": plan.starts_at.isoformat() if plan.starts_at is not None else None,
        "venue": plan.venue, "security_plan": plan.security_plan,
        "practical_notes": plan.practical_notes,
        "group_ids": list(plan.group_ids),
        "invitees": [[i.person_id, i.reason, InviteeStatus(i.status).value]
                     for i in plan.invitees],
        "speakers": [[str(sp.role), sp.name, sp.minutes, sp.id] for sp in plan.speakers],
        "logistics": list(plan.logistics),
    }, ensure_ascii=False)


def plan_from_json(text: str) -> CallInPlan:
    """The plan ``plan_to_json`` wrote; ``ValueError`` for anything else."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a plan")
        starts = data.get("starts_at")
        return CallInPlan(
            title=str(data.get("title") or ""),
            starts_at=datetime.fromisoformat(starts) if starts else None,
            venue=_text(data.get("venue")), security_plan=_text(data.get("security_plan")),
            practical_notes=_text(data.get("practical_notes")),
            group_ids=tuple(str(g) for g in data.get("group_ids") or ()),
            invitees=tuple(PlannedInvitee(str(pid), _text(reason), InviteeStatus(status))
                           for pid, reason, status in data.get("invitees") or ()),
            speakers=tuple(_speaker(*row) for row in data.get("speakers") or ()),
            logistics=tuple(str(item) for item in data.get("logistics") or ()))
    except (TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"not a call-in plan: {exc}") from exc


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _speaker(role: Any, name: Any, minutes: Any, sid: Any) -> PlannedSpeaker:
    if minutes is not None and not isinstance(minutes, int):
        raise ValueError("minutes must be a whole number")
    # A role this version does not know stays text: the service names it in its message.
    known = role in {r.value for r in SpeakerRole}
    return PlannedSpeaker(SpeakerRole(role) if known else str(role), str(name or ""), minutes,
                          None if sid is None else str(sid))
