"""Call-in planning: the plan round trip, drafts and finishing, candidates, listing, reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from app.errors import NotFound, ValidationError
from app.models.enums import CallInStatus, FrivardStatus, InviteeStatus, SpeakerRole
from app.services import audit
from app.services.callin_dto import CallInPlan, PlannedInvitee, PlannedSpeaker
from app.services.session import Services
from tests.unit.callin_fixtures import ON, World, full_plan, world  # noqa: F401


def fields_of(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {e.field for e in exc.value.errors}


def test_plan_round_trip_keeps_everything(world: World) -> None:  # noqa: F811
    plan = full_plan(world, logistics=("meal", "helpline_cards", "Blommor till talarna"))
    cid = world.svc.save_plan(plan)
    back = world.svc.plan(cid)
    assert back.title == plan.title and back.starts_at == plan.starts_at
    assert (back.venue, back.security_plan, back.practical_notes) == (
        plan.venue, plan.security_plan, plan.practical_notes)
    assert back.group_ids == (world.north,)
    assert {(i.person_id, i.reason, i.status) for i in back.invitees} == {
        (i.person_id, i.reason, InviteeStatus.PROPOSED) for i in plan.invitees}
    assert [(s.role, s.name, s.minutes) for s in back.speakers] == [
        (s.role, s.name, s.minutes) for s in plan.speakers]
    assert all(s.id for s in back.speakers)
    assert set(back.logistics) == {"meal", "helpline_cards", "Blommor till talarna"}
    # Saving what came back changes nothing and writes no update event.
    before = len(audit.list_events(world.svc.db, limit=1000))
    assert world.svc.save_plan(back, call_in_id=cid) == cid
    events = audit.list_events(world.svc.db, limit=1000)
    assert len(events) == before
    assert world.svc.get(cid).status is CallInStatus.DRAFT


def test_resaving_reorders_and_keeps_speaker_ids(world: World) -> None:  # noqa: F811
    cid = world.svc.save_plan(full_plan(world))
    plan = world.svc.plan(cid)
    first, second = plan.speakers
    cid2 = world.svc.save_plan(replace(plan, speakers=(
        second, replace(first, minutes=12), PlannedSpeaker(SpeakerRole.POLICE, "Kommissarie", 5))),
        call_in_id=cid)
    speakers = world.svc.get(cid2).speakers
    assert [(s.id, s.position, s.minutes) for s in speakers[:2]] == [
        (second.id, 1, second.minutes), (first.id, 2, 12)]
    assert speakers[2].role is SpeakerRole.POLICE and speakers[2].position == 3


def test_draft_may_be_incomplete(world: World) -> None:  # noqa: F811
    cid = world.svc.save_plan(CallInPlan(speakers=(PlannedSpeaker(SpeakerRole.PROSECUTOR),),
                                         invitees=(PlannedInvitee(world.people["Ek"]),)))
    dto = world.svc.get(cid)
    assert dto.status is CallInStatus.DRAFT
    assert dto.title == "" and dto.starts_at is None and dto.groups == ()
    assert dto.speakers[0].name == "" and dto.speakers[0].minutes == 0
    assert dto.invitees[0].reason is None


def test_draft_still_refuses_malformed_values(world: World) -> None:  # noqa: F811
    bad = CallInPlan(starts_at="nästa tisdag", group_ids=("nope",),  # type: ignore[arg-type]
                     speakers=(PlannedSpeaker("dansare", "X", 5),
                               PlannedSpeaker(SpeakerRole.POLICE, "Y", -1)),
                     invitees=(PlannedInvitee("ingen"),))
    with pytest.raises(ValidationError) as exc:
        world.svc.save_plan(bad)
    assert fields_of(exc) == {"starts_at", "groups", "speakers", "invitees"}
    assert "talare 1" in str(exc.value) and "talare 2" in str(exc.value)
    assert world.svc.list() == []


def test_finish_validates_everything_with_field_names(world: World) -> None:  # noqa: F811
    cid = world.svc.save_plan(CallInPlan(
        speakers=(PlannedSpeaker(SpeakerRole.PROSECUTOR, "", 0),),
        invitees=(PlannedInvitee(world.people["Ek"]),)))
    with pytest.raises(ValidationError) as exc:
        world.svc.save_plan(world.svc.plan(cid), call_in_id=cid, finish=True)
    assert fields_of(exc) == {"title", "starts_at", "venue", "groups", "speakers", "invitees"}
    messages = str(exc.value)
    assert "måste fyllas i" in messages and "välj minst en grupp" in messages
    assert "Bo Ek: motivering saknas" in messages
    assert world.svc.get(cid).status is CallInStatus.DRAFT  # nothing changed

    with pytest.raises(ValidationError) as exc:
        world.svc.save_plan(full_plan(world, invitees=()), finish=True)
    assert fields_of(exc) == {"invitees"}
    assert "välj minst en person" in str(exc.value)


def test_finish_makes_it_planned_and_keeps_it_complete(world: World) -> None:  # noqa: F811
    cid = world.svc.save_plan(full_plan(world))
    world.svc.save_plan(world.svc.plan(cid), call_in_id=cid, finish=True)
    assert world.svc.get(cid).status is CallInStatus.PLANNED
    with pytest.raises(ValidationError) as exc:
        world.svc.save_plan(replace(world.svc.plan(cid), venue=""), call_in_id=cid)
    assert fields_of(exc) == {"venue"}
    with pytest.raises(ValidationError):
        world.svc.update_details(cid, {"title": " "})
    with pytest.raises(ValidationError):
        world.svc.set_groups(cid, [])


def test_plan_cannot_skip_the_pipeline(world: World) -> None:  # noqa: F811
    plan = full_plan(world, invitees=(
        PlannedInvitee(world.people["Öberg"], "Skäl", InviteeStatus.INVITED),))
    with pytest.raises(ValidationError) as exc:
        world.svc.save_plan(plan)
    assert fields_of(exc) == {"invitees"}
    assert world.svc.list() == []


def test_plan_removes_and_revives_invitees(world: World) -> None:  # noqa: F811
    cid = world.svc.save_plan(full_plan(world))
    plan = world.svc.plan(cid)
    world.svc.save_plan(replace(plan, invitees=plan.invitees[:1]), call_in_id=cid)
    assert len(world.svc.get(cid).invitees) == 1
    world.svc.save_plan(plan, call_in_id=cid)
    assert len(world.svc.get(cid).invitees) == 2


def test_candidates_supervised_first_then_swedish_order(world: World) -> None:  # noqa: F811
    found = world.svc.candidates([world.north, world.south], ON)
    assert [c.last_name for c in found] == ["Zetterlund", "Öberg", "Andersson", "Ek"]
    by_name = {c.last_name: c for c in found}
    oberg = by_name["Öberg"]
    assert oberg.supervised and oberg.frivard_status is FrivardStatus.PAROLE
    assert oberg.groups == ("Norra gänget", "Södra") and set(oberg.roles) == {"ledare", "kurir"}
    assert (oberg.frivard_from, oberg.frivard_to, oberg.frivard_office) == (
        date(2026, 1, 1), date(2026, 12, 31), "Frivården Malmö")
    # Ek's supervision ended the day before; his membership ends on the date itself.
    assert not by_name["Ek"].supervised
    # Supervision starting on the date counts.
    assert by_name["Zetterlund"].supervised


def test_candidates_date_boundaries_and_deleted(world: World,  # noqa: F811
                                                services: Services) -> None:
    assert "Ek" not in [c.last_name for c in world.svc.candidates([world.north],
                                                                  date(2026, 3, 11))]
    assert "Ny" in [c.last_name for c in world.svc.candidates([world.north], date(2026, 3, 11))]
    assert "Borg" in [c.last_name for c in world.svc.candidates([world.north], date(2026, 3, 9))]
    services.people.delete(world.people["Andersson"])
    assert "Andersson" not in [c.last_name for c in world.svc.candidates([world.north], ON)]
    assert world.svc.candidates([], ON) == []


def test_candidates_count_other_callins_and_notifications(world: World) -> None:  # noqa: F811
    first = world.svc.save_plan(full_plan(world), finish=True)
    oberg = next(i for i in world.svc.get(first).invitees if i.last_name == "Öberg")
    world.svc.set_invitee_status(oberg.id, InviteeStatus.APPROVED)
    world.svc.set_invitee_status(oberg.id, InviteeStatus.INVITED, how="muntligen", by="Eva")
    found = {c.last_name: c for c in world.svc.candidates([world.north], ON)}
    assert (found["Öberg"].other_callins, found["Öberg"].notifications) == (1, 1)
    assert (found["Ek"].other_callins, found["Ek"].notifications) == (0, 0)
    # The call-in being planned is not "another" one.
    mine = {c.last_name: c for c in world.svc.candidates([world.north], ON,
                                                         exclude_call_in_id=first)}
    assert mine["Öberg"].other_callins == 0


def test_list_orders_counts_filters_and_searches(world: World) -> None:  # noqa: F811
    older = world.svc.save_plan(full_plan(world, title="Forum Lund",
                                          starts_at=datetime(2025, 11, 2, 17)), finish=True)
    newer = world.svc.save_plan(full_plan(world, group_ids=(world.north, world.south)),
                                finish=True)
    draft = world.svc.save_plan(CallInPlan(title="Nästa forum"))
    rows = world.svc.list()
    assert [r.id for r in rows] == [draft, newer, older]
    summary = rows[1]
    assert summary.groups == ("Norra gänget", "Södra")
    assert summary.counts[InviteeStatus.PROPOSED] == 2 and summary.invitees_total == 2
    assert set(summary.counts) == set(InviteeStatus)
    assert [r.id for r in world.svc.list(status=CallInStatus.DRAFT)] == [draft]
    assert [r.id for r in world.svc.list(search="LUND")] == [older]
    assert [r.id for r in world.svc.list(search="södra")] == [newer]  # å/ä/ö fold too
    assert world.svc.count() == 3 and world.svc.count("planned") == 2


def test_get_is_audited_and_unknown_ids_are_clear(world: World) -> None:  # noqa: F811
    cid = world.svc.save_plan(full_plan(world))
    dto = world.svc.get(cid)
    assert [i.name for i in dto.invitees] == ["Olle Andersson", "Åsa Öberg"]
    assert dto.total_minutes == 18
    assert [item.key for item in dto.logistics if item.done] == ["meal", "helpline_cards"]
    assert len(dto.logistics) >= 4 and all(item.label for item in dto.logistics)
    reads = audit.list_events(world.svc.db, action="read", entity_id=cid)
    assert len(reads) == 1 and reads[0].entity_type == "callin"
    with pytest.raises(NotFound, match="finns inte"):
        world.svc.get("00000000-0000-0000-0000-000000000000")


def test_legacy_logistics_words_read_as_keys(world: World) -> None:  # noqa: F811
    cid = world.svc.save_plan(full_plan(world, logistics=("måltid", "Kort till stödlinjen")))
    assert set(world.svc.plan(cid).logistics) == {"meal", "helpline_cards"}
