"""A from/to pair of date fields for filtering lists by period, where either end may be open.

An open end shows "–": the date field sits at its minimum, which Qt displays as the special
text. Quick choices ("30 dagar", "12 månader", "Allt") set both ends at once. A period whose
start is after its end is refused with a message next to the fields.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

OPEN_END = QDate(1900, 1, 1)
EDIT_DELAY_MS = 300  # typing a date changes it digit by digit; filter after a pause


class PeriodFilter(QWidget):
    changed = Signal()  # a valid new period

    def __init__(self, quick_choices: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.since_edit = self._date_edit(self.tr("Från och med (tomt: från början)"))
        self.until_edit = self._date_edit(self.tr("Till och med (tomt: till i dag)"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Period:")))
        layout.addWidget(self.since_edit)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.until_edit)
        self.quick: dict[str, QPushButton] = {}
        if quick_choices:
            for key, text in (("30d", self.tr("30 dagar")), ("12m", self.tr("12 månader")),
                              ("all", self.tr("Allt"))):
                button = QPushButton(text)
                button.setAutoDefault(False)
                button.clicked.connect(lambda _c=False, k=key: self.choose(k))
                self.quick[key] = button
                layout.addWidget(button)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(EDIT_DELAY_MS)
        self._debounce.timeout.connect(self._emit_if_valid)
        self.since_edit.dateChanged.connect(self._debounce.start)
        self.until_edit.dateChanged.connect(self._debounce.start)

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(OPEN_END)
        edit.setSpecialValueText("–")
        edit.setDate(OPEN_END)
        edit.setToolTip(tip)
        edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return edit

    # ---- values ----------------------------------------------------------------------------
    @staticmethod
    def _value(edit: QDateEdit) -> date | None:
        chosen = edit.date()
        return None if chosen == OPEN_END else date(chosen.year(), chosen.month(), chosen.day())

    @property
    def since(self) -> date | None:
        return self._value(self.since_edit)

    @property
    def until(self) -> date | None:
        return self._value(self.until_edit)

    def is_valid(self) -> bool:
        since, until = self.since, self.until
        return since is None or until is None or since <= until

    def set_period(self, since: date | None, until: date | None) -> None:
        """Set both ends without waiting for the typing pause; emits ``changed`` once."""
        for edit, value in ((self.since_edit, since), (self.until_edit, until)):
            edit.blockSignals(True)
            edit.setDate(OPEN_END if value is None else QDate(value.year, value.month,
                                                              value.day))
            edit.blockSignals(False)
        self._emit_if_valid()

    def choose(self, key: str) -> None:
        today = date.today()
        starts = {"30d": today - timedelta(days=30), "12m": today - timedelta(days=365),
                  "all": None}
        self.set_period(starts[key], None)

    def clear(self) -> None:
        self._debounce.stop()
        for edit in (self.since_edit, self.until_edit):
            edit.blockSignals(True)
            edit.setDate(OPEN_END)
            edit.blockSignals(False)
        self.error_label.hide()

    def apply_now(self) -> None:
        """Emit for what is typed without waiting for the pause (Enter, tests)."""
        self._emit_if_valid()

    def _emit_if_valid(self) -> None:
        self._debounce.stop()
        if not self.is_valid():
            self.error_label.setText(self.tr("Från-datumet ligger efter till-datumet."))
            self.error_label.show()
            return
        self.error_label.hide()
        self.changed.emit()
