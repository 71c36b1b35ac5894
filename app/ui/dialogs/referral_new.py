"""Proposing a referral: the person (found by a search, or already chosen when it is opened
from the person's window), the support, the provider if known, the follow-up date, the
responsible officer and a note. Nothing is shared yet, so no consent is asked for here: the
sending step asks for it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import ServiceType
from app.services.people import PersonSummary
from app.services.providers import ProviderDTO
from app.services.referrals import ReferralDTO
from app.ui.dialogs.support_common import date_line, ok_cancel, show_refusal
from app.ui.labels import service_type_label
from app.ui.pages.base import PageContext
from app.ui.table_models.group_members import PersonPickModel
from app.ui.widgets.field_errors import FieldErrors, error_label

SEARCH_DELAY_MS = 250
FOLLOW_UP_DAYS = 14  # a proposal is followed up within two weeks unless the user says so


class NewReferralDialog(QDialog):
    created = Signal(object)  # ReferralDTO

    def __init__(self, context: PageContext, person: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person = person  # (id, name) when chosen beforehand
        self._providers: list[ProviderDTO] = []
        self.setWindowTitle(self.tr("Ny remiss"))
        self.errors = FieldErrors(self)
        self.message = error_label()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.people = PersonPickModel(self)
        self.search = QLineEdit()
        self.view = QTableView()
        if person is None:
            self.search.setPlaceholderText(self.tr("Sök person på namn, alias eller "
                                                   "personnummer"))
            self.search.setClearButtonEnabled(True)
            self.view.setModel(self.people)
            self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.view.setAlternatingRowColors(True)
            self.view.setShowGrid(False)
            self.view.verticalHeader().hide()
            self.view.horizontalHeader().setStretchLastSection(True)
            self.view.setMinimumHeight(140)
            form.addRow(self.tr("Person *"), self.errors.wrap("person_id", self.search))
            form.addRow("", self.view)
        else:
            name = QLabel(person[1])
            name.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(self.tr("Person"), self.errors.wrap("person_id", name))

        self.service = QComboBox()
        for kind in ServiceType:
            self.service.addItem(service_type_label(kind), kind.value)
        self.service.setCurrentIndex(-1)
        self.service.setPlaceholderText(self.tr("Välj insats"))
        self.service.currentIndexChanged.connect(lambda _i: self._fill_providers())
        self.provider = QComboBox()
        self.provider.setToolTip(self.tr("Utförare som erbjuder insatsen (arkiverade visas "
                                          "inte). Kan väljas senare, innan remissen skickas."))
        self.proposed_on = date_line(date.today())
        self.due_on = date_line(date.today() + timedelta(days=FOLLOW_UP_DAYS))
        self.officer = QLineEdit(context.services.user)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        form.addRow(self.tr("Insats *"), self.errors.wrap("service_type", self.service))
        form.addRow(self.tr("Utförare"), self.errors.wrap("provider_id", self.provider))
        form.addRow(self.tr("Föreslagen den"), self.errors.wrap("proposed_on",
                                                                self.proposed_on))
        form.addRow(self.tr("Följs upp senast"), self.errors.wrap("due_on", self.due_on))
        form.addRow(self.tr("Ansvarig handläggare"),
                    self.errors.wrap("responsible_officer", self.officer))
        form.addRow(self.tr("Anteckning"), self.errors.wrap("note", self.note))
        hint = QLabel(self.tr("Inget lämnas ut när remissen föreslås. Samtycket väljs när den "
                              "skickas till utföraren."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        buttons, self.save_button = ok_cancel(self, self.tr("Föreslå remiss"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, 0)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.find_people)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self._fill_providers()
        context.runner.run(context.services.providers.list, on_done=self._listed,
                           on_error=self._failed, owner=self)
        (self.search if person is None else self.service).setFocus(
            Qt.FocusReason.OtherFocusReason)

    # ---- choices -------------------------------------------------------------------------
    def find_people(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if not text:
            self.people.set_people([])
            return
        self.context.runner.run(partial(self.context.services.people.search, text, limit=50),
                                on_done=self._found, on_error=self._failed, owner=self)

    def _found(self, people: list[PersonSummary]) -> None:
        self.people.set_people(people)
        if people:
            self.view.selectRow(0)

    def person_id(self) -> str:
        if self.person is not None:
            return self.person[0]
        rows = self.view.selectionModel().selectedRows()
        return self.people.person(rows[0].row()).id if rows else ""

    def _listed(self, providers: list[ProviderDTO]) -> None:
        self._providers = providers
        self._fill_providers()

    def _fill_providers(self) -> None:
        """The providers that offer the chosen support; the choice is kept when it still
        fits."""
        chosen = self.provider.currentData()
        kind = self.service.currentData()
        self.provider.clear()
        self.provider.addItem(self.tr("Väljs senare"), None)
        for p in self._providers:
            if kind is None or p.offers_service(kind):
                label = f"{p.name} ({p.area})" if p.area else p.name
                self.provider.addItem(label, p.id)
        self.provider.setCurrentIndex(max(self.provider.findData(chosen), 0))

    # ---- saving --------------------------------------------------------------------------
    def accept(self) -> None:
        self.errors.clear()
        self.message.hide()
        self.save_button.setEnabled(False)
        create = partial(self.context.services.referrals.create, self.person_id(),
                         self.service.currentData() or "", self.provider.currentData(),
                         self.due_on.text().strip() or None, self.officer.text(),
                         self.note.toPlainText(),
                         proposed_on=self.proposed_on.text().strip() or None)
        self.context.runner.run(create, on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, referral: ReferralDTO) -> None:
        self.context.events.changed("referral")
        self.created.emit(referral)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_refusal(self.errors, self.message, exc)
