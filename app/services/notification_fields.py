"""The fields of a custom notification: the team's roles, the labels users read, and the
checks that turn what a form or the command line sends into values to store.

Rules beyond types: at least one (live) person; a delivery time not in the future; a team of
at least one named person with a role; at least one part of the message; a triggering incident
only when the trigger is an incident or a conflict, a call-in only for a call-in follow-up,
both existing; and an individual legal assessment only when legal exposure was part of the
message (it is that part, said to this person).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.i18n import Labels, _
from app.models import CallIn, Incident, Person
from app.models.enums import MessagePart, NotificationSetting, NotificationTrigger
from app.services.validate import Checker

# Clock differences between a laptop and the notes taken on the visit; later is the future.
FUTURE_SLACK = timedelta(hours=1)


class TeamRole(StrEnum):
    """Who took part in delivering the message (stored in ``Notification.team``)."""

    POLICE = "police"
    SOCIAL_WORKER = "social_worker"
    FRIVARD = "frivard"
    OTHER = "other"


# Team roles written as Swedish words by earlier versions (and the demo data).
_ROLE_WORDS = {"polis": TeamRole.POLICE, "socialsekreterare": TeamRole.SOCIAL_WORKER,
               "socialtjänst": TeamRole.SOCIAL_WORKER, "frivård": TeamRole.FRIVARD,
               "frivårdsinspektör": TeamRole.FRIVARD}

# Field name → what users read. Also the set of fields a caller may set.
NOTIFICATION_FIELDS: Mapping[str, str] = Labels({
    "person_ids": _("personer"),
    "delivered_at": _("genomfört"),
    "trigger": _("anledning"),
    "trigger_incident_id": _("utlösande händelse"),
    "callin_id": _("call-in"),
    "setting": _("plats för samtalet"),
    "team": _("team"),
    "message_parts": _("delar av budskapet"),
    "legal_assessment": _("individuell rättslig bedömning"),
    "help_offered": _("erbjuden hjälp"),
    "reaction": _("reaktion"),
    "next_step": _("nästa steg"),
})


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: TeamRole


class _Checker(Checker):
    """Knows whether a field already has an error, so a list reports one reason."""

    def errors_for(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)


def _team_role(value: Any) -> TeamRole:
    try:
        return TeamRole(value)
    except ValueError:
        return _ROLE_WORDS.get(str(value).strip().lower(), TeamRole.OTHER)


def stored_team(team: Iterable[Any] | None) -> tuple[TeamMember, ...]:
    return tuple(TeamMember(str(m.get("name") or ""), _team_role(m.get("role")))
                 for m in team or () if isinstance(m, Mapping))


def stored_parts(parts: Iterable[Any] | None) -> tuple[MessagePart, ...]:
    known = {p.value for p in MessagePart}
    return tuple(MessagePart(p) for p in parts or () if p in known)


def _clean_ids(c: _Checker, label: str, value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        value = [value]
    out: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            c.fail("person_ids", label, _("ogiltig uppgift"))
        elif item.strip() not in out:
            out.append(item.strip())
    return out


def _clean_team(c: _Checker, label: str, value: Any) -> list[dict[str, str]]:
    """``[{"name", "role"}]`` from TeamMember objects, mappings or (name, role) pairs."""
    out: list[dict[str, str]] = []
    name: Any
    role: Any
    items = [] if value is None or isinstance(value, str) else list(value)
    for item in items:
        if isinstance(item, TeamMember):
            name, role = item.name, item.role
        elif isinstance(item, Mapping):
            name, role = item.get("name"), item.get("role")
        elif isinstance(item, Sequence) and not isinstance(item, str) and len(item) == 2:
            name, role = item
        else:
            c.fail("team", label, _("ogiltig uppgift"))
            continue
        cleaned = c.text("team", label, name, required=True, max_len=100)
        checked = c.enum("team", label, role, TeamRole)
        if cleaned and checked is not None:
            out.append({"name": cleaned, "role": checked.value})
    if not out and not c.errors_for("team"):
        c.fail("team", label, _("ange minst en person som deltog"))
    return out


def _clean_parts(c: _Checker, label: str, value: Any) -> list[str]:
    chosen: set[MessagePart] = set()
    items = [value] if isinstance(value, str) else list(value or ())
    for item in items:
        part = c.enum("message_parts", label, item, MessagePart)
        if part is not None:
            chosen.add(part)
    if not chosen and not c.errors_for("message_parts"):
        c.fail("message_parts", label, _("välj minst en del av budskapet"))
    return [p.value for p in MessagePart if p in chosen]  # the order of the letter


def clean_notification(s: Session, values: Mapping[str, Any],
                       now: datetime | None = None) -> dict[str, Any]:
    """Validate a full set of custom-notification fields against the register; raises
    ValidationError naming every bad field."""
    unknown = set(values) - set(NOTIFICATION_FIELDS)
    if unknown:
        raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])
    c, L = _Checker(), NOTIFICATION_FIELDS
    person_ids = _clean_ids(c, L["person_ids"], values.get("person_ids"))
    out: dict[str, Any] = {
        "delivered_at": c.datetime("delivered_at", L["delivered_at"], values.get("delivered_at"),
                                   required=True),
        "trigger": c.enum("trigger", L["trigger"], values.get("trigger"), NotificationTrigger),
        "trigger_incident_id": c.text("trigger_incident_id", L["trigger_incident_id"],
                                      values.get("trigger_incident_id"), max_len=64),
        "callin_id": c.text("callin_id", L["callin_id"], values.get("callin_id"), max_len=64),
        "setting": c.enum("setting", L["setting"], values.get("setting"), NotificationSetting),
        "team": _clean_team(c, L["team"], values.get("team")),
        "message_parts": _clean_parts(c, L["message_parts"], values.get("message_parts")),
        "legal_assessment": c.text("legal_assessment", L["legal_assessment"],
                                   values.get("legal_assessment"), max_len=5000),
        "help_offered": c.text("help_offered", L["help_offered"], values.get("help_offered"),
                               max_len=5000),
        "reaction": c.text("reaction", L["reaction"], values.get("reaction"), max_len=5000),
        "next_step": c.text("next_step", L["next_step"], values.get("next_step"),
                            max_len=5000),
    }
    if not person_ids and not c.errors_for("person_ids"):
        c.fail("person_ids", L["person_ids"], _("välj minst en person"))
    if person_ids:
        live = set(s.execute(select(Person.id).where(Person.id.in_(person_ids),
                                                     Person.deleted.is_(False))).scalars())
        if set(person_ids) - live:
            c.fail("person_ids", L["person_ids"], _("personen finns inte (eller är borttagen)"))
    when = out["delivered_at"]
    if when and when > (now or datetime.now()) + FUTURE_SLACK:
        c.fail("delivered_at", L["delivered_at"], _("ligger i framtiden"))
    trigger = out["trigger"]
    if out["trigger_incident_id"]:
        if trigger not in (NotificationTrigger.INCIDENT, NotificationTrigger.CONFLICT):
            c.fail("trigger_incident_id", L["trigger_incident_id"],
                   _("anges bara när anledningen är en händelse eller en konflikt"))
        elif (row := s.get(Incident, out["trigger_incident_id"])) is None or row.deleted:
            c.fail("trigger_incident_id", L["trigger_incident_id"], _("händelsen finns inte"))
    if out["callin_id"]:
        if trigger is not NotificationTrigger.CALLIN_FOLLOW_UP:
            c.fail("callin_id", L["callin_id"],
                   _("anges bara när samtalet följer upp en call-in"))
        elif (meeting := s.get(CallIn, out["callin_id"])) is None or meeting.deleted:
            c.fail("callin_id", L["callin_id"], _("call-in finns inte"))
    if out["legal_assessment"] and MessagePart.LEGAL_EXPOSURE.value not in out["message_parts"]:
        c.fail("legal_assessment", L["legal_assessment"],
               _("fylls bara i när rättsliga konsekvenser ingick i budskapet"))
    c.done()
    out["person_ids"] = person_ids
    return out
