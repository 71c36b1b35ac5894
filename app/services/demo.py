"""Invented, realistic Swedish demo data for training, screenshots and benchmarks.

``fill_demo`` writes everything in one transaction through Core bulk inserts (the ORM is too
slow for 100,000 people) and logs one audit event with the counts. The data is deterministic:
the same seed and size give the same people, numbers and dates in a fresh vault. Filling a
vault that already holds data adds to it, with new ids and numbers that do not collide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.i18n import _
from app.models import AuditEvent, Group, GroupRelation, Membership, Person, VaultMeta
from app.services import audit
from app.services.audit import Action
from app.services.bulk import insert_rows
from app.services.demo_events import callins, custom_notifications, incidents
from app.services.demo_help import enforcement, help_to_leave
from app.services.demo_people import group_rows, membership_rows, person_rows, relation_rows
from app.services.demo_world import Ticker, make_world, table
from app.services.letters.letterhead import META_KEY, Letterhead, Signatory
from app.services.session import Services

ENTITY = "demo_data"
MIN_PEOPLE, MAX_PEOPLE = 100, 100_000
# Rows written per person, all tables together (measured); only sizes the progress bar.
ROWS_PER_PERSON = 3.0


@dataclass(frozen=True)
class DemoSummary:
    people: int
    groups: int
    memberships: int
    relations: int
    incidents: int
    callins: int
    invitees: int
    notifications: int
    referrals: int
    helpline_contacts: int
    enforcement_actions: int
    consents: int
    service_providers: int


def fill_demo(services: Services, *, people: int = 1000, seed: int = 1,
              progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> DemoSummary:
    """Add ``people`` invented people with groups, incidents, call-ins and follow-up.

    Raises ``Cancelled`` (nothing written) when ``cancel()`` turns true along the way.
    """
    if isinstance(people, bool) or not isinstance(people, int) \
            or not MIN_PEOPLE <= people <= MAX_PEOPLE:
        raise ValidationError(FieldError("people", _("ska vara ett heltal mellan 100 och 100 000"),
                                         _("antal personer")))
    ticker = Ticker(int(people * ROWS_PER_PERSON), progress, cancel)
    ticker.check()
    with services.db.write() as s:
        world = make_world(people, seed, _earlier_fills(s), _taken_numbers(s), _taken_names(s))

        def put(table: Table, rows: Iterable[dict[str, Any]]) -> int:
            return insert_rows(s, table, ticker.stream(rows))

        def put_all(tables: list[tuple[Table, list[dict[str, Any]]]]) -> None:
            for table, rows in tables:
                put(table, rows)

        groups = put(table(Group), group_rows(world))
        added = put(table(Person), person_rows(world))
        memberships = put(table(Membership), membership_rows(world))
        put_all(incidents(world))
        relations = put(table(GroupRelation), relation_rows(world))
        put_all(callins(world))
        put_all(custom_notifications(world))
        put_all(help_to_leave(world))
        put_all(enforcement(world))
        c = world.counts
        summary = DemoSummary(
            people=added, groups=groups, memberships=memberships, relations=relations,
            incidents=c["incidents"], callins=c["callins"], invitees=c["invitees"],
            notifications=c["invitations"] + c["custom_notifications"], referrals=c["referrals"],
            helpline_contacts=c["helpline_contacts"],
            enforcement_actions=c["enforcement_actions"], consents=c["consents"],
            service_providers=c["service_providers"],
        )
        _letterhead(s)
        ticker.check()  # the last moment a cancel still leaves the vault untouched
        audit.record(s, Action.CREATE, ENTITY, None, detail={**asdict(summary), "seed": seed})
    ticker.finish()
    return summary


def _letterhead(s: Session) -> None:
    """A complete, invented letterhead, so the demo's letters print without setup first.

    Only when the vault has none: a demo fill never overwrites what staff wrote.
    """
    if s.get(VaultMeta, META_KEY) is not None:
        return
    head = Letterhead(
        partners=("Polisen", "Kriminalvården, frivården", "Socialtjänsten"),
        place="Malmö", contact_person="Sara Lindqvist", phone="040-34 10 00",
        opening_hours="vardagar 9–17",
        signatories=(Signatory("Per Holm", "lokalpolisområdeschef", "Polisen"),
                     Signatory("Eva Nyström", "enhetschef", "Frivården Malmö"),
                     Signatory("Karin Ek", "avdelningschef", "Socialtjänsten")),
        return_address="Sluta skjut, Box 123, 211 00 Malmö")
    s.add(VaultMeta(key=META_KEY, value=head.to_json()))


def _earlier_fills(s: Session) -> int:
    return int(s.execute(select(func.count()).select_from(AuditEvent)
                         .where(AuditEvent.entity_type == ENTITY)).scalar_one())


def _taken_numbers(s: Session) -> set[str]:
    return {n for n in s.execute(select(Person.personnummer)).scalars() if n}


def _taken_names(s: Session) -> set[str]:
    return {name.casefold() for name in s.execute(select(Group.name)
                                                  .where(Group.deleted.is_(False))).scalars()}
