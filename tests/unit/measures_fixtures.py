"""A small hand-made register for the measures, period 2025-01-10 – 2025-03-20.

Every row says in its comment where it counts; the right answers, month by month, are written
out in test_measures.py. Rows just outside the period (the 9th of January, the 21st of March),
tombstoned rows and rows of a tombstoned person or group are there to be left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.models import (
    CallIn,
    CallInInvitee,
    EnforcementAction,
    Group,
    HelplineContact,
    Incident,
    Notification,
    NotificationPerson,
    Referral,
    ReferralEvent,
)
from app.models.enums import (
    CallInStatus,
    Gmi,
    HelplineChannel,
    IncidentType,
    InviteeStatus,
    NotificationKind,
    ReferralStatus,
    ServiceType,
)
from app.services.session import Services

START, END = date(2025, 1, 10), date(2025, 3, 20)

# Names and numbers that must never reach the report.
PEOPLE = {
    "P1": ("Åsa", "Öberg", "19811218-9876"),
    "P2": ("Olle", "Andersson", "19900101-0017"),
    "P3": ("Bo", "Ek", "19750505-1230"),
    "P4": ("Lina", "Zetterlund", None),
    "P5": ("Yusuf", "Hassan", None),
    "P6": ("Dragan", "Jovanović", None),  # tombstoned
}
GROUP_NAMES = ("Norra gänget", "Borttagna gänget")
CALLER = "Kalle Okänd"
SECRET_TEXT = "Hemlig anteckning om Öberg"


@dataclass(frozen=True)
class Dataset:
    ids: dict[str, str]


def _at(y: int, m: int, d: int, h: int = 12, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi)


def _incidents(s: Session) -> None:
    rows = [
        # (when, type, gmi, injured, killed, deleted)
        (_at(2025, 1, 9, 23, 59), IncidentType.SHOOTING, Gmi.YES, 1, 0, False),  # before
        (_at(2025, 1, 10, 0, 0), IncidentType.SHOOTING, Gmi.YES, 0, 0, False),  # Jan GMI
        (_at(2025, 1, 20), IncidentType.SHOOTING, Gmi.YES, 1, 0, False),  # Jan GMI, harm
        (_at(2025, 1, 25), IncidentType.SHOOTING, Gmi.NO, 0, 1, False),  # Jan harm, killing
        (_at(2025, 1, 28), IncidentType.SHOOTING, Gmi.YES, 2, 0, True),  # tombstoned
        (_at(2025, 2, 3), IncidentType.EXPLOSION, Gmi.YES, 0, 0, False),  # Feb GMI explosion
        (_at(2025, 2, 14), IncidentType.EXPLOSION, Gmi.UNKNOWN, 0, 0, False),  # Feb explosion
        (_at(2025, 2, 20), IncidentType.HOMICIDE, Gmi.YES, 0, 1, False),  # Feb GMI killing
        (_at(2025, 2, 21), IncidentType.SHOOTING, Gmi.YES, 0, 1, False),  # Feb GMI all three
        (_at(2025, 3, 20, 23, 30), IncidentType.HOMICIDE, Gmi.NO, 0, 1, False),  # Mar killing
        (_at(2025, 3, 21, 0, 0), IncidentType.SHOOTING, Gmi.YES, 1, 0, False),  # after
        (_at(2025, 3, 5), IncidentType.AGGRAVATED_ASSAULT, Gmi.YES, 1, 0, False),  # no measure
    ]
    for when, kind, gmi, injured, killed, deleted in rows:
        s.add(Incident(occurred_at=when, type=kind, gmi=gmi, injured=injured, killed=killed,
                       place="Storgatan 1", description=SECRET_TEXT, deleted=deleted))


def _notify(s: Session, when: datetime | None, *people: str, kind: NotificationKind =
            NotificationKind.CUSTOM, deleted: bool = False, link_deleted: bool = False) -> None:
    note = Notification(kind=kind, delivered_at=when, deleted=deleted, reaction=SECRET_TEXT)
    s.add(note)
    s.flush()
    s.add_all(NotificationPerson(notification_id=note.id, person_id=p, deleted=link_deleted)
              for p in people)


def _message(s: Session, p: dict[str, str]) -> None:
    _notify(s, _at(2024, 12, 1), p["P1"])  # before: P1's first dose
    _notify(s, _at(2025, 1, 15), p["P1"])  # Jan: P1 notified, second dose -> repeat
    _notify(s, _at(2025, 1, 20), p["P2"])  # Jan: P2 notified, first dose
    _notify(s, _at(2025, 2, 5), p["P3"])  # Feb: P3 first dose
    _notify(s, _at(2025, 2, 25), p["P3"])  # Feb: P3 second dose -> repeat
    _notify(s, _at(2025, 3, 2), p["P1"], p["P3"])  # Mar: both notified, both repeat
    _notify(s, _at(2025, 1, 12), p["P4"],  # an invitation summons, it is no dose
            kind=NotificationKind.CALLIN_INVITATION)
    _notify(s, _at(2025, 3, 10), p["P5"], link_deleted=True)  # the link tombstoned
    _notify(s, _at(2025, 3, 15), p["P5"], deleted=True)  # the notification tombstoned
    _notify(s, _at(2025, 3, 12), p["P6"])  # a tombstoned person
    _notify(s, _at(2025, 3, 21), p["P1"])  # after
    _notify(s, None, p["P1"])  # planned, not delivered


def _callin(s: Session, when: datetime, status: CallInStatus, invitees: dict[str, InviteeStatus],
            *, deleted: bool = False, deleted_invitee: str | None = None) -> None:
    meeting = CallIn(title="Forum på Folkets hus", starts_at=when, status=status,
                     deleted=deleted)
    s.add(meeting)
    s.flush()
    s.add_all(CallInInvitee(callin_id=meeting.id, person_id=pid, status=st,
                            deleted=pid == deleted_invitee)
              for pid, st in invitees.items())


def _callins(s: Session, p: dict[str, str]) -> None:
    # Feb: held; invited P2 (came: P2's second dose), P4 (no-show), P1 (excused); P3 only
    # proposed and P5 approved (never invited); P6 tombstoned; P5's attended row tombstoned.
    _callin(s, _at(2025, 2, 10, 18), CallInStatus.HELD, {
        p["P2"]: InviteeStatus.ATTENDED, p["P4"]: InviteeStatus.NO_SHOW,
        p["P1"]: InviteeStatus.EXCUSED, p["P3"]: InviteeStatus.PROPOSED,
        p["P6"]: InviteeStatus.ATTENDED})
    _callin(s, _at(2025, 2, 11, 18), CallInStatus.PLANNED, {})  # not held
    _callin(s, _at(2025, 2, 12, 18), CallInStatus.HELD, {p["P5"]: InviteeStatus.ATTENDED},
            deleted=True)  # tombstoned call-in: no call-in, no dose
    _callin(s, _at(2025, 3, 5, 18), CallInStatus.PLANNED, {p["P1"]: InviteeStatus.INVITED})
    _callin(s, _at(2025, 3, 18, 18), CallInStatus.HELD, {
        p["P5"]: InviteeStatus.ATTENDED}, deleted_invitee=p["P5"])  # Mar: held, nobody live
    # Before the period (P4's only dose, so P4 is never a repeat).
    _callin(s, _at(2025, 1, 9, 18), CallInStatus.HELD, {p["P4"]: InviteeStatus.ATTENDED})


def _rounds(s: Session, live_group: str, dead_group: str) -> None:
    rows = [
        # (group, started, ended, deleted)
        (live_group, date(2024, 12, 15), None, False),  # active Jan, Feb, Mar
        (live_group, date(2025, 1, 10), date(2025, 2, 1), False),  # started Jan; Jan, Feb
        (live_group, date(2025, 2, 15), date(2025, 3, 1), False),  # started Feb; Feb, Mar
        (live_group, date(2025, 3, 21), None, False),  # after
        (live_group, date(2024, 11, 1), date(2025, 1, 9), False),  # ended the day before
        (dead_group, date(2025, 2, 1), None, False),  # a tombstoned group
        (live_group, date(2025, 2, 2), None, True),  # tombstoned
        (live_group, None, None, False),  # no start: not a round yet
    ]
    for group, started, ended, deleted in rows:
        s.add(EnforcementAction(group_id=group, levers=["traffic_checks"], started_on=started,
                                ended_on=ended, notes=SECRET_TEXT, deleted=deleted))


def _referral(s: Session, person: str, proposed: date | None, status: ReferralStatus,
              changed: date | None, steps: list[tuple[ReferralStatus, date, bool]], *,
              deleted: bool = False, created: datetime | None = None) -> None:
    row = Referral(person_id=person, service_type=ServiceType.WORK, status=status,
                   proposed_on=proposed, status_changed_on=changed, feedback=SECRET_TEXT,
                   deleted=deleted, created_at=created)
    s.add(row)
    s.flush()
    s.add_all(ReferralEvent(referral_id=row.id, status=st, on=on, deleted=gone)
              for st, on, gone in steps)


def _referrals(s: Session, p: dict[str, str]) -> None:
    R = ReferralStatus
    _referral(s, p["P1"], date(2025, 1, 15), R.COMPLETED, date(2025, 3, 15), [
        (R.PROPOSED, date(2025, 1, 15), False), (R.SENT, date(2025, 1, 20), False),
        (R.ACCEPTED, date(2025, 2, 3), False), (R.STARTED, date(2025, 2, 10), False),
        (R.COMPLETED, date(2025, 3, 15), False)])  # made Jan, accepted Feb, completed Mar
    # No steps recorded: status and its date stand in.
    _referral(s, p["P2"], date(2024, 12, 20), R.ACCEPTED, date(2025, 1, 25), [])  # acc. Jan
    _referral(s, p["P3"], date(2025, 2, 10), R.COMPLETED, date(2025, 3, 1), [])  # made Feb,
    # accepted (no earlier date known) and completed Mar
    _referral(s, p["P4"], date(2025, 3, 20), R.PROPOSED, None,
              [(R.PROPOSED, date(2025, 3, 20), False)])  # made Mar (the last day)
    _referral(s, p["P1"], date(2025, 3, 21), R.PROPOSED, None, [])  # after
    _referral(s, p["P6"], date(2025, 2, 1), R.PROPOSED, None, [])  # a tombstoned person
    _referral(s, p["P2"], date(2025, 2, 1), R.PROPOSED, None, [], deleted=True)  # tombstoned
    _referral(s, p["P3"], None, R.PROPOSED, None, [],
              created=datetime(2025, 2, 12, 10))  # made Feb (no proposal date: created)
    _referral(s, p["P2"], date(2025, 1, 11), R.DECLINED, date(2025, 1, 13), [
        (R.PROPOSED, date(2025, 1, 11), False), (R.ACCEPTED, date(2025, 1, 12), True),
        (R.DECLINED, date(2025, 1, 13), False)])  # made Jan; its acceptance tombstoned
    _referral(s, p["P4"], date(2025, 1, 5), R.COMPLETED, date(2025, 3, 20), [
        (R.ACCEPTED, date(2025, 1, 9), False),  # before the period
        (R.COMPLETED, date(2025, 3, 20), False)])  # completed Mar


def _helpline(s: Session, p: dict[str, str]) -> None:
    rows = [
        # (when, anonymous, person, deleted)
        (_at(2025, 1, 10, 8), True, None, False),  # Jan anonymous
        (_at(2025, 1, 31, 23, 59), False, p["P1"], False),  # Jan named
        (_at(2025, 2, 14), True, None, False),  # Feb anonymous
        (_at(2025, 2, 15), True, None, True),  # tombstoned
        (_at(2025, 3, 20, 12), False, None, False),  # Mar named (not linked yet)
        (_at(2025, 3, 21, 0, 0), True, None, False),  # after
        (_at(2025, 1, 9, 8), True, None, False),  # before
    ]
    for when, anonymous, person, deleted in rows:
        s.add(HelplineContact(contacted_at=when, channel=HelplineChannel.PHONE,
                              anonymous=anonymous, person_id=person,
                              caller_name=None if anonymous else CALLER,
                              asked=SECRET_TEXT, deleted=deleted))


def build(services: Services) -> Dataset:
    ids: dict[str, str] = {}
    for key, (first, last, pnr) in PEOPLE.items():
        values = {"first_name": first, "last_name": last}
        if pnr:
            values["personnummer"] = pnr
        ids[key] = services.people.create(values).id
    with services.db.write() as s:
        live, dead = Group(name=GROUP_NAMES[0]), Group(name=GROUP_NAMES[1])
        s.add_all([live, dead])
        s.flush()
        ids["G1"], ids["G2"] = live.id, dead.id
        _incidents(s)
        _message(s, ids)
        _callins(s, ids)
        _rounds(s, live.id, dead.id)
        _referrals(s, ids)
        _helpline(s, ids)
    services.people.delete(ids["P6"])
    services.groups.delete(ids["G2"])
    return Dataset(ids)
