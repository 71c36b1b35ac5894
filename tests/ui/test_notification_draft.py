"""The notification wizard's state as draft text: every part comes back as it was, and text
this version cannot read is refused whole."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.services.notification_fields import TeamMember, TeamRole
from app.ui.dialogs.notification_draft import WizardState, state_from_json, state_to_json


def test_a_full_state_round_trips() -> None:
    state = WizardState(
        people=(("p1", "Åsa Öberg"), ("p2", "Bo Ek")), delivered_at=datetime(2025, 3, 5, 18, 30),
        trigger="incident", trigger_incident_id="i1", callin_id=None, setting="home",
        team=(TeamMember("Karin Lund", TeamRole.POLICE), TeamMember("Per", TeamRole.FRIVARD)),
        message_parts=("moral", "legal_exposure"),
        texts={"legal_assessment": "Vapen: fängelse", "help_offered": "",
               "reaction": "Lyssnade\nNickade", "next_step": "Ring fredag"}, step=3)
    back = state_from_json(state_to_json(state))
    assert back == WizardState(**{**state.__dict__, "texts": {
        "legal_assessment": "Vapen: fängelse", "reaction": "Lyssnade\nNickade",
        "next_step": "Ring fredag"}})  # empty texts are left out


def test_an_empty_state_round_trips() -> None:
    assert state_from_json(state_to_json(WizardState())) == WizardState()


@pytest.mark.parametrize("text", [
    "", "[]", "inte json", '{"people": [["p1"]]}', '{"step": "2"}', '{"step": true}',
    '{"team": [["Anna", "astronaut"]]}', '{"delivered_at": "igår"}', '{"people": 5}'])
def test_what_cannot_be_read_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        state_from_json(text)
