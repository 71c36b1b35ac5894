"""One step of a referral: its date (today unless said otherwise), an optional note and,
optionally, the next follow-up date.

A step that hands the person's data to the provider (the service says which: ``ReferralDTO.
needs_consent``) also asks for the consent that covers it: one of the person's consents that
is in force on the step's day (purpose, shared with, given on and by, withheld) — or, ticked
"Gå vidare utan samtycke", a written reason, which is kept on the step and logged. A consent
given just now can be recorded from here. The service decides; its refusals appear next to
the field and nothing changes.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import ReferralStatus
from app.services.consents import ConsentDTO
from app.services.referrals import ReferralDTO
from app.ui.dialogs.consent import ConsentDialog
from app.ui.dialogs.support_common import date_line, ok_cancel, show_refusal
from app.ui.icons import page_icon
from app.ui.pages.base import PageContext
from app.ui.support_words import referral_step_hint, referral_step_label
from app.ui.table_models.consents import ConsentsModel
from app.ui.widgets.field_errors import FieldErrors, error_label


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


class ReferralStepDialog(QDialog):
    saved = Signal(object)  # ReferralDTO

    def __init__(self, context: PageContext, referral: ReferralDTO, target: ReferralStatus,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.referral = referral
        self.target = target
        self.sharing = referral.needs_consent(target)
        self._consents: list[ConsentDTO] = []
        self.consent_dialog: ConsentDialog | None = None
        self.setWindowTitle(referral_step_label(target))
        self.errors = FieldErrors(self)
        self.message = error_label()

        intro = QLabel(referral_step_hint(target))
        intro.setWordWrap(True)
        self.day = date_line(date.today())
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.due = date_line()
        self.due.setToolTip(self.tr("Nästa uppföljning; lämna tomt för att behålla %1")
                            .replace("%1", referral.due_on.isoformat() if referral.due_on
                                     else self.tr("inget datum")))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Datum *"), self.errors.wrap("on", self.day))
        form.addRow(self.tr("Anteckning"), self.errors.wrap("note", self.note))
        if referral.provider_name and self.sharing:
            to = QLabel(referral.provider_name)
            to.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(self.tr("Till"), self.errors.wrap("provider_id", to))
        form.addRow(self.tr("Följs upp senast"), self.errors.wrap("due_on", self.due))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addLayout(form)
        self.consent_box = QWidget()
        if self.sharing:
            self._build_consent(self.consent_box)
            layout.addWidget(self.consent_box, 1)
        buttons, self.save_button = ok_cancel(self, referral_step_label(target))
        layout.addWidget(buttons)
        self.resize(780 if self.sharing else 480, 0)
        if self.sharing:
            self.day.textChanged.connect(lambda _t: self._show_consents())
            self.load_consents()

    # ---- the consent gate ----------------------------------------------------------------
    def _build_consent(self, box: QWidget) -> None:
        heading = QLabel(self.tr("Samtycke som täcker utlämnandet"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.consents = ConsentsModel(self)
        self.consent_view = QTableView()
        self.consent_view.setModel(self.consents)
        self.consent_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.consent_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.consent_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.consent_view.setAlternatingRowColors(True)
        self.consent_view.setShowGrid(False)
        self.consent_view.setWordWrap(False)
        self.consent_view.verticalHeader().hide()
        self.consent_view.setColumnHidden(ConsentsModel.STATE, True)  # all are in force
        header = self.consent_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The purpose says what the consent covers: it gets the room (full texts as tips).
        for column, width in ((ConsentsModel.PURPOSE, 240), (ConsentsModel.SHARED_WITH, 170),
                              (ConsentsModel.WITHHELD, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.consent_view.setMinimumHeight(110)
        self.no_consent = QLabel()
        self.no_consent.setWordWrap(True)
        self.no_consent.hide()
        self.record_button = QPushButton(page_icon("add"), self.tr("Registrera samtycke…"))
        self.record_button.setToolTip(self.tr("Personen har samtyckt nu: registrera det och "
                                              "välj det här"))
        self.record_button.clicked.connect(self.record_consent)
        self.override = QCheckBox(self.tr("Gå vidare utan samtycke"))
        self.override.toggled.connect(self._override_toggled)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(60)
        self.reason.setPlaceholderText(self.tr("Skälet att lämna ut uppgifterna utan "
                                               "samtycke, t.ex. nödvändigt utlämnande enligt "
                                               "OSL 10 kap. 2 §"))
        self.reason.setEnabled(False)
        logged = QLabel(self.tr("Skälet är obligatoriskt. Det sparas i remissens historik, och "
                                "att steget togs utan samtycke loggas."))
        logged.setWordWrap(True)
        logged.setStyleSheet("color: palette(placeholder-text);")
        tools = QHBoxLayout()
        tools.addWidget(self.no_consent, 1)
        tools.addStretch(0)
        tools.addWidget(self.record_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.errors.wrap("consent_id", self.consent_view), 1)
        layout.addLayout(tools)
        layout.addWidget(self.override)
        layout.addWidget(self.errors.wrap("override_reason", self.reason))
        layout.addWidget(logged)

    def load_consents(self, select: str | None = None) -> None:
        self.context.runner.run(self.context.services.consents.list_for_person,
                                self.referral.person_id,
                                on_done=lambda found: self._listed(found, select),
                                on_error=self._failed, owner=self)

    def _listed(self, consents: list[ConsentDTO], select: str | None) -> None:
        self._consents = consents
        self._show_consents(select)

    def _show_consents(self, select: str | None = None) -> None:
        """The consents in force on the step's day (today while the date is unreadable)."""
        chosen = select or self.consent_id()
        day = _parse_day(self.day.text()) or date.today()
        active = [c for c in self._consents if c.is_active(day)]
        self.consents.set_consents(active)
        row = self.consents.row_of(chosen) if chosen else -1
        if row < 0 and len(active) == 1 and not self.override.isChecked():
            row = 0  # the only one there is: the usual case
        if row >= 0:
            self.consent_view.selectRow(row)
        if active:
            self.no_consent.hide()
        else:
            self.no_consent.setText(self.tr(
                "Personen har inget samtycke som gäller %1. Registrera samtycket, eller gå "
                "vidare utan och skriv skälet.").replace("%1", day.isoformat()))
            self.no_consent.show()

    def consent_id(self) -> str | None:
        if not self.sharing or self.override.isChecked():
            return None
        rows = self.consent_view.selectionModel().selectedRows()
        return self.consents.consent(rows[0].row()).id if rows else None

    def _override_toggled(self, on: bool) -> None:
        self.reason.setEnabled(on)
        self.consent_view.setEnabled(not on)
        if on:
            self.consent_view.clearSelection()
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def record_consent(self) -> None:
        dialog = ConsentDialog(self.context, self.referral.person_id, self.referral.person_name,
                               parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda c: self._recorded(c))
        self.consent_dialog = dialog
        dialog.open()

    def _recorded(self, consent: ConsentDTO) -> None:
        self.override.setChecked(False)
        self.load_consents(select=consent.id)

    # ---- saving --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"on": self.day.text().strip(),
                                  "note": self.note.toPlainText(),
                                  "due_on": self.due.text().strip() or None}
        if self.sharing:
            if self.override.isChecked():
                values["override_reason"] = self.reason.toPlainText()
            else:
                values["consent_id"] = self.consent_id()
        return values

    def accept(self) -> None:
        self.errors.clear()
        self.message.hide()
        self.save_button.setEnabled(False)
        step = partial(self.context.services.referrals.transition, self.referral.id,
                       self.target, **self.values())
        self.context.runner.run(step, on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, referral: ReferralDTO) -> None:
        self.context.events.changed("referral")
        self.saved.emit(referral)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_refusal(self.errors, self.message, exc)
