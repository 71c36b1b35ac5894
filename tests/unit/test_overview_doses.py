"""The overview's process numbers: people reached in the last 12 months (of whom more than
once) and the next call-in. Today is 2025-06-15; the window is 2024-06-16 – 2025-06-15."""

from __future__ import annotations

from datetime import date, datetime

from app.models import CallIn, CallInInvitee
from app.models.enums import CallInStatus, InviteeStatus
from app.services.overview import OverviewService, UpcomingCallIn, year_before
from app.services.session import Services

TODAY = date(2025, 6, 15)


def _note(services: Services, when: datetime, *people: str) -> str:
    return services.notifications.create({
        "person_ids": list(people), "delivered_at": when, "trigger": "release",
        "setting": "street", "team": [{"name": "Karin Lund", "role": "police"}],
        "message_parts": ["moral", "help_offer"]}).id


def _callin(services: Services, title: str, starts: datetime, status: CallInStatus, *,
            attended: tuple[str, ...] = (), deleted: bool = False) -> str:
    with services.db.write() as s:
        meeting = CallIn(title=title, starts_at=starts, status=status, deleted=deleted)
        s.add(meeting)
        s.flush()
        s.add_all(CallInInvitee(callin_id=meeting.id, person_id=p,
                                status=InviteeStatus.ATTENDED) for p in attended)
        return meeting.id


def test_year_before_is_the_first_day_of_the_last_twelve_months() -> None:
    assert year_before(date(2025, 6, 15)) == date(2024, 6, 16)
    assert year_before(date(2024, 2, 29)) == date(2023, 3, 1)
    assert year_before(date(2025, 1, 1)) == date(2024, 1, 2)


def test_people_notified_and_the_next_call_in(services: Services) -> None:
    people = services.people
    a, b, c = (people.create({"first_name": n, "last_name": "Ek"}).id for n in "ABC")
    _note(services, datetime(2024, 6, 15, 12, 0), a)  # the day before the window
    _note(services, datetime(2024, 6, 16, 9, 0), a)  # the window's first day
    _note(services, datetime(2025, 3, 1, 9, 0), a, b)
    _callin(services, "Forum mars", datetime(2025, 3, 20, 18, 0), CallInStatus.HELD,
            attended=(b, c))
    _callin(services, "Inställt", datetime(2025, 6, 20, 18, 0), CallInStatus.CANCELLED)
    _callin(services, "Borttaget", datetime(2025, 6, 16, 18, 0), CallInStatus.PLANNED,
            deleted=True)
    _callin(services, "Igår", datetime(2025, 6, 14, 18, 0), CallInStatus.PLANNED)
    _callin(services, "Forum hösten", datetime(2025, 9, 1, 18, 0), CallInStatus.DRAFT)
    soon = _callin(services, "Forum juni", datetime(2025, 6, 15, 18, 0), CallInStatus.PLANNED)

    dto = OverviewService(services.db).summary(TODAY, log=False)

    assert dto.doses_since == date(2024, 6, 16)
    # A: 2024-06-16 and 2025-03-01; B: 2025-03-01 and the forum; C: the forum.
    assert (dto.people_notified, dto.people_notified_repeatedly, dto.doses) == (3, 2, 5)
    assert dto.next_callin == UpcomingCallIn(soon, "Forum juni", datetime(2025, 6, 15, 18, 0),
                                             CallInStatus.PLANNED)
    assert dto.upcoming_callins == 2  # today's and the draft in September


def test_an_empty_register_has_no_doses_and_no_call_in(services: Services) -> None:
    dto = OverviewService(services.db).summary(TODAY, log=False)
    assert (dto.people_notified, dto.people_notified_repeatedly, dto.doses) == (0, 0, 0)
    assert dto.next_callin is None and dto.upcoming_callins == 0
