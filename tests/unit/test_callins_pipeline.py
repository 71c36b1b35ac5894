"""The invitee pipeline, invitation notifications, sign-out, programme edits, status, delete,
and what the audit log says about it all."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import NotFound, ValidationError
from app.models import CallInInvitee, Notification, NotificationPerson
from app.models.enums import CallInStatus, InviteeStatus, NotificationKind, SpeakerRole
from app.services import audit
from app.services.callin_dto import InviteeDTO
from app.services.session import Services
from tests.unit.callin_fixtures import FUTURE, PAST, World, full_plan, world  # noqa: F401

S = InviteeStatus


def planned(w: World, **changes: Any) -> str:
    return w.svc.save_plan(full_plan(w, **changes), finish=True)


def oberg(w: World, cid: str) -> InviteeDTO:
    return next(i for i in w.svc.get(cid).invitees if i.last_name == "Öberg")


def invitations(w: World, cid: str) -> list[tuple[bool, bool]]:
    """(notification deleted, its person row deleted) for every invitation of the call-in."""
    with w.svc.db.read() as s:
        rows = s.execute(
            select(Notification.deleted, NotificationPerson.deleted)
            .join(NotificationPerson, NotificationPerson.notification_id == Notification.id)
            .where(Notification.callin_id == cid,
                   Notification.kind == NotificationKind.CALLIN_INVITATION)).all()
    return sorted((a, b) for a, b in rows)


def invite(w: World, invitee_id: str) -> InviteeDTO:
    w.svc.set_invitee_status(invitee_id, S.APPROVED)
    return w.svc.set_invitee_status(invitee_id, S.INVITED, how="brev via frivården", by="Eva",
                                    at=datetime(2026, 3, 1, 10, 0))


def test_each_step_forward_and_back(world: World) -> None:  # noqa: F811
    cid = planned(world)
    inv = oberg(world, cid)
    invited = invite(world, inv.id)
    assert (invited.status, invited.invited_how, invited.invited_by, invited.invited_at) == (
        S.INVITED, "brev via frivården", "Eva", datetime(2026, 3, 1, 10, 0))
    for step in (S.ATTENDED, S.NO_SHOW, S.EXCUSED, S.INVITED, S.APPROVED, S.PROPOSED):
        assert world.svc.set_invitee_status(inv.id, step).status is step


@pytest.mark.parametrize(("start", "target"), [
    ((), S.INVITED), ((), S.ATTENDED), ((S.APPROVED,), S.ATTENDED),
    ((S.APPROVED,), S.EXCUSED), ((S.APPROVED, S.INVITED, S.ATTENDED), S.APPROVED),
])
def test_skipping_steps_is_refused(world: World, start: tuple[S, ...],  # noqa: F811
                                   target: S) -> None:
    cid = planned(world)
    inv = oberg(world, cid)
    for step in start:
        world.svc.set_invitee_status(inv.id, step, how="muntligen", by="Eva")
    before = oberg(world, cid)
    with pytest.raises(ValidationError, match="ett steg i taget") as exc:
        world.svc.set_invitee_status(inv.id, target, how="muntligen", by="Eva")
    assert exc.value.errors[0].field == "status"
    assert oberg(world, cid) == before


def test_unknown_status_is_a_clear_error(world: World) -> None:  # noqa: F811
    inv = oberg(world, planned(world))
    with pytest.raises(ValidationError, match="okänt värde 'kommer'"):
        world.svc.set_invitee_status(inv.id, "kommer")


def test_inviting_needs_how_and_by(world: World) -> None:  # noqa: F811
    cid = planned(world)
    inv = oberg(world, cid)
    world.svc.set_invitee_status(inv.id, S.APPROVED)
    with pytest.raises(ValidationError) as exc:
        world.svc.set_invitee_status(inv.id, S.INVITED, how=" ")
    assert {e.field for e in exc.value.errors} == {"how", "by"}
    assert oberg(world, cid).status is S.APPROVED
    assert invitations(world, cid) == []


def test_invitation_notification_created_and_tombstoned_exactly_once(
        world: World) -> None:  # noqa: F811
    cid = planned(world)
    inv = oberg(world, cid)
    invite(world, inv.id)
    assert invitations(world, cid) == [(False, False)]
    # A correction of how/by/when and a round trip via attended keep the one notification.
    again = world.svc.set_invitee_status(inv.id, S.INVITED, by="Karin",
                                         at=datetime(2026, 3, 2, 9, 0))
    assert (again.invited_by, again.invited_how, again.invited_at) == (
        "Karin", "brev via frivården", datetime(2026, 3, 2, 9, 0))
    world.svc.set_invitee_status(inv.id, S.ATTENDED)
    back = world.svc.set_invitee_status(inv.id, S.INVITED)
    assert back.invited_at == datetime(2026, 3, 2, 9, 0)
    assert invitations(world, cid) == [(False, False)]
    with world.svc.db.read() as s:
        note = s.execute(select(Notification).where(Notification.callin_id == cid)).scalar_one()
        assert note.delivered_at == datetime(2026, 3, 2, 9, 0)
        assert note.team == [{"name": "Karin", "role": ""}]
    withdrawn = world.svc.set_invitee_status(inv.id, S.APPROVED)
    assert (withdrawn.invited_how, withdrawn.invited_by, withdrawn.invited_at) == (
        None, None, None)
    assert invitations(world, cid) == [(True, True)]
    world.svc.set_invitee_status(inv.id, S.PROPOSED)
    assert invitations(world, cid) == [(True, True)]
    invite(world, inv.id)
    assert invitations(world, cid) == [(False, False), (True, True)]


def test_removing_an_invited_person_withdraws_the_invitation(world: World) -> None:  # noqa: F811
    cid = planned(world)
    invite(world, oberg(world, cid).id)
    world.svc.remove_invitee(oberg(world, cid).id)
    assert invitations(world, cid) == [(True, True)]
    assert [i.last_name for i in world.svc.get(cid).invitees] == ["Andersson"]
    only = world.svc.get(cid).invitees[0]
    with pytest.raises(ValidationError, match="minst en person"):
        world.svc.remove_invitee(only.id)


def test_attendance_waits_for_the_meeting(world: World) -> None:  # noqa: F811
    cid = planned(world, starts_at=FUTURE)
    inv = oberg(world, cid)
    invite(world, inv.id)
    with pytest.raises(ValidationError, match="mötet har börjat"):
        world.svc.set_invitee_status(inv.id, S.ATTENDED)
    assert world.svc.set_invitee_status(inv.id, S.EXCUSED).status is S.EXCUSED
    with pytest.raises(ValidationError, match="före sin starttid"):
        world.svc.mark_held(cid)


def test_draft_and_cancelled_call_ins_keep_their_pipeline(world: World) -> None:  # noqa: F811
    draft = world.svc.save_plan(full_plan(world))
    with pytest.raises(ValidationError, match="utkast eller inställd"):
        world.svc.set_invitee_status(oberg(world, draft).id, S.APPROVED)
    cid = planned(world)
    world.svc.cancel(cid)
    with pytest.raises(ValidationError, match="utkast eller inställd"):
        world.svc.set_invitee_status(oberg(world, cid).id, S.APPROVED)
    assert world.svc.set_status(cid, CallInStatus.PLANNED).status is CallInStatus.PLANNED


def test_call_in_status_moves(world: World) -> None:  # noqa: F811
    draft = world.svc.save_plan(full_plan(world))
    with pytest.raises(ValidationError, match="slutförs"):
        world.svc.mark_held(draft)
    cid = planned(world)
    assert world.svc.mark_held(cid).status is CallInStatus.HELD
    with pytest.raises(ValidationError, match="från genomförd till inställd"):
        world.svc.cancel(cid)
    assert world.svc.set_status(cid, "planned").status is CallInStatus.PLANNED


def test_sign_out_only_for_attendees(world: World) -> None:  # noqa: F811
    cid = planned(world)
    inv = oberg(world, cid)
    invite(world, inv.id)
    with pytest.raises(ValidationError, match="Bara den som deltog"):
        world.svc.sign_out(inv.id)
    world.svc.set_invitee_status(inv.id, S.ATTENDED)
    with pytest.raises(ValidationError, match="före mötets start"):
        world.svc.sign_out(inv.id, PAST - timedelta(minutes=1))
    left = PAST + timedelta(hours=2, minutes=30)
    assert world.svc.sign_out(inv.id, left).signed_out_at == left
    assert world.svc.undo_sign_out(inv.id).signed_out_at is None
    world.svc.sign_out(inv.id, left)
    # No longer an attendee: the sign-out goes with it.
    assert world.svc.set_invitee_status(inv.id, S.NO_SHOW).signed_out_at is None


def test_invitee_editing(world: World) -> None:  # noqa: F811
    cid = planned(world)
    added = world.svc.add_invitee(cid, world.people["Ek"], "Kan bära budskapet.")
    assert (added.status, added.reason, added.last_name) == (S.PROPOSED, "Kan bära budskapet.",
                                                             "Ek")
    with pytest.raises(ValidationError, match="redan inbjuden"):
        world.svc.add_invitee(cid, world.people["Ek"], "Igen")
    with pytest.raises(ValidationError) as exc:
        world.svc.add_invitee(cid, world.people["Borg"], "")  # finished: a reason is needed
    assert exc.value.errors[0].field == "reason"
    assert world.svc.set_invitee_reason(added.id, "Ny motivering").reason == "Ny motivering"
    with pytest.raises(NotFound):
        world.svc.set_invitee_reason("saknas", "x")


def test_speaker_editing(world: World) -> None:  # noqa: F811
    cid = planned(world)
    first, second = world.svc.get(cid).speakers
    police = world.svc.add_speaker(cid, SpeakerRole.POLICE, "Kommissarie Berg", 7, position=1)
    assert police.position == 1
    assert [s.id for s in world.svc.get(cid).speakers] == [police.id, first.id, second.id]
    edited = world.svc.update_speaker(second.id, minutes=15)
    assert (edited.minutes, edited.name, edited.position) == (15, second.name, 3)
    with pytest.raises(ValidationError, match="talare 3: måste fyllas i"):
        world.svc.update_speaker(second.id, name="")
    with pytest.raises(ValidationError, match="större än 0"):
        world.svc.add_speaker(cid, SpeakerRole.OTHER, "X", 0)
    with pytest.raises(ValidationError, match="mellan 1 och 4"):
        world.svc.add_speaker(cid, SpeakerRole.OTHER, "X", 5, position=9)
    order = world.svc.reorder_speakers(cid, [second.id, police.id, first.id])
    assert [(s.id, s.position) for s in order] == [(second.id, 1), (police.id, 2), (first.id, 3)]
    with pytest.raises(ValidationError, match="varje talare en gång"):
        world.svc.reorder_speakers(cid, [second.id, police.id])
    world.svc.remove_speaker(police.id)
    assert [(s.id, s.position) for s in world.svc.get(cid).speakers] == [
        (second.id, 1), (first.id, 2)]


def test_delete_is_soft_and_takes_its_rows(world: World) -> None:  # noqa: F811
    cid = planned(world)
    invite(world, oberg(world, cid).id)
    world.svc.delete(cid)
    with pytest.raises(NotFound):
        world.svc.get(cid)
    assert world.svc.list() == []
    assert invitations(world, cid) == [(True, True)]
    with world.svc.db.read() as s:
        rows = s.execute(select(CallInInvitee.deleted).where(
            CallInInvitee.callin_id == cid)).scalars().all()
    assert rows and all(rows)
    found = {c.last_name: c for c in world.svc.candidates([world.north], PAST.date())}
    assert (found["Öberg"].other_callins, found["Öberg"].notifications) == (0, 0)


def test_every_write_is_audited_without_personal_data(world: World,  # noqa: F811
                                                      services: Services) -> None:
    cid = planned(world)
    inv = oberg(world, cid)
    invite(world, inv.id)
    world.svc.set_invitee_status(inv.id, S.ATTENDED)
    world.svc.sign_out(inv.id, PAST + timedelta(hours=2))
    world.svc.update_details(cid, {"venue": "Folkets hus"})
    world.svc.mark_held(cid)
    world.svc.delete(cid)
    events = audit.list_events(world.svc.db, limit=1000)
    kinds = {(e.action, e.entity_type) for e in events}
    assert {("create", "callin"), ("update", "callin_invitee"), ("create", "notification"),
            ("update", "callin"), ("delete", "callin"), ("delete", "notification")} <= kinds
    text = json.dumps([[e.purpose, e.detail] for e in events], ensure_ascii=False)
    for secret in ("Öberg", "Åsa", "Andersson", "Villkorligt", "brev via frivården", "Eva",
                   "Folkets hus", "Stadsbiblioteket", "Dr Lund", "19811218", "9876"):
        assert secret not in text
    assert audit.verify(world.svc.db).ok
    assert services.callins.count() == 0  # the bundle wires the same service
