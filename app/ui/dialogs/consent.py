"""Recording or correcting a person's consent, and withdrawing one.

A consent says what the person (or a guardian) agreed may be shared, with whom, what is
withheld and why, and on which legal basis. Withdrawing is one action: the day, and the
dialog itself says what follows (it covers no new sharing step; referrals sent on it are
flagged) — its button is the confirmation. Both dialogs save through the lane and stay open
with the service's messages next to their fields when it refuses.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.consents import DEFAULT_LEGAL_BASIS, ConsentDTO
from app.ui.dialogs.support_common import date_line, ok_cancel, show_refusal
from app.ui.labels import date_text
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import FieldErrors, error_label


def _text_box(height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class ConsentDialog(QDialog):
    """A new consent of ``person_id`` or a correction of ``consent`` (not withdrawn)."""

    saved = Signal(object)  # ConsentDTO

    def __init__(self, context: PageContext, person_id: str, person_name: str,
                 consent: ConsentDTO | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.consent = consent
        self.setWindowTitle(self.tr("Nytt samtycke") if consent is None
                            else self.tr("Ändra samtycke"))
        self.errors = FieldErrors(self)
        self.message = error_label()
        intro = QLabel(self.tr("Vad %1 har samtyckt till att arbetsgruppen lämnar ut, och till "
                               "vem.").replace("%1", person_name))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)

        self.given_on = date_line(date.today())
        self.given_by = QLineEdit(person_name)
        self.given_by.setToolTip(self.tr("Personen själv, eller vårdnadshavaren för den som "
                                         "är under 18"))
        self.purpose = _text_box(60)
        self.purpose.setPlaceholderText(self.tr("T.ex. remiss till stödsamtal hos "
                                                "socialtjänsten"))
        self.shared_with = QLineEdit()
        self.shared_with.setPlaceholderText(self.tr("Vilka verksamheter som får uppgifterna"))
        self.withheld = _text_box(50)
        self.withheld.setPlaceholderText(self.tr("Uppgifter som inte får lämnas ut"))
        self.withheld_reason = _text_box(50)
        self.legal_basis = QLineEdit(DEFAULT_LEGAL_BASIS)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Lämnat den *"), self.errors.wrap("given_on", self.given_on))
        form.addRow(self.tr("Lämnat av *"), self.errors.wrap("given_by", self.given_by))
        form.addRow(self.tr("Ändamål *"), self.errors.wrap("purpose", self.purpose))
        form.addRow(self.tr("Delas med"), self.errors.wrap("shared_with", self.shared_with))
        form.addRow(self.tr("Undantas"), self.errors.wrap("withheld", self.withheld))
        form.addRow(self.tr("Skäl till undantaget"),
                    self.errors.wrap("withheld_reason", self.withheld_reason))
        form.addRow(self.tr("Rättslig grund"), self.errors.wrap("legal_basis", self.legal_basis))
        buttons, self.save_button = ok_cancel(self, self.tr("Spara"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(540, 0)
        if consent is not None:
            self._fill(consent)
        self.purpose.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, c: ConsentDTO) -> None:
        self.given_on.setText(date_text(c.given_on))
        self.given_by.setText(c.given_by or "")
        self.purpose.setPlainText(c.purpose)
        self.shared_with.setText(c.shared_with or "")
        self.withheld.setPlainText(c.withheld or "")
        self.withheld_reason.setPlainText(c.withheld_reason or "")
        self.legal_basis.setText(c.legal_basis or "")

    def values(self) -> dict[str, Any]:
        return {"given_on": self.given_on.text().strip(), "given_by": self.given_by.text(),
                "purpose": self.purpose.toPlainText(), "shared_with": self.shared_with.text(),
                "withheld": self.withheld.toPlainText(),
                "withheld_reason": self.withheld_reason.toPlainText(),
                "legal_basis": self.legal_basis.text()}

    def accept(self) -> None:
        self.errors.clear()
        self.message.hide()
        self.save_button.setEnabled(False)
        consents = self.context.services.consents
        if self.consent is None:
            self.context.runner.run(consents.record, self.person_id, self.values(),
                                    on_done=self._saved, on_error=self._failed, owner=self)
        else:
            self.context.runner.run(consents.update, self.consent.id, self.values(),
                                    on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, consent: ConsentDTO) -> None:
        self.context.events.changed("consent")
        self.saved.emit(consent)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_refusal(self.errors, self.message, exc)


class WithdrawConsentDialog(QDialog):
    """Withdraw ``consent`` on a day (today unless the user says otherwise)."""

    saved = Signal(object)  # ConsentDTO

    def __init__(self, context: PageContext, consent: ConsentDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.consent = consent
        self.setWindowTitle(self.tr("Återkalla samtycke"))
        self.errors = FieldErrors(self)
        self.message = error_label()
        what = QLabel(self.tr("Samtycke lämnat %1 av %2: %3").replace(
            "%1", date_text(consent.given_on)).replace("%2", consent.given_by or "–").replace(
            "%3", consent.purpose))
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        effect = self.tr("Från och med återkallelsen täcker samtycket inga nya steg, och det går "
                         "inte att ändra eller ångra.")
        if consent.referrals:
            effect += " " + (self.tr("1 remiss har skickats på samtycket; den markeras så att "
                                     "inget mer lämnas ut.") if consent.referrals == 1 else
                             self.tr("%1 remisser har skickats på samtycket; de markeras så "
                                     "att inget mer lämnas ut.").replace(
                                 "%1", str(consent.referrals)))
        explain = QLabel(effect)
        explain.setWordWrap(True)
        self.day = date_line(date.today())
        form = QFormLayout()
        form.addRow(self.tr("Återkallat den"), self.errors.wrap("withdrawn_on", self.day))
        buttons, self.save_button = ok_cancel(self, self.tr("Återkalla samtycket"))
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(explain)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, 0)

    def accept(self) -> None:
        self.errors.clear()
        self.message.hide()
        self.save_button.setEnabled(False)
        self.context.runner.run(self.context.services.consents.withdraw, self.consent.id,
                                self.day.text().strip(), on_done=self._saved,
                                on_error=self._failed, owner=self)

    def _saved(self, consent: ConsentDTO) -> None:
        # A referral sent on it is flagged: the referral screens reload too.
        self.context.events.changed("consent")
        self.context.events.changed("referral")
        self.saved.emit(consent)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_refusal(self.errors, self.message, exc)
