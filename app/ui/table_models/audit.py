"""The audit log as a lazily paged table, newest first, filtered in SQL."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt

from app.services import audit_log
from app.services.audit import AuditEntry
from app.services.audit_log import AuditFilter
from app.services.db import Db
from app.ui.labels import audit_action_label, entity_type_label
from app.ui.table_models.lazy import PAGE_SIZE, Counter, LazyTableModel, Pager
from app.ui.tasks import Runner

translate = QCoreApplication.translate  # the name lupdate looks for

# Record kinds a page can show (Page.open_record kinds).
OPENABLE = ("person", "group", "incident", "callin", "notification", "referral",
            "helpline_contact")


def local_time_text(at: datetime) -> str:
    """The log stores naive UTC; people read their own clock."""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _detail_key(key: str) -> str:
    """Words for the detail keys the services write; an unknown key is shown as it is."""
    words = {
        "attempts": translate("audit_detail", "försök"),
        "bytes": translate("audit_detail", "byte"),
        "callin": translate("audit_detail", "call-in"),
        "callins": translate("audit_detail", "call-ins"),
        "consents": translate("audit_detail", "samtycken"),
        "count": translate("audit_detail", "antal"),
        "enforcement_actions": translate("audit_detail", "insatser mot grupper"),
        "field": translate("audit_detail", "fält"),
        "fields": translate("audit_detail", "fält"),
        "finished": translate("audit_detail", "färdigplanerad"),
        "format": translate("audit_detail", "format"),
        "groups": translate("audit_detail", "grupper"),
        "helpline_contacts": translate("audit_detail", "kontakter med stödlinjen"),
        "incidents": translate("audit_detail", "händelser"),
        "invitees": translate("audit_detail", "inbjudna"),
        "kind": translate("audit_detail", "slag"),
        "kinds": translate("audit_detail", "slag"),
        "language": translate("audit_detail", "språk"),
        "letter": translate("audit_detail", "brev"),
        "letter_preview": translate("audit_detail", "förhandsgranskade brev"),
        "memberships": translate("audit_detail", "medlemskap"),
        "method": translate("audit_detail", "sätt"),
        "notifications": translate("audit_detail", "underrättelser"),
        "output": translate("audit_detail", "utdata"),
        "people": translate("audit_detail", "personer"),
        "persons": translate("audit_detail", "personer"),
        "referrals": translate("audit_detail", "remisser"),
        "relations": translate("audit_detail", "relationer"),
        "rows": translate("audit_detail", "rader"),
        "seed": translate("audit_detail", "slumpfrö"),
        "service_providers": translate("audit_detail", "stödgivare"),
        "shipped": translate("audit_detail", "medföljande mall"),
        "speakers": translate("audit_detail", "talare"),
        "template": translate("audit_detail", "mall"),
        "user": translate("audit_detail", "användare"),
        "version": translate("audit_detail", "version"),
        "view": translate("audit_detail", "vy"),
    }
    return words.get(key, key)


def detail_text(detail: dict[str, Any] | None) -> str:
    """``{"fields": ["phone"], "rows": 3}`` → "fält: phone; rader: 3" (field names are the
    stable codes the services log, so that the log never depends on the screen language)."""
    if not detail:
        return ""
    parts = []
    for key, value in sorted(detail.items()):
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        parts.append(f"{_detail_key(key)}: {value}")
    return "; ".join(parts)


class AuditTableModel(LazyTableModel):
    SEQ, TIME, USER, ACTION, KIND, RECORD, PURPOSE, DETAIL = range(8)

    def __init__(self, db: Db | None, runner: Runner, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(runner, page_size=page_size, parent=parent)
        self._db = db
        self._filter = AuditFilter()
        self._locale = QLocale()

    @property
    def filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, new: AuditFilter) -> None:
        self._filter = new
        self.reload()

    def _source(self) -> tuple[Counter, Pager] | None:
        db = self._db
        if db is None:
            return None
        f = self._filter

        def pager(limit: int, offset: int) -> list[AuditEntry]:
            return audit_log.page(db, f, limit=limit, offset=offset)

        return partial(audit_log.count, db, f), pager

    def clear(self) -> None:
        self._db = None
        super().clear()

    def row_id(self, row: AuditEntry) -> str:
        return str(row.seq)

    def record_at(self, row: int) -> tuple[str, str] | None:
        """(kind, id) of the record the event is about, when a page can show it."""
        entry: AuditEntry = self.row_at(row)
        if entry.entity_type in OPENABLE and entry.entity_id:
            return entry.entity_type, entry.entity_id
        return None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Nr"), self.tr("Tid"), self.tr("Användare"), self.tr("Händelse"),
                self.tr("Posttyp"), self.tr("Post-id"), self.tr("Syfte"), self.tr("Detaljer"))

    def display(self, row: AuditEntry, column: int) -> str:
        if column == self.SEQ:
            return self._locale.toString(row.seq)
        if column == self.TIME:
            return local_time_text(row.at)
        if column == self.USER:
            return row.user
        if column == self.ACTION:
            return audit_action_label(row.action)
        if column == self.KIND:
            return entity_type_label(row.entity_type)
        if column == self.RECORD:
            return row.entity_id or ""
        if column == self.PURPOSE:
            return row.purpose or ""
        if column == self.DETAIL:
            return detail_text(row.detail)
        return ""

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == self.SEQ else None
