"""Unsaved forms kept inside the encrypted vault while it is locked.

Locking must not lose what someone was typing, and nothing typed may stay readable on screen
or on disk outside the vault. So the open forms' field texts are written into ``vault_meta``
(one key per form, ``draft:<uuid>``, JSON value) right before the vault closes, and handed
back — and deleted — after the same user unlocks again. Each action is one transaction with
one audit event that names counts and kinds, never a typed value.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import (
    CallIn,
    Group,
    HelplineContact,
    Incident,
    LetterTemplate,
    Notification,
    Person,
    Referral,
    SyncMixin,
    VaultMeta,
)
from app.services import audit
from app.services.audit import Action
from app.services.db import Db, utcnow

PREFIX = "draft:"
# "callin_plan": the planning wizard (values: the plan as JSON and the step); "callin": the
# call-in window's unsaved details; "letter_template": an edited template text (record: the
# version it was edited from); "notification": the custom notification wizard (record: the
# notification being changed, None for a new one; values: its state as JSON and the step);
# "helpline_contact": a help-line contact typed during a call; "referral": the referral
# window's unsaved fields (follow-up date, officer, the provider's feedback, …).
KINDS = ("person", "group", "incident", "callin_plan", "callin", "letter_template",
         "notification", "helpline_contact", "referral")
_MODELS: dict[str, type[SyncMixin]] = {"person": Person, "group": Group, "incident": Incident,
                                       "callin_plan": CallIn, "callin": CallIn,
                                       "letter_template": LetterTemplate,
                                       "notification": Notification,
                                       "helpline_contact": HelplineContact,
                                       "referral": Referral}


@dataclass(frozen=True)
class Draft:
    """One unsaved form: its kind, the record it edits (None: a new one) and its texts."""

    kind: str
    record_id: str | None
    fields: dict[str, str] = field(default_factory=dict)
    user: str = ""
    saved_at: datetime | None = None
    # True when the record it edited was deleted while the vault was locked.
    record_gone: bool = False


def _encode(draft: Draft, user: str, at: datetime) -> str:
    if draft.kind not in KINDS:
        raise ValueError(f"unknown draft kind {draft.kind!r}")
    return json.dumps({"kind": draft.kind, "record_id": draft.record_id,
                       "fields": {str(k): str(v) for k, v in draft.fields.items()},
                       "user": user, "saved_at": at.isoformat()}, ensure_ascii=False)


def _decode(value: str) -> Draft | None:
    """A stored draft, or None for a value this version cannot read."""
    try:
        data = json.loads(value)
        kind = data["kind"]
        fields = {str(k): str(v) for k, v in dict(data["fields"]).items()}
        return Draft(kind=kind, record_id=data.get("record_id"), fields=fields,
                     user=str(data["user"]), saved_at=datetime.fromisoformat(data["saved_at"]))
    except (ValueError, KeyError, TypeError):
        return None


def _detail(drafts: list[Draft]) -> dict[str, object]:
    kinds = Counter(d.kind for d in drafts)
    return {"count": len(drafts), "kinds": sorted(kinds)}


class DraftService:
    def __init__(self, db: Db) -> None:
        self.db = db

    def stash(self, drafts: list[Draft]) -> int:
        """Store the drafts under the current user; returns how many were stored."""
        if not drafts:
            return 0
        at = utcnow()
        rows = [VaultMeta(key=f"{PREFIX}{uuid.uuid4()}", value=_encode(d, self.db.user, at))
                for d in drafts]
        with self.db.write() as s:
            s.add_all(rows)
            audit.record(s, Action.CREATE, "draft", detail=_detail(drafts))
        return len(rows)

    def count(self) -> int:
        """How many drafts of the current user wait (no audit event: no content is read)."""
        with self.db.read() as s:
            return len(self._mine(s))

    def take(self) -> list[Draft]:
        """This user's drafts, oldest first, deleted from the vault in the same transaction.

        A draft whose record was deleted meanwhile comes back with ``record_gone`` set."""
        with self.db.write() as s:
            mine = self._mine(s)
            if not mine:
                return []
            s.execute(delete(VaultMeta).where(VaultMeta.key.in_([k for k, _d in mine])))
            drafts = [self._check_record(s, d) for _k, d in mine]
            drafts.sort(key=lambda d: d.saved_at or datetime.min)
            audit.record(s, Action.READ, "draft", detail=_detail(drafts))
        return drafts

    def discard_all(self) -> int:
        """Forget this user's drafts without reading them; returns how many there were."""
        with self.db.write() as s:
            mine = self._mine(s)
            if not mine:
                return 0
            s.execute(delete(VaultMeta).where(VaultMeta.key.in_([k for k, _d in mine])))
            audit.record(s, Action.DELETE, "draft", detail=_detail([d for _k, d in mine]))
        return len(mine)

    def _mine(self, s: Session) -> list[tuple[str, Draft]]:
        rows = s.execute(select(VaultMeta.key, VaultMeta.value)
                         .where(VaultMeta.key.startswith(PREFIX, autoescape=True))).all()
        mine = []
        for key, value in rows:
            draft = _decode(value)
            if draft is not None and draft.user == self.db.user and draft.kind in KINDS:
                mine.append((key, draft))
        return mine

    @staticmethod
    def _check_record(s: Session, draft: Draft) -> Draft:
        if draft.record_id is None:
            return draft
        row = s.get(_MODELS[draft.kind], draft.record_id)
        if row is not None and not row.deleted:
            return draft
        return Draft(kind=draft.kind, record_id=draft.record_id, fields=draft.fields,
                     user=draft.user, saved_at=draft.saved_at, record_gone=True)
