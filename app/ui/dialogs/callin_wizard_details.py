"""The call-in wizard's steps for the meeting itself: when and where (step 1) and the logistics
checklist (step 5), and the base every step shares.

A step answers for some of the plan's fields: it checks them before Next (``problems``) and
shows the service's errors about them when the wizard comes back to it. Back keeps what was
typed (``cleanupPage`` does nothing).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QStringListModel, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.errors import FieldError
from app.services.callin_dto import CallInPlan
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import FieldErrors, error_label

DATE_FORMAT = "yyyy-MM-dd HH:mm"
MAX_FREE_ITEM = 100


class PlanPage(QWizardPage):
    """One step. ``fields`` are the plan fields whose errors this step shows."""

    fields: tuple[str, ...] = ()
    edited = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.message = error_label()

    def problems(self) -> list[FieldError]:
        """What stops the step from being complete (empty: Next may go on)."""
        return []

    def show_errors(self, errors: list[FieldError]) -> None:
        self.message.setText("\n".join(e.reason[:1].upper() + e.reason[1:] for e in errors))
        self.message.setVisible(bool(errors))

    def validatePage(self) -> bool:
        problems = self.problems()
        self.show_errors(problems)
        return not problems

    def cleanupPage(self) -> None:
        """Going back keeps what was entered on this step."""

    def clear(self) -> None:
        self.show_errors([])


class DetailsPage(PlanPage):
    fields = ("title", "starts_at", "venue", "security_plan", "practical_notes")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("När och var"))
        self.setSubTitle(self.tr("Rubrik, dag och tid, plats och säkerhetsplan för mötet."))
        self.errors = FieldErrors(self)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("t.ex. Call-in Norra området, våren"))
        self.starts = QDateTimeEdit()
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat(DATE_FORMAT)
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("t.ex. Tingsrättens sal 2"))
        self.security = QPlainTextEdit()
        self.security.setTabChangesFocus(True)
        self.security.setPlaceholderText(self.tr("Vakter, in- och utgångar, vem som "
                                                 "ansvarar, var grupper hålls isär"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, label, widget in (
                ("title", self.tr("Rubrik"), self.title_edit),
                ("starts_at", self.tr("Datum och tid"), self.starts),
                ("venue", self.tr("Plats"), self.venue),
                ("security_plan", self.tr("Säkerhetsplan"), self.security),
                ("practical_notes", self.tr("Praktiska anteckningar"), self.notes)):
            form.addRow(label, self.errors.wrap(field, widget))
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        self.set_default_time()
        for line in (self.title_edit, self.venue):
            line.textEdited.connect(self.edited)
        self.starts.dateTimeChanged.connect(self.edited)
        self.security.textChanged.connect(self.edited)
        self.notes.textChanged.connect(self.edited)

    def set_default_time(self) -> None:
        """A new call-in starts a week ahead at 17:00, a time most can come."""
        day = datetime.now().date() + timedelta(days=7)
        self.starts.setDateTime(QDateTime(QDate(day.year, day.month, day.day), QTime(17, 0)))

    def starts_at(self) -> datetime:
        value = self.starts.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def apply(self, plan: CallInPlan) -> None:
        self.title_edit.setText(plan.title)
        if plan.starts_at is not None:
            s = plan.starts_at
            self.starts.setDateTime(QDateTime(QDate(s.year, s.month, s.day),
                                              QTime(s.hour, s.minute)))
        self.venue.setText(plan.venue or "")
        self.security.setPlainText(plan.security_plan or "")
        self.notes.setPlainText(plan.practical_notes or "")

    def values(self) -> dict[str, object]:
        return {"title": self.title_edit.text().strip(), "starts_at": self.starts_at(),
                "venue": self.venue.text().strip() or None,
                "security_plan": self.security.toPlainText().strip() or None,
                "practical_notes": self.notes.toPlainText().strip() or None}

    def problems(self) -> list[FieldError]:
        found = []
        if not self.title_edit.text().strip():
            found.append(FieldError("title", self.tr("Skriv en rubrik för mötet.")))
        if not self.venue.text().strip():
            found.append(FieldError("venue", self.tr("Skriv var mötet hålls.")))
        return found

    def show_errors(self, errors: list[FieldError]) -> None:
        super().show_errors(self.errors.show(errors))

    def clear(self) -> None:
        super().clear()
        self.errors.clear()
        for line in (self.title_edit, self.venue):
            line.clear()
        self.security.clear()
        self.notes.clear()
        self.set_default_time()


class LogisticsPage(PlanPage):
    fields = ("logistics",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Logistik"))
        self.setSubTitle(self.tr("Bocka i det som är ordnat. Lägg till egna punkter vid "
                                 "behov, till exempel vem som hämtar vem."))
        self.items: dict[str, QCheckBox] = {
            "meal": QCheckBox(self.tr("Måltid")),
            "transport": QCheckBox(self.tr("Transport")),
            "sign_out": QCheckBox(self.tr("Utcheckningslista")),
            "helpline_cards": QCheckBox(self.tr("Kort till stödlinjen")),
            "letters": QCheckBox(self.tr("Utskrivna brev")),
            "interpreter": QCheckBox(self.tr("Tolk")),
        }
        fixed = QGroupBox(self.tr("Checklista"))
        grid = QGridLayout(fixed)
        for n, box in enumerate(self.items.values()):
            grid.addWidget(box, n // 2, n % 2)
            box.toggled.connect(self.edited)
        self.free = QStringListModel(self)
        self.free_view = QListView()
        self.free_view.setModel(self.free)
        self.free_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.new_item = QLineEdit()
        self.new_item.setMaxLength(MAX_FREE_ITEM)
        self.new_item.setPlaceholderText(self.tr("Egen punkt, t.ex. Taxi från Hisingen 17.15"))
        self.new_item.returnPressed.connect(self.add_item)
        self.add_button = QPushButton(self.tr("Lägg till"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_item)
        adding = QHBoxLayout()
        adding.addWidget(self.new_item, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(fixed)
        layout.addWidget(QLabel(self.tr("Egna punkter")))
        layout.addWidget(self.free_view, 1)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        self.free_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.free_view.selectionModel().hasSelection())

    def add_item(self) -> None:
        text = self.new_item.text().strip()
        if not text:
            self.show_errors([FieldError("logistics", self.tr("Skriv punkten först."))])
            return
        items = self.free.stringList()
        if text.casefold() not in (i.casefold() for i in items):
            self.free.setStringList([*items, text])
            self.edited.emit()
        self.new_item.clear()
        self.show_errors([])

    def remove_item(self) -> None:
        rows = self.free_view.selectionModel().selectedRows()
        if rows:
            self.free.removeRows(rows[0].row(), 1)
            self.edited.emit()
        self._update_buttons()

    def apply(self, plan: CallInPlan) -> None:
        for key, box in self.items.items():
            box.setChecked(key in plan.logistics)
        self.free.setStringList([i for i in plan.logistics if i not in self.items])

    def logistics(self) -> tuple[str, ...]:
        ticked = [key for key, box in self.items.items() if box.isChecked()]
        return tuple(ticked + self.free.stringList())

    def labels(self) -> list[str]:
        """The ticked items in words, for the review."""
        return [box.text() for box in self.items.values() if box.isChecked()] \
            + self.free.stringList()

    def clear(self) -> None:
        super().clear()
        for box in self.items.values():
            box.setChecked(False)
        self.free.setStringList([])
        self.new_item.clear()
