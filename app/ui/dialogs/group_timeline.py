"""A group's timeline tab: its history newest first — memberships, incidents, call-ins, the
notifications delivered to its members and its rounds of follow-through (ökat fokus).
Double-click opens what an entry is about."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.timeline import TimelineEntry, TimelineService
from app.ui.crash import user_message
from app.ui.pages.base import PageContext
from app.ui.table_models.timeline import TimelineModel

# "enforcement_action": a round of ökat fokus, opened on the group window's own tab.
OPENS = ("group", "incident", "person", "callin", "notification", "enforcement_action")


class GroupTimelineTab(QWidget):
    open_record = Signal(str, str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.model = TimelineModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TimelineModel.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineModel.TITLE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TimelineModel.TITLE, 320)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.activated.connect(self._open)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)

    def load(self, group_id: str) -> None:
        timeline = TimelineService(self._context.services.db)
        self._context.runner.run(timeline.for_group, group_id, on_done=self._show,
                                 on_error=lambda e: self.info.setText(user_message(e)),
                                 owner=self)

    def _show(self, entries: list[TimelineEntry]) -> None:
        self.model.set_entries(entries)
        self.info.setText(self.tr("Inget registrerat om gruppen ännu: medlemskap, händelser, "
                                  "call-ins, riktade samtal och ökat fokus visas här.")
                          if not entries
                          else self.tr("Dubbelklicka på en rad för att öppna den."))

    def clear(self) -> None:
        self.model.clear()
        self.info.clear()

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entry = self.model.entry(index.row())
        if entry.record_kind in OPENS and entry.record_id:
            self.open_record.emit(entry.record_kind, entry.record_id)
