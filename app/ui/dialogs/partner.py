"""Adding or changing a partner: name, kind, its age recipient and signing key, its unit id
and notes, with each refusal next to its field.

A partner's kind is chosen once (its profile and what the law lets it receive follow from
it); to change it, add the partner anew. Keys pasted from an e-mail or a chat may carry
spaces and line breaks: the service takes them out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError, ValidationError
from app.models.enums import PartnerKind
from app.services.partners import PARTNER_FIELDS, PartnerDTO, PartnerService
from app.services.unit_keys import BadKey, parse_age_recipient, parse_signing_public_key
from app.ui.crash import user_message
from app.ui.labels import partner_kind_label
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import FieldErrors, error_label


def save_partner(partners: PartnerService, partner: PartnerDTO | None,
                 values: dict[str, Any]) -> PartnerDTO:
    """Add, or change what changed; keys are checked before anything is written so that a
    mistyped key saves nothing at all."""
    if partner is None:
        return partners.add(values)
    errors: list[FieldError] = []
    for field, parse in (("age_recipient", parse_age_recipient),
                         ("signing_key", parse_signing_public_key)):
        if values.get(field):
            try:
                parse(values[field])
            except BadKey as exc:
                errors.append(FieldError(field, str(exc), PARTNER_FIELDS[field]))
    if not values.get("age_recipient"):
        errors.append(FieldError("age_recipient", QCoreApplication.translate(
            "PartnerDialog", "måste fyllas i"), PARTNER_FIELDS["age_recipient"]))
    if errors:
        raise ValidationError(errors)
    # One save: a clash found on any field leaves the partner as it was.
    return partners.update(partner.id, {
        **{k: values[k] for k in ("name", "notes", "unit_id", "age_recipient")},
        "signing_key": values.get("signing_key") or None})


class PartnerDialog(QDialog):
    saved = Signal(object)  # PartnerDTO

    def __init__(self, context: PageContext, partner: PartnerDTO | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = context.runner
        self._events = context.events
        self._partners: PartnerService = context.services.partners
        self.partner = partner
        self.setWindowTitle(self.tr("Ny partner") if partner is None
                            else self.tr("Ändra partner"))
        self.errors = FieldErrors(self)

        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in PartnerKind:
            self.kind.addItem(partner_kind_label(kind), kind.value)
        self.age_recipient = QLineEdit()
        self.age_recipient.setPlaceholderText("age1…")
        self.signing_key = QLineEdit()
        self.signing_key.setPlaceholderText(self.tr("44 tecken base64 (valfritt)"))
        self.unit_id = QLineEdit()
        self.unit_id.setPlaceholderText(self.tr("UUID (valfritt)"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)

        form = QFormLayout()
        form.addRow(self.tr("Namn:"), self.errors.wrap("name", self.name))
        form.addRow(self.tr("Typ:"), self.errors.wrap("kind", self.kind))
        form.addRow(self.tr("Age-mottagare:"), self.errors.wrap("age_recipient",
                                                               self.age_recipient))
        form.addRow(self.tr("Signeringsnyckel:"), self.errors.wrap("signing_key",
                                                                  self.signing_key))
        form.addRow(self.tr("Enhets-id:"), self.errors.wrap("unit_id", self.unit_id))
        form.addRow(self.tr("Anteckningar:"), self.errors.wrap("notes", self.notes))
        note = QLabel(self.tr(
            "Nycklarna och enhets-id:t får du av partnern (i Mottryck: Partner → Vår enhet, "
            "eller 'mottryck keys show'). Utan signeringsnyckel och enhets-id kan vi skicka "
            "till partnern men inte ta emot buntar från den. Jämför fingeravtrycket per "
            "telefon innan du litar på nycklarna."))
        note.setWordWrap(True)
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, 0)
        if partner is not None:
            self._fill(partner)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, p: PartnerDTO) -> None:
        self.name.setText(p.name)
        self.kind.setCurrentIndex(self.kind.findData(p.kind.value))
        self.kind.setEnabled(False)
        self.kind.setToolTip(self.tr("Typen väljs när partnern läggs till."))
        self.age_recipient.setText(p.age_recipient or "")
        self.signing_key.setText(p.signing_public_key or "")
        self.unit_id.setText(p.unit_id or "")
        self.notes.setPlainText(p.notes or "")

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "kind": self.kind.currentData(),
                "age_recipient": self.age_recipient.text(),
                "signing_key": self.signing_key.text(), "unit_id": self.unit_id.text(),
                "notes": self.notes.toPlainText()}

    def save(self) -> None:
        self.errors.clear()
        self.message.hide()
        self.save_button.setEnabled(False)
        self._runner.run(save_partner, self._partners, self.partner, self.values(),
                         on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, partner: PartnerDTO) -> None:
        self._events.changed("partner")
        self.saved.emit(partner)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            left = self.errors.show(exc.errors)
            if not left:
                return
            self.message.setText("; ".join(f"{e.label}: {e.reason}" if e.label else e.reason
                                           for e in left))
        else:
            self.message.setText(user_message(exc))
        self.message.show()
