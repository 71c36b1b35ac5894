"""The notification register: date, kind, people, trigger, setting, the team that delivered
it and the message parts.

The service lists both kinds (custom notifications and call-in invitations) newest first,
filtered by kind, period, group and typed names in SQL; a period holds hundreds, not hundreds
of thousands, so the rows come in one lane job and the header sorts them in memory.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.models.enums import NotificationKind
from app.services.notifications import NotificationSummary, TeamMember
from app.ui.labels import (
    message_part_label,
    notification_kind_label,
    notification_setting_label,
    notification_trigger_label,
    team_role_label,
)
from app.ui.table_models.sorted_list import SortedListModel

AnyIndex = QModelIndex | QPersistentModelIndex
MUTED = QColor("#6b6b6b")


def datetime_text(value: datetime | None) -> str:
    """ÅÅÅÅ-MM-DD TT:MM, the form staff enter."""
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


class NotificationsModel(SortedListModel[NotificationSummary]):
    DATE, KIND, PEOPLE, TRIGGER, SETTING, TEAM, MESSAGE = range(7)
    COLUMN_COUNT = 7

    def set_notifications(self, rows: list[NotificationSummary]) -> None:
        self.set_rows(rows)

    def notification(self, row: int) -> NotificationSummary:
        return self.row_item(row)

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Datum"), self.tr("Slag"), self.tr("Personer"), self.tr("Anledning"),
                self.tr("Plats"), self.tr("Team"), self.tr("Budskap"))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        n, column = self.row_at(index), index.column()
        if n is None:
            return None
        invitation = n.kind is NotificationKind.CALLIN_INVITATION
        if role == Qt.ItemDataRole.ForegroundRole and invitation:
            return QBrush(MUTED)  # summons to a call-in; the call-in itself is the dose
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.PEOPLE:
                return "\n".join(p.name for p in n.persons) or None
            if column == self.KIND and invitation and n.callin_title:
                return n.callin_title
            if column == self.TEAM:
                return "\n".join(self.member_text(m) for m in n.team) or None
            if column == self.MESSAGE:
                return "\n".join(message_part_label(p) for p in n.message_parts) or None
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(n, column)
        return None

    def text(self, n: NotificationSummary, column: int) -> str:
        if column == self.DATE:
            return datetime_text(n.delivered_at) or self.tr("ej skickad")
        if column == self.KIND:
            return notification_kind_label(n.kind)
        if column == self.PEOPLE:
            return self.people_text(n)
        if column == self.TRIGGER:
            return self.trigger_text(n)
        if column == self.SETTING:
            return notification_setting_label(n.setting)
        if column == self.TEAM:
            return ", ".join(self.member_text(m) for m in n.team)
        if column == self.MESSAGE:
            return ", ".join(message_part_label(p) for p in n.message_parts)
        return ""

    @staticmethod
    def member_text(member: TeamMember) -> str:
        return f"{member.name} ({team_role_label(member.role)})"

    @staticmethod
    def trigger_text(n: NotificationSummary) -> str:
        """Why: the trigger, or for an invitation the call-in it summons to."""
        if n.kind is NotificationKind.CALLIN_INVITATION:
            return n.callin_title or ""
        return notification_trigger_label(n.trigger)

    def people_text(self, n: NotificationSummary) -> str:
        """Up to two names, then how many more."""
        names = [p.name for p in n.persons]
        if len(names) <= 2:
            return ", ".join(names)
        return self.tr("%1, %2 och %3 till").replace("%1", names[0]).replace(
            "%2", names[1]).replace("%3", str(len(names) - 2))

    def sort_key(self, n: NotificationSummary, column: int) -> Any:
        if column == self.DATE:
            return n.delivered_at or datetime.min
        if column == self.KIND:
            return notification_kind_label(n.kind).casefold()
        if column == self.PEOPLE:
            return self.people_text(n).casefold()
        if column == self.TRIGGER:
            return self.trigger_text(n).casefold()
        if column == self.SETTING:
            return notification_setting_label(n.setting).casefold()
        if column == self.TEAM:
            return ", ".join(m.name for m in n.team).casefold()
        return len(n.message_parts)
