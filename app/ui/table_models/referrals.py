"""The referral register (person, support, provider, status, dates, officer, consent) and a
referral's history of steps.

Referrals number in the hundreds or low thousands, so the service's rows come in one lane job
and the header sorts them in memory (``SortedListModel``); -1 restores the service's order
(latest proposed first).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.models.enums import ReferralStatus
from app.services.referrals import ReferralDTO, ReferralEventDTO
from app.ui.labels import date_text, service_type_label
from app.ui.support_words import (
    ConsentState,
    consent_state_hint,
    consent_state_label,
    referral_status_label,
)
from app.ui.table_models.sorted_list import SortedListModel

AnyIndex = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#a4262c")
MUTED = QColor("#6b6b6b")
_STATUS_ORDER = {s: n for n, s in enumerate(ReferralStatus)}


def consent_state(r: ReferralDTO) -> ConsentState:
    """Withdrawn first: it is the one that tells staff to stop sharing."""
    if r.consent_withdrawn:
        return ConsentState.WITHDRAWN
    if r.consent_id:
        return ConsentState.OK
    if r.overridden:
        return ConsentState.OVERRIDE
    return ConsentState.MISSING


class ReferralsModel(SortedListModel[ReferralDTO]):
    PERSON, SERVICE, PROVIDER, STATUS, PROPOSED, DUE, OFFICER, CONSENT = range(8)
    COLUMN_COUNT = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def listed(self) -> None:
        self.today = date.today()

    def set_referrals(self, rows: list[ReferralDTO]) -> None:
        self.set_rows(rows)

    def referral(self, row: int) -> ReferralDTO:
        return self.row_item(row)

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Person"), self.tr("Insats"), self.tr("Utförare"), self.tr("Status"),
                self.tr("Föreslagen"), self.tr("Följs upp senast"), self.tr("Ansvarig"),
                self.tr("Samtycke"))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r, column = self.row_at(index), index.column()
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(r, column)
        overdue = r.is_overdue(self.today)
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column == self.DUE:
                return QBrush(OVERDUE)
            if column == self.CONSENT and consent_state(r) is ConsentState.WITHDRAWN:
                return QBrush(OVERDUE)
            if not r.is_open:
                return QBrush(MUTED)  # closed: kept for the record
            return None
        if role == Qt.ItemDataRole.FontRole and overdue and column == self.DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DUE and overdue:
                days = r.days_overdue(self.today)
                return (self.tr("1 dag sen") if days == 1
                        else self.tr("%1 dagar sen").replace("%1", str(days)))
            if column == self.CONSENT:
                return consent_state_hint(consent_state(r))
            if column == self.PROVIDER and r.provider_archived:
                return self.tr("Utföraren är arkiverad")
            return self.text(r, column) or None
        return None

    def text(self, r: ReferralDTO, column: int) -> str:
        if column == self.PERSON:
            return r.person_name
        if column == self.SERVICE:
            return service_type_label(r.service_type)
        if column == self.PROVIDER:
            return r.provider_name or self.tr("ej vald")
        if column == self.STATUS:
            return referral_status_label(r.status)
        if column == self.PROPOSED:
            return date_text(r.proposed_on)
        if column == self.DUE:
            return date_text(r.due_on)
        if column == self.OFFICER:
            return r.responsible_officer or ""
        if column == self.CONSENT:
            return consent_state_label(consent_state(r))
        return ""

    def sort_key(self, r: ReferralDTO, column: int) -> Any:
        if column == self.STATUS:
            return _STATUS_ORDER.get(r.status, 99)
        if column == self.PROPOSED:
            return r.proposed_on or date.min
        if column == self.DUE:
            # Without a follow-up date last when ascending: nothing is due.
            return r.due_on or date.max
        return self.text(r, column).casefold()


class ReferralHistoryModel(QAbstractTableModel):
    """The referral's steps, oldest first: date, from → to, by whom, note, and the consent the
    step relied on or the reason it went ahead without one."""

    DATE, STEP, BY, NOTE, CONSENT = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReferralEventDTO] = []
        self._consents: dict[str, str] = {}  # consent id → how it is named

    def set_events(self, events: list[ReferralEventDTO], consents: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(events)
        self._consents = dict(consents)
        self.endResetModel()

    def clear(self) -> None:
        self.set_events([], {})

    def step(self, row: int) -> ReferralEventDTO:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Datum"), self.tr("Steg"), self.tr("Av"), self.tr("Anteckning"),
                  self.tr("Samtycke eller skäl"))
        return titles[section] if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(e, column)
            if role == Qt.ItemDataRole.DisplayRole:
                return text.replace("\n", " ")
            return text or None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CONSENT and e.overridden:
            return QBrush(OVERDUE)
        return None

    def text(self, e: ReferralEventDTO, column: int) -> str:
        if column == self.DATE:
            return date_text(e.on)
        if column == self.STEP:
            if e.previous_status is None:
                return referral_status_label(e.status)
            return f"{referral_status_label(e.previous_status)} → {referral_status_label(e.status)}"
        if column == self.BY:
            return e.by_user or ""
        if column == self.NOTE:
            return e.note or ""
        if column == self.CONSENT:
            if e.override_reason is not None:
                return self.tr("Utan samtycke: %1").replace("%1", e.override_reason)
            if e.consent_id:
                return self._consents.get(e.consent_id) or self.tr("samtycke")
        return ""
