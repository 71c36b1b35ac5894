"""What the call-in service takes and returns: frozen dataclasses, never ORM rows.

Times are naive local wall-clock times, as staff entered them (the same rule as incidents,
see ``Checker.datetime``); ``created_at``/``updated_at`` are the database's UTC stamps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from app.models.enums import CallInStatus, FrivardStatus, InviteeStatus, SpeakerRole


# ---- the plan: what the wizard edits and saves in one action ---------------------------------
@dataclass(frozen=True)
class PlannedInvitee:
    """An invitee in a plan. A new invitee may only be proposed or approved; later steps of
    the pipeline go through ``CallInService.set_invitee_status`` (they need how and by whom)."""

    person_id: str
    reason: str | None = None
    status: InviteeStatus = InviteeStatus.PROPOSED


@dataclass(frozen=True)
class PlannedSpeaker:
    """A slot in the programme; its order is its place in ``CallInPlan.speakers``.

    ``minutes`` 0 or None means "not decided yet" (allowed in a draft only); a draft may also
    leave the name empty, but the role is always chosen (the wizard offers a list)."""

    role: SpeakerRole | str
    name: str = ""
    minutes: int | None = None
    id: str | None = None  # a slot already saved keeps its id (as ``plan()`` returns it)


@dataclass(frozen=True)
class CallInPlan:
    """A whole call-in as the wizard sees it. A draft may leave anything out.

    ``logistics`` holds the ticked checklist entries: keys of ``LOGISTICS_ITEMS`` ("meal",
    "transport", "sign_out", "helpline_cards", "letters", "interpreter") or free-text items
    staff added themselves (ticked by being there).
    """

    title: str = ""
    starts_at: datetime | None = None
    venue: str | None = None
    security_plan: str | None = None
    practical_notes: str | None = None
    group_ids: tuple[str, ...] = ()
    invitees: tuple[PlannedInvitee, ...] = ()
    speakers: tuple[PlannedSpeaker, ...] = ()
    logistics: tuple[str, ...] = ()


# ---- reads -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class GroupRef:
    group_id: str
    name: str


@dataclass(frozen=True)
class LogisticsItem:
    """One line of the checklist. ``key`` is a fixed key or, for a free item, its own text."""

    key: str
    label: str
    done: bool
    fixed: bool = True


@dataclass(frozen=True)
class SpeakerDTO:
    id: str
    position: int  # 1, 2, 3 … in programme order
    role: SpeakerRole
    name: str
    minutes: int


@dataclass(frozen=True)
class InviteeDTO:
    id: str
    person_id: str
    first_name: str
    last_name: str
    status: InviteeStatus
    reason: str | None
    invited_how: str | None
    invited_by: str | None
    invited_at: datetime | None  # when the invitation was handed over (its notification)
    signed_out_at: datetime | None
    frivard_status: FrivardStatus

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class CallInDTO:
    id: str
    title: str
    starts_at: datetime | None
    venue: str | None
    security_plan: str | None
    practical_notes: str | None
    status: CallInStatus
    letter_template_version: int | None
    groups: tuple[GroupRef, ...]
    speakers: tuple[SpeakerDTO, ...]
    invitees: tuple[InviteeDTO, ...]  # Swedish name order
    logistics: tuple[LogisticsItem, ...]
    created_at: datetime
    updated_at: datetime

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.speakers)

    def invitees_with(self, *statuses: InviteeStatus) -> tuple[InviteeDTO, ...]:
        return tuple(i for i in self.invitees if i.status in statuses)


@dataclass(frozen=True)
class CallInSummary:
    id: str
    title: str
    starts_at: datetime | None
    venue: str | None
    status: CallInStatus
    groups: tuple[str, ...]  # names, Swedish order
    # Every InviteeStatus is a key (0 when none), so a screen can show fixed columns.
    counts: Mapping[InviteeStatus, int] = field(default_factory=dict)

    @property
    def invitees_total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Candidate:
    """A current member of one of the chosen groups, as the wizard suggests them."""

    person_id: str
    first_name: str
    last_name: str
    groups: tuple[str, ...]  # names of the chosen groups they belong to on the date
    roles: tuple[str, ...]  # their roles in those groups, as recorded
    frivard_status: FrivardStatus
    frivard_from: date | None
    frivard_to: date | None
    frivard_office: str | None
    supervised: bool  # under frivård supervision on the date: the lever that obliges attendance
    other_callins: int  # live call-ins (not cancelled) they are an invitee of, this one excluded
    notifications: int  # delivered notifications (custom and invitations) they have had

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"
