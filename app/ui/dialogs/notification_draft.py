"""The notification wizard's unsaved state as JSON text, so it can be kept as a draft while
the vault is locked (``app/services/drafts.py`` keeps texts only).

The state is what the wizard holds: the people chosen with their names (shown again without
a read), the delivery time, why, where, the team, the message and the outcome, and the step
the user was on. The legal assessment is kept as typed even while its message part is not
ticked, as the form keeps it. Reading is strict: anything this version cannot read raises
``ValueError`` rather than bringing back half a form. Plain Python: no Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.services.notification_fields import TeamMember, TeamRole


@dataclass(frozen=True)
class WizardState:
    people: tuple[tuple[str, str], ...] = ()  # (person id, name) in the order chosen
    delivered_at: datetime | None = None
    trigger: str | None = None
    trigger_incident_id: str | None = None
    callin_id: str | None = None
    setting: str | None = None
    team: tuple[TeamMember, ...] = ()
    message_parts: tuple[str, ...] = ()
    texts: dict[str, str] = field(default_factory=dict)  # legal_assessment, help_offered, …
    step: int = 0


TEXT_FIELDS = ("legal_assessment", "help_offered", "reaction", "next_step")


def state_to_json(state: WizardState) -> str:
    return json.dumps({
        "people": [[pid, name] for pid, name in state.people],
        "delivered_at": state.delivered_at.isoformat() if state.delivered_at else None,
        "trigger": state.trigger, "trigger_incident_id": state.trigger_incident_id,
        "callin_id": state.callin_id, "setting": state.setting,
        "team": [[m.name, m.role.value] for m in state.team],
        "message_parts": list(state.message_parts),
        "texts": {k: state.texts[k] for k in TEXT_FIELDS if state.texts.get(k)},
        "step": state.step,
    }, ensure_ascii=False)


def state_from_json(text: str) -> WizardState:
    """The state ``state_to_json`` wrote; ``ValueError`` for anything else."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a notification form")
        when = data.get("delivered_at")
        step = data.get("step", 0)
        if not isinstance(step, int) or isinstance(step, bool):
            raise ValueError("the step must be a whole number")
        texts = dict(data.get("texts") or {})
        return WizardState(
            people=tuple((str(pid), str(name)) for pid, name in data.get("people") or ()),
            delivered_at=datetime.fromisoformat(when) if when else None,
            trigger=_text(data.get("trigger")),
            trigger_incident_id=_text(data.get("trigger_incident_id")),
            callin_id=_text(data.get("callin_id")), setting=_text(data.get("setting")),
            team=tuple(TeamMember(str(name), TeamRole(role))
                       for name, role in data.get("team") or ()),
            message_parts=tuple(str(p) for p in data.get("message_parts") or ()),
            texts={k: str(texts[k]) for k in TEXT_FIELDS if texts.get(k)}, step=step)
    except (TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"not a notification form: {exc}") from exc


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
