"""A vault with a held call-in, a custom notification and a letterhead, for the letter tests."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime

from pypdf import PdfReader

from app.models import CallIn, CallInGroup, CallInInvitee, Notification, NotificationPerson
from app.models.enums import CallInStatus, InviteeStatus, NotificationKind
from app.services.letters import LetterService
from app.services.session import Services

HEAD = {
    "partners": ["Polisen", "Kriminalvården", "Malmö stad"],
    "place": "Malmö",
    "contact_person": "Sara Lindqvist",
    "phone": "040-123 45 67",
    "opening_hours": "vardagar 08.00–17.00",
    "signatories": [{"name": "Erik Holm", "title": "Chef", "organisation": "Polisen"}],
    "return_address": "Box 1, 211 20 Malmö",
}
# 10/12 digits with or without a separator, as any personnummer could be written.
ID_PATTERN = re.compile(r"\d{6}\s*[-+]?\s*\d{4}")


@dataclass(frozen=True)
class World:
    callin_id: str
    notification_id: str
    attended: tuple[str, ...]  # person ids
    invited: tuple[str, ...]  # every invited person id (attendees included)
    proposed: str  # a person only proposed: never gets a letter


def build_world(services: Services) -> World:
    people = services.people
    ids = {}
    for first, last, pnr in [("Åsa", "Öberg", "811218-9876"), ("Örjan", "Ärlig", None),
                             ("Bo", "Ek", "19750505-1230"), ("Lina", "Zäta", None),
                             ("Per", "Prop", None)]:
        values = {"first_name": first, "last_name": last}
        if pnr:
            values["personnummer"] = pnr
        ids[last] = people.create(values).id
    group = services.groups.create({"name": "Södra gänget"})
    for last in ids:
        services.groups.add_membership({"person_id": ids[last], "group_id": group.id})
    statuses = {"Öberg": InviteeStatus.ATTENDED, "Ärlig": InviteeStatus.ATTENDED,
                "Ek": InviteeStatus.NO_SHOW, "Zäta": InviteeStatus.EXCUSED,
                "Prop": InviteeStatus.PROPOSED}
    with services.db.write() as s:
        callin = CallIn(title="Forum", starts_at=datetime(2026, 4, 14, 18, 0),
                        venue="Rosengårds folkets hus", status=CallInStatus.HELD)
        s.add(callin)
        s.flush()
        s.add(CallInGroup(callin_id=callin.id, group_id=group.id))
        for last, status in statuses.items():
            s.add(CallInInvitee(callin_id=callin.id, person_id=ids[last], status=status))
        note = Notification(kind=NotificationKind.CUSTOM, delivered_at=datetime(2026, 4, 1))
        s.add(note)
        s.flush()
        for last in ("Öberg", "Ek"):
            s.add(NotificationPerson(notification_id=note.id, person_id=ids[last]))
        callin_id, note_id = callin.id, note.id
    LetterService(services.db).save_letterhead(HEAD)
    return World(callin_id, note_id, (ids["Öberg"], ids["Ärlig"]),
                 (ids["Öberg"], ids["Ärlig"], ids["Ek"], ids["Zäta"]), ids["Prop"])


def pages_text(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]
