"""The audit log: who did what to which record and when, filtered, newest first, and a check
of the whole chain. Looking at the log is not itself logged (the log holds no personal data).
Double-click an event about a person, group or incident to open that record."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import audit, audit_log
from app.services.audit import Action, VerifyResult
from app.services.audit_log import AuditFilter
from app.ui.crash import user_message
from app.ui.icons import page_icon
from app.ui.labels import audit_action_label
from app.ui.pages.base import Page, PageContext
from app.ui.period import PeriodFilter
from app.ui.table_models.audit import AuditTableModel

ERROR_STYLE = "color: #a4262c;"
OK_STYLE = "color: #107c10;"
TYPING_DELAY_MS = 300


class AuditPage(Page):
    key = "audit"
    watches = ("*",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AuditTableModel(context.services.db, context.runner, parent=self)

        self.user_filter = QComboBox()
        self.user_filter.addItem(self.tr("Alla användare"), None)
        self.action_filter = QComboBox()
        self.action_filter.addItem(self.tr("Alla händelser"), None)
        for action in Action:
            self.action_filter.addItem(audit_action_label(action), action.value)
        self.record_filter = QLineEdit()
        self.record_filter.setPlaceholderText(self.tr("Post-id (början räcker)"))
        self.record_filter.setClearButtonEnabled(True)
        self.record_filter.setMinimumWidth(220)
        self.period = PeriodFilter(quick_choices=False)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TYPING_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.record_filter.textChanged.connect(self._debounce.start)
        self.record_filter.returnPressed.connect(self.apply_filter)
        for combo in (self.user_filter, self.action_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.period.changed.connect(self.apply_filter)

        self.verify_button = QPushButton(self.tr("Kontrollera kedjan"))
        self.verify_button.setToolTip(self.tr(
            "Räknar om varje händelses kontrollsumma: visar om någon händelse har ändrats, "
            "tagits bort eller lagts in i efterhand."))
        self.verify_button.clicked.connect(self.verify_chain)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(100)
        self.busy.hide()
        self.verify_label = QLabel()
        self.verify_label.setWordWrap(True)
        self.verify_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.activated.connect(self._open_index)
        self._size_columns()

        filters = QHBoxLayout()
        filters.addWidget(self.user_filter)
        filters.addWidget(self.action_filter)
        filters.addWidget(self.record_filter, 1)
        checks = QHBoxLayout()
        checks.addWidget(self.verify_button)
        checks.addWidget(self.busy)
        checks.addWidget(self.verify_label, 1)
        checks.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.period)
        layout.addLayout(checks)
        layout.addWidget(self.error_label)
        layout.addWidget(self.view, 1)

        self.model.count_changed.connect(self._show_count)
        self.model.failed.connect(self._show_error)

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        metrics = self.fontMetrics()
        pad = metrics.horizontalAdvance("MM")
        m = AuditTableModel
        widths = {m.SEQ: metrics.horizontalAdvance("100 000") + pad,
                  m.TIME: metrics.horizontalAdvance("2026-12-31 23:59:59") + pad,
                  m.USER: metrics.horizontalAdvance("användare") + pad,
                  m.ACTION: metrics.horizontalAdvance(self.tr("Misslyckad inloggning")) + pad,
                  m.KIND: metrics.horizontalAdvance("Grupprelation") + pad,
                  m.RECORD: metrics.horizontalAdvance("0123abcd-0123") + pad,
                  m.PURPOSE: metrics.horizontalAdvance("M") * 10}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    # ---- page life cycle -------------------------------------------------------------------
    def _on_data_changed(self, entity_type: str) -> None:
        # Every write of any kind adds events, so every change concerns the log.
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def title(self) -> str:
        return self.tr("Logg")

    def icon(self) -> QIcon:
        return page_icon("audit")

    def load(self) -> None:
        self.context.runner.run(audit_log.users, self.context.services.db,
                                on_done=self._fill_users, on_error=self._show_exc)
        self.apply_filter()

    def clear(self) -> None:
        super().clear()
        self._debounce.stop()
        self.model.clear()
        self.period.clear()
        for combo in (self.user_filter, self.action_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        while self.user_filter.count() > 1:
            self.user_filter.removeItem(1)
        self.record_filter.blockSignals(True)
        self.record_filter.clear()
        self.record_filter.blockSignals(False)
        for label in (self.count_label, self.verify_label):
            label.clear()
        self.error_label.hide()
        self.busy.hide()

    def show_record(self, record_id: str) -> None:
        """Show the events about one record."""
        self.record_filter.blockSignals(True)
        self.record_filter.setText(record_id)
        self.record_filter.blockSignals(False)
        self.apply_filter()

    # ---- filters ---------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        return AuditFilter(user=self.user_filter.currentData(),
                           action=self.action_filter.currentData(),
                           entity_id=self.record_filter.text().strip() or None,
                           since=self.period.since, until=self.period.until)

    def apply_filter(self) -> None:
        self._debounce.stop()
        if self.period.is_valid():
            self.model.set_filter(self.current_filter())

    def _fill_users(self, users: list[str]) -> None:
        chosen = self.user_filter.currentData()
        self.user_filter.blockSignals(True)
        while self.user_filter.count() > 1:
            self.user_filter.removeItem(1)
        for user in users:
            self.user_filter.addItem(user, user)
        self.user_filter.setCurrentIndex(max(self.user_filter.findData(chosen), 0)
                                         if chosen else 0)
        self.user_filter.blockSignals(False)

    def _show_count(self, total: int) -> None:
        self.error_label.hide()
        text = self.tr("%1 händelse") if total == 1 else self.tr("%1 händelser")
        self.count_label.setText(text.replace("%1", self.locale().toString(total)))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _show_exc(self, exc: BaseException) -> None:
        self._show_error(user_message(exc))

    # ---- the chain -------------------------------------------------------------------------
    def verify_chain(self) -> None:
        self.verify_button.setEnabled(False)
        self.busy.show()
        self.verify_label.setStyleSheet("")
        self.verify_label.setText(self.tr("Kontrollerar loggen…"))
        self.context.runner.run(audit.verify, self.context.services.db,
                                on_done=self._verified, on_error=self._verify_failed,
                                owner=self)

    def _verified(self, result: VerifyResult) -> None:
        self.verify_button.setEnabled(True)
        self.busy.hide()
        number = self.locale().toString(result.checked)
        if result.ok:
            self.verify_label.setStyleSheet(OK_STYLE)
            self.verify_label.setText(self.tr(
                "Kedjan är hel: alla %1 händelser är oförändrade.").replace("%1", number))
            return
        self.verify_label.setStyleSheet(ERROR_STYLE)
        self.verify_label.setText(self.tr(
            "Kedjan är bruten vid händelse %1: %2. De %3 händelserna före den är oförändrade.")
            .replace("%1", self.locale().toString(result.broken_seq or 0))
            .replace("%2", result.reason).replace("%3", number))

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.busy.hide()
        self.verify_label.setStyleSheet(ERROR_STYLE)
        self.verify_label.setText(user_message(exc))

    # ---- opening records -------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        record = self.model.record_at(index.row())
        if record is not None:
            self.open_record.emit(*record)
        else:
            self.status_message.emit(self.tr("Händelsen gäller ingen post som kan öppnas."))
