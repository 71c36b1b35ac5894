"""Printing letters: the right people, one letter each, Swedish intact, never a personnummer,
recorded exactly once — and nothing recorded on preview, refusal or cancel."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import Cancelled, NotFound, ValidationError
from app.models import AuditEvent, Letter
from app.models.enums import LetterKind
from app.services.letters import LetterService
from app.services.session import Services
from tests.unit.letters_fixtures import ID_PATTERN, World, build_world, pages_text


@pytest.fixture
def world(services: Services) -> World:
    return build_world(services)


@pytest.fixture
def letters(services: Services) -> LetterService:
    return LetterService(services.db)


def _count(services: Services, model: type, **where: object) -> int:
    with services.db.read() as s:
        stmt = select(func.count()).select_from(model)
        for key, value in where.items():
            stmt = stmt.where(getattr(model, key) == value)
        return int(s.execute(stmt).scalar_one())


def test_callin_letters_go_to_attendees_one_per_page(letters: LetterService,
                                                    world: World) -> None:
    pages = pages_text(letters.print_callin(world.callin_id))
    assert len(pages) == 2
    assert "Till Åsa Öberg" not in pages[0]  # the name stands alone as the addressee
    assert "Polisen · Kriminalvården · Malmö stad" in pages[0]
    assert "Örjan Ärlig" in pages[0]  # Swedish order: Ä before Ö
    assert "Åsa Öberg" in pages[1] and "Hej Åsa!" in pages[1]
    assert "Södra gänget" in pages[1] and "Kontaktperson: Sara Lindqvist" in pages[1]
    assert "Malmö, " in pages[0] and "å" in pages[0] and "ö" in pages[0]


def test_no_personnummer_even_when_the_template_and_a_name_carry_one(
        services: Services, letters: LetterService, world: World) -> None:
    services.people.update(world.attended[0], {"first_name": "Åsa 19811218-9876"})
    body = ("Brev till {namn}\n\nDitt nummer 811218-9876 eller 198112189876 eller "
            "8112189876 eller 811218 9876 ska aldrig synas.\n\n{förnamn}, {grupp}.")
    letters.save_template("med-nummer", "sv", body, kind=LetterKind.CALLIN_HANDOUT)
    pdf = letters.print_callin(world.callin_id, template="med-nummer")
    text = " ".join(pages_text(pdf))
    assert "[borttaget]" in text
    assert not ID_PATTERN.search(text)
    assert b"9876" not in pdf  # not even in the document's metadata


def test_invitees_get_the_invitation_by_default(letters: LetterService, world: World) -> None:
    pages = pages_text(letters.print_callin(world.callin_id, invitees=True, language="en"))
    assert len(pages) == len(world.invited)
    assert all("Invitation to a call-in" in p for p in pages)
    assert "Tuesday 14 April 2026 at 18:00" in pages[0]
    assert not any("Prop" in p for p in pages)


def test_printing_records_each_letter_once(services: Services, letters: LetterService,
                                           world: World) -> None:
    before = _count(services, AuditEvent, action="print")
    letters.print_callin(world.callin_id, output="printer")
    records = letters.printed(call_in_id=world.callin_id)
    assert sorted(r.person_id for r in records) == sorted(world.attended)
    assert {(r.kind, r.template_name, r.template_version, r.output, r.printed_by)
            for r in records} == {(LetterKind.CALLIN_HANDOUT, "forum", 1, "printer", "anna")}
    assert _count(services, AuditEvent, action="print") == before + 2


def test_preview_records_no_letter(services: Services, letters: LetterService,
                                   world: World) -> None:
    pdf = letters.preview_callin(world.callin_id)
    assert len(pages_text(pdf)) == 2
    assert _count(services, Letter) == 0
    assert _count(services, AuditEvent, action="print") == 0


def test_cancel_records_nothing_and_progress_counts(services: Services,
                                                    letters: LetterService,
                                                    world: World) -> None:
    seen: list[tuple[int, int]] = []
    letters.preview_callin(world.callin_id, invitees=True, progress=lambda d, t: seen.append(
        (d, t)))
    assert seen[-1] == (4, 4)
    calls = iter([False, False, True])
    with pytest.raises(Cancelled):
        letters.print_callin(world.callin_id, cancelled=lambda: next(calls, True))
    assert _count(services, Letter) == 0


def test_notification_letter_for_its_persons(letters: LetterService, world: World) -> None:
    pages = pages_text(letters.print_notification(world.notification_id))
    assert len(pages) == 2 and "Till dig som vi har träffat" in pages[0]
    assert len(letters.printed(notification_id=world.notification_id)) == 2


def test_single_person_letter(letters: LetterService, world: World) -> None:
    with pytest.raises(ValidationError) as exc:
        letters.print_person(world.proposed, template="forum")
    assert exc.value.errors[0].field == "call_in_id"
    pages = pages_text(letters.print_person(world.proposed, template="forum",
                                            call_in_id=world.callin_id))
    assert len(pages) == 1 and "Per Prop" in pages[0]
    assert len(letters.printed(person_id=world.proposed)) == 1


def test_bad_template_is_refused_before_printing(services: Services, letters: LetterService,
                                                 world: World) -> None:
    with pytest.raises(NotFound):
        letters.print_callin(world.callin_id, template="finns-inte")
    with pytest.raises(ValidationError) as exc:
        letters.print_callin(world.callin_id, template="riktat-samtal")
    assert exc.value.errors[0].field == "template"
    with pytest.raises(ValidationError):
        letters.print_callin(world.callin_id, language="de")
    assert _count(services, Letter) == 0


def test_missing_letterhead_or_recipients_is_a_clear_error(services: Services,
                                                           letters: LetterService,
                                                           world: World) -> None:
    letters.save_letterhead({"partners": ["Polisen"]})
    with pytest.raises(ValidationError) as exc:
        letters.print_callin(world.callin_id)
    assert {e.field for e in exc.value.errors} >= {"contact_person", "phone", "signatories"}
    # The preview still shows the layout, with the gaps marked.
    assert "[kontaktperson]" in " ".join(pages_text(letters.preview_callin(world.callin_id)))
    for person_id in world.attended:
        services.people.delete(person_id)
    with pytest.raises(ValidationError) as exc:
        letters.preview_callin(world.callin_id)
    assert exc.value.errors[0].field == "recipients"
    with pytest.raises(NotFound):
        letters.print_callin("no-such-id")
    assert _count(services, Letter) == 0


def test_a_recipient_without_a_group_is_named(services: Services, letters: LetterService,
                                              world: World) -> None:
    lone = services.people.create({"first_name": "Ensam", "last_name": "Utan"}).id
    with pytest.raises(ValidationError) as exc:
        letters.print_person(lone, template="riktat-samtal")
    assert "Ensam Utan" in str(exc.value)
