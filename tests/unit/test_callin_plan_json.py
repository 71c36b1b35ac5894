"""A call-in plan survives the trip through JSON (a draft kept while the vault is locked)."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.models.enums import InviteeStatus, SpeakerRole
from app.services.callin_dto import CallInPlan, PlannedInvitee, PlannedSpeaker
from app.services.callin_plan_json import plan_from_json, plan_to_json


def test_a_whole_plan_comes_back_equal() -> None:
    plan = CallInPlan(
        title="Call-in Östra, våren", starts_at=datetime(2026, 4, 14, 17, 30),
        venue="Tingsrättens sal 2", security_plan="Två vakter vid ingången",
        practical_notes=None, group_ids=("g1", "g2"),
        invitees=(PlannedInvitee("p1", "Central i gruppen", InviteeStatus.APPROVED),
                  PlannedInvitee("p2", None, InviteeStatus.PROPOSED)),
        speakers=(PlannedSpeaker(SpeakerRole.PROSECUTOR, "Åsa Ek", 10, "s1"),
                  PlannedSpeaker(SpeakerRole.RELATIVE, "", None)),
        logistics=("meal", "Tolk på arabiska"))
    back = plan_from_json(plan_to_json(plan))
    assert back == plan
    assert isinstance(back.speakers[0].role, SpeakerRole)
    assert back.invitees[0].status is InviteeStatus.APPROVED


def test_an_empty_plan_comes_back_empty() -> None:
    assert plan_from_json(plan_to_json(CallInPlan())) == CallInPlan()


def test_an_unknown_speaker_role_stays_text_for_the_service_to_refuse() -> None:
    text = plan_to_json(CallInPlan(speakers=(PlannedSpeaker("juggler", "X", 5),)))
    assert plan_from_json(text).speakers[0].role == "juggler"


@pytest.mark.parametrize("text", [
    "", "[]", "{", '{"invitees": [["p1"]]}', '{"invitees": [["p1", null, "gone"]]}',
    '{"starts_at": "igår"}', '{"speakers": [["other", "X", "tio", null]]}',
    '{"group_ids": 5}',
])
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        plan_from_json(text)
