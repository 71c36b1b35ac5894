"""The invitee pipeline and the call-in's own status: which moves are allowed, and the
invitation notification that marking someone *invited* creates.

Pipeline: proposed → approved → invited → attended | no_show | excused. One step forward, or
one step back to correct a mistake; the three outcomes may also be swapped for one another
(a no-show who turns out to have sent word is excused). Anything else is refused.

An invitation handed over is a notification (``kind=callin_invitation``) with one
``NotificationPerson``: the notifications service counts it. It exists while the invitee is
invited or further on; stepping back before *invited* or removing the invitee tombstones it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Notification, NotificationPerson
from app.models.enums import CallInStatus, InviteeStatus, NotificationKind
from app.services import audit
from app.services.audit import Action
from app.services.callin_words import callin_status_word, invitee_status_word

_S = InviteeStatus
OUTCOMES = (_S.ATTENDED, _S.NO_SHOW, _S.EXCUSED)
_STEP = {_S.PROPOSED: 0, _S.APPROVED: 1, _S.INVITED: 2, _S.ATTENDED: 3, _S.NO_SHOW: 3,
         _S.EXCUSED: 3}
# At or beyond this step an invitation has been handed over.
INVITED_OR_LATER = (_S.INVITED, *OUTCOMES)

# The call-in's own status: planned ⇄ held and planned ⇄ cancelled; a draft becomes planned
# only by finishing its plan (which checks it is complete).
CALLIN_MOVES: dict[CallInStatus, tuple[CallInStatus, ...]] = {
    CallInStatus.DRAFT: (),
    CallInStatus.PLANNED: (CallInStatus.HELD, CallInStatus.CANCELLED),
    CallInStatus.HELD: (CallInStatus.PLANNED,),
    CallInStatus.CANCELLED: (CallInStatus.PLANNED,),
}


def invitee_move_error(current: InviteeStatus, new: InviteeStatus) -> str | None:
    """None if ``current`` → ``new`` is allowed, else the Swedish reason."""
    if current == new:
        return None
    a, b = _STEP[current], _STEP[new]
    if abs(a - b) == 1 or (a == b == 3):
        return None
    return _("Kan inte gå från {old} till {new}: ett steg i taget, framåt eller tillbaka "
             "(föreslagen → godkänd → kallad → deltog/uteblev/förhinder).").format(
        old=invitee_status_word(current).lower(), new=invitee_status_word(new).lower())


def callin_move_error(current: CallInStatus, new: CallInStatus) -> str | None:
    if current == new or new in CALLIN_MOVES[current]:
        return None
    if current is CallInStatus.DRAFT:
        return _("Ett utkast blir planerat när planeringen slutförs.")
    return _("Kan inte ändra status från {old} till {new}.").format(
        old=callin_status_word(current).lower(), new=callin_status_word(new).lower())


def invitation_for(s: Session, callin_id: str, person_id: str) -> Notification | None:
    """The live invitation notification for this person and call-in, if any."""
    stmt = (select(Notification)
            .join(NotificationPerson, NotificationPerson.notification_id == Notification.id)
            .where(Notification.callin_id == callin_id,
                   Notification.kind == NotificationKind.CALLIN_INVITATION,
                   Notification.deleted.is_(False),
                   NotificationPerson.person_id == person_id,
                   NotificationPerson.deleted.is_(False))
            .order_by(Notification.created_at.desc()))
    return s.execute(stmt).scalars().first()


def open_invitation(s: Session, callin_id: str, person_id: str, at: datetime | None,
                    by: str) -> Notification:
    """Record the invitation as delivered (``at``, default now); an existing one is
    corrected, never doubled."""
    note = invitation_for(s, callin_id, person_id)
    if note is not None:
        note.delivered_at = at or note.delivered_at
        note.team = [{"name": by, "role": ""}]
        return note
    note = Notification(kind=NotificationKind.CALLIN_INVITATION, callin_id=callin_id,
                        delivered_at=at or datetime.now().replace(microsecond=0),
                        team=[{"name": by, "role": ""}], message_parts=[])
    s.add(note)
    s.flush()
    s.add(NotificationPerson(notification_id=note.id, person_id=person_id))
    s.flush()
    audit.record(s, Action.CREATE, "notification", note.id, detail={"callin": callin_id})
    return note


def withdraw_invitation(s: Session, callin_id: str, person_id: str) -> bool:
    """Tombstone the invitation (and its person row); False if there was none."""
    note = invitation_for(s, callin_id, person_id)
    if note is None:
        return False
    note.deleted = True
    for link in s.execute(select(NotificationPerson).where(
            NotificationPerson.notification_id == note.id,
            NotificationPerson.deleted.is_(False))).scalars():
        link.deleted = True
    s.flush()
    audit.record(s, Action.DELETE, "notification", note.id, detail={"callin": callin_id})
    return True


def invitation_times(s: Session, callin_id: str) -> dict[str, datetime | None]:
    """person id → when their invitation was handed over, for one call-in, in one query."""
    stmt = (select(NotificationPerson.person_id, Notification.delivered_at)
            .join(Notification, Notification.id == NotificationPerson.notification_id)
            .where(Notification.callin_id == callin_id,
                   Notification.kind == NotificationKind.CALLIN_INVITATION,
                   Notification.deleted.is_(False), NotificationPerson.deleted.is_(False)))
    return {pid: at for pid, at in s.execute(stmt).all()}
