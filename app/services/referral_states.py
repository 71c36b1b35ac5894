"""The referral state machine as data: which status may follow which, which steps share data
with another organisation (and so need a consent or a written override), and what "open" and
"overdue" mean. Kept apart from the service so the provider catalogue and the overview use
the same rules without importing the whole referral service.

    proposed → sent → accepted → started → completed
    declined  (the person or the provider said no)   from proposed, sent, accepted
    dropped   (the person stopped or lost contact)   from sent, accepted, started
    withdrawn (the working group took it back)       from proposed, sent, accepted, started

Only proposed → sent shares data: that is when the referral, with the person's details,
goes to the provider. The later steps record what the provider or the person told us; they
send nothing on. A referral whose consent is later withdrawn is flagged instead (see
``ReferralDTO.consent_withdrawn``), so staff know not to pass anything more.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_

from app.models import Referral
from app.models.enums import ReferralStatus as S

# status → the statuses it may move to. Terminal statuses map to nothing.
ALLOWED: dict[S, frozenset[S]] = {
    S.PROPOSED: frozenset({S.SENT, S.DECLINED, S.WITHDRAWN}),
    S.SENT: frozenset({S.ACCEPTED, S.DECLINED, S.DROPPED, S.WITHDRAWN}),
    S.ACCEPTED: frozenset({S.STARTED, S.DECLINED, S.DROPPED, S.WITHDRAWN}),
    S.STARTED: frozenset({S.COMPLETED, S.DROPPED, S.WITHDRAWN}),
    S.COMPLETED: frozenset(),
    S.DECLINED: frozenset(),
    S.DROPPED: frozenset(),
    S.WITHDRAWN: frozenset(),
}

TERMINAL: frozenset[S] = frozenset(s for s, nxt in ALLOWED.items() if not nxt)
# In the order of the pipeline (SQL IN lists and screens read them in this order).
OPEN: tuple[S, ...] = tuple(s for s in S if ALLOWED[s])

# (from, to) steps that hand the person's data to another organisation.
SHARING: frozenset[tuple[S, S]] = frozenset({(S.PROPOSED, S.SENT)})


def can_move(current: S, target: S) -> bool:
    return target in ALLOWED.get(current, frozenset())


def next_statuses(current: S) -> tuple[S, ...]:
    """The statuses ``current`` may move to, in pipeline order (for the screen's buttons)."""
    return tuple(s for s in S if s in ALLOWED.get(current, frozenset()))


def shares_data(current: S, target: S) -> bool:
    """Whether the step needs a consent of the person (or a written override)."""
    return (current, target) in SHARING


def is_open(status: S) -> bool:
    return status not in TERMINAL


def is_overdue(status: S, due_on: date | None, today: date) -> bool:
    """The rule in Python, for a row already read: open and followed up later than due."""
    return is_open(status) and due_on is not None and due_on < today


def overdue_condition(today: date) -> Any:
    """The same rule in SQL: the overview and ``ReferralService.overdue`` both use it."""
    return and_(Referral.status.in_(OPEN), Referral.due_on < today)
