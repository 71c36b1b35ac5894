"""The steps every register write shares: find a live row, add, change, tombstone — each
with its audit event in the caller's transaction, so no service can forget one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import SyncMixin
from app.services import audit
from app.services.audit import Action

T = TypeVar("T", bound=SyncMixin)


def load_live(s: Session, model: type[T], row_id: str, missing: str) -> T:
    """The row, unless it does not exist or is tombstoned (then ``NotFound(missing)``)."""
    row = s.get(model, row_id)
    if row is None or row.deleted:
        raise NotFound(missing)
    return row


def add_row(s: Session, row: T, entity: str, *, purpose: str | None = None,
            detail: dict[str, Any] | None = None) -> T:
    s.add(row)
    s.flush()
    audit.record(s, Action.CREATE, entity, row.id, purpose=purpose, detail=detail)
    return row


def update_row(s: Session, row: SyncMixin, entity: str, cleaned: Mapping[str, Any], *,
               purpose: str | None = None, also_changed: Iterable[str] = ()) -> list[str]:
    """Set the fields whose value differs and log their names (never their values)."""
    changed = sorted(f for f, v in cleaned.items() if getattr(row, f) != v)
    for field in changed:
        setattr(row, field, cleaned[field])
    changed += list(also_changed)
    s.flush()
    if changed:
        audit.record(s, Action.UPDATE, entity, row.id, purpose=purpose,
                     detail={"fields": changed})
    return changed


def tombstone(s: Session, row: SyncMixin, entity: str, *, purpose: str | None = None) -> None:
    """Soft delete: the row stays so that other vaults learn of the deletion when merging."""
    row.deleted = True
    s.flush()
    audit.record(s, Action.DELETE, entity, row.id, purpose=purpose)
