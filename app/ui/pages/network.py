"""Nätverk: the groups and their current alliances and conflicts as a graph.

Nodes, edges and positions are computed on the lane (``NetworkService``): a register of
thousands of groups never freezes the window. By default only the most relevant groups are
drawn; the user can widen that.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.network import NetworkGraph, NetworkService
from app.ui.crash import user_message
from app.ui.icons import page_icon
from app.ui.pages.base import Page, PageContext
from app.ui.widgets.field_errors import error_label
from app.ui.widgets.network import ALLIANCE, CONFLICT, NetworkScene, NetworkView

LIMITS = (100, 300, 1000, 0)  # 0: every group


class NetworkPage(Page):
    key = "network"
    watches = ("group", "membership", "group_relation")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._service = NetworkService(context.services.db)
        self._generation = 0
        self.graph: NetworkGraph | None = None
        self.scene = NetworkScene(self)
        self.scene.node_clicked.connect(self._open_group)
        self.view = NetworkView(self.scene)

        self.dissolved = QCheckBox(self.tr("Visa upplösta grupper"))
        self.related_only = QCheckBox(self.tr("Bara grupper med relationer"))
        self.limit = QComboBox()
        for n in LIMITS:
            self.limit.addItem(self.tr("Alla grupper") if n == 0 else
                               self.tr("Högst %1 grupper").replace("%1", str(n)), n)
        self.limit.setCurrentIndex(1)
        self.limit.setToolTip(self.tr("Grupper med relationer visas först, sedan efter "
                                      "prioritet och storlek."))
        self.fit_button = QPushButton(self.tr("Anpassa"))
        self.fit_button.setToolTip(self.tr("Visa hela nätverket"))
        self.fit_button.clicked.connect(self.view.fit)
        self.summary = QLabel()
        self.legend = QLabel(self._legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.error_label = error_label()

        self.empty = QLabel()
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(self.limit)
        top.addWidget(self.related_only)
        top.addWidget(self.dissolved)
        top.addStretch(1)
        top.addWidget(self.fit_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        for box in (self.dissolved, self.related_only):
            box.toggled.connect(self.load)
        self.limit.currentIndexChanged.connect(self.load)

    def _open_group(self, group_id: str) -> None:
        self.open_record.emit("group", group_id)

    def _legend_html(self) -> str:
        def line(color: str, text: str) -> str:
            return f"<span style='color:{color}; font-weight:bold'>━━</span> {text}"
        return "&nbsp;&nbsp;&nbsp;".join([
            line(CONFLICT.name(), self.tr("konflikt")),
            line(ALLIANCE.name(), self.tr("allians")),
            self.tr("tjockare linje = högre intensitet"),
            self.tr("större cirkel = fler medlemmar"),
            self.tr("klicka på en grupp för att öppna den")])

    # ---- page life cycle -----------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Nätverk")

    def icon(self) -> QIcon:
        return page_icon("network")

    def load(self) -> None:
        self._generation += 1
        generation = self._generation
        limit = int(self.limit.currentData() or 0) or None
        self.summary.setText(self.tr("Räknar ut nätverket…"))
        service = self._service
        include, related = self.dissolved.isChecked(), self.related_only.isChecked()
        self.context.runner.run(
            lambda: service.graph(include_dissolved=include, related_only=related, limit=limit),
            on_done=lambda graph: self._show(generation, graph),
            on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _show(self, generation: int, graph: NetworkGraph) -> None:
        if generation != self._generation:
            return
        self.graph = graph
        self.error_label.hide()
        self.scene.show_graph(graph)
        locale = QLocale()
        text = self.tr("%1 grupper, %2 relationer").replace(
            "%1", locale.toString(len(graph.nodes))).replace("%2", locale.toString(
                len(graph.edges)))
        if graph.hidden:
            text += " " + self.tr("(%1 till visas inte)").replace(
                "%1", locale.toString(graph.hidden))
        self.summary.setText(text)
        if graph.nodes:
            self.stack.setCurrentWidget(self.view)
            self.view.fit()
        else:
            self.empty.setText("<h3>" + self.tr("Inga grupper att visa") + "</h3><p>"
                               + self.tr("Registrera grupper och deras allianser och konflikter "
                                         "under Grupper, så ritas nätverket här.") + "</p>")
            self.stack.setCurrentWidget(self.empty)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.summary.clear()
            self.error_label.setText(user_message(exc))
            self.error_label.show()

    def clear(self) -> None:
        super().clear()
        self._generation += 1
        self.graph = None
        self.scene.clear_graph()
        self.summary.clear()
        self.error_label.hide()
        self.stack.setCurrentWidget(self.view)
