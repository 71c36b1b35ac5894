"""Att granska: the fields where this laptop and a partner disagreed in a merge and the
difference matters (a person's frivård status, consent, membership). The value merged in stays
until someone chooses: "Behåll" closes the item, "Ta den andra" writes the other value as a
new change (it then travels with the next bundle)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.merge_review import Resolution, ReviewItem, ReviewService
from app.ui.crash import user_message
from app.ui.icons import page_icon
from app.ui.pages.base import Page, PageContext
from app.ui.table_models.reviews import ReviewsModel
from app.ui.widgets.field_errors import error_label


class ReviewsPage(Page):
    key = "reviews"
    watches = ("merge_review", "person", "membership", "consent")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.service = ReviewService(context.services.db)
        self.model = ReviewsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.heading = QLabel()
        self.empty = QLabel(self.tr(
            "Inget att granska. När en import från en partner skiljer sig från den här "
            "datorn i en uppgift som spelar roll (t.ex. frivårdsstatus eller samtycke) "
            "hamnar den här."))
        self.empty.setWordWrap(True)
        self.keep = QPushButton(self.tr("&Behåll"))
        self.keep.setToolTip(self.tr("Behåll värdet som står i registret nu"))
        self.take = QPushButton(self.tr("&Ta den andra"))
        self.take.setToolTip(self.tr("Skriv det andra värdet i registret"))
        self.message = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep)
        buttons.addWidget(self.take)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.keep.clicked.connect(lambda: self.resolve("kept"))
        self.take.clicked.connect(lambda: self.resolve("other"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._show_state()

    def title(self) -> str:
        return self.tr("Att granska")

    def icon(self) -> QIcon:
        return page_icon("edit")

    def load(self) -> None:
        self.context.runner.run(self.service.open_items, on_done=self._listed,
                                on_error=self._failed, owner=self)

    def _listed(self, items: list[ReviewItem]) -> None:
        self.model.set_items(items)
        if items:
            self.table.selectRow(0)
            self.table.resizeColumnsToContents()
        self._show_state()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()

    def clear(self) -> None:
        self.model.clear()
        self.message.hide()
        self._show_state()
        super().clear()

    def selected(self) -> ReviewItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def resolve(self, choice: str) -> None:
        item = self.selected()
        if item is None:
            return
        self.message.hide()
        self.context.runner.run(self.service.resolve, item.id, choice,
                                on_done=lambda r: self._resolved(item, r),
                                on_error=self._failed, owner=self)

    def _resolved(self, item: ReviewItem, result: Resolution) -> None:
        self.status_message.emit(self.tr("Avgjort: %1, %2").replace(
            "%1", item.record_label).replace("%2", item.field_label))
        self.context.events.changed(item.entity_type if result.written else "merge_review")
        self.load()

    def _selection_changed(self) -> None:
        item = self.selected()
        self.keep.setEnabled(item is not None)
        # A record deleted meanwhile can only keep what is there (nothing to write to).
        self.take.setEnabled(item is not None and not item.record_deleted)

    def _show_state(self) -> None:
        count = self.model.rowCount()
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self.heading.setVisible(count > 0)
        text = (self.tr("1 uppgift att granska. Värdet i registret gäller tills någon väljer.")
                if count == 1 else
                self.tr("%1 uppgifter att granska. Värdet i registret gäller tills någon väljer.")
                .replace("%1", QLocale().toString(count)))
        self.heading.setText(text)
        self._selection_changed()
