"""Adding or changing a service provider: its name, the support it offers (ticked), contact
details, area, what it offers and notes, with each refusal next to its field.

The dialog saves through the lane itself and stays open with the messages when the service
refuses; it closes only once the provider is stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import ServiceType
from app.services.providers import ProviderDTO
from app.ui.dialogs.support_common import show_refusal
from app.ui.labels import service_type_label
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import FieldErrors, error_label


class ProviderDialog(QDialog):
    saved = Signal(object)  # ProviderDTO

    def __init__(self, context: PageContext, provider: ProviderDTO | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.provider = provider
        self.setWindowTitle(self.tr("Ny utförare") if provider is None
                            else self.tr("Ändra utförare"))
        self.errors = FieldErrors(self)
        self.message = error_label()

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("T.ex. Arbetsmarknadsenheten Norr"))
        self.types: dict[ServiceType, QCheckBox] = {}
        types = QWidget()
        grid = QGridLayout(types)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, kind in enumerate(ServiceType):
            box = QCheckBox(service_type_label(kind))
            self.types[kind] = box
            grid.addWidget(box, n // 2, n % 2)
        self.contact_person = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("T.ex. stad eller stadsdel"))
        self.offers = QPlainTextEdit()
        self.offers.setTabChangesFocus(True)
        self.offers.setPlaceholderText(self.tr("Vad utföraren erbjuder, för vem, väntetid"))
        self.offers.setFixedHeight(80)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Namn *"), self.errors.wrap("name", self.name))
        form.addRow(self.tr("Insatser *"), self.errors.wrap("service_types", types))
        form.addRow(self.tr("Kontaktperson"), self.errors.wrap("contact_person",
                                                               self.contact_person))
        form.addRow(self.tr("Telefon"), self.errors.wrap("phone", self.phone))
        form.addRow(self.tr("E-post"), self.errors.wrap("email", self.email))
        form.addRow(self.tr("Adress"), self.errors.wrap("address", self.address))
        form.addRow(self.tr("Område"), self.errors.wrap("area", self.area))
        form.addRow(self.tr("Vad som erbjuds"), self.errors.wrap("offers", self.offers))
        form.addRow(self.tr("Anteckningar"), self.errors.wrap("notes", self.notes))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        if provider is not None:
            self._fill(provider)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, p: ProviderDTO) -> None:
        self.name.setText(p.name)
        for kind, box in self.types.items():
            box.setChecked(kind in p.service_types)
        for line, value in ((self.contact_person, p.contact_person), (self.phone, p.phone),
                            (self.email, p.email), (self.address, p.address),
                            (self.area, p.area)):
            line.setText(value or "")
        self.offers.setPlainText(p.offers or "")
        self.notes.setPlainText(p.notes or "")

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(),
                "service_types": [k.value for k, box in self.types.items() if box.isChecked()],
                "contact_person": self.contact_person.text(), "phone": self.phone.text(),
                "email": self.email.text(), "address": self.address.text(),
                "area": self.area.text(), "offers": self.offers.toPlainText(),
                "notes": self.notes.toPlainText()}

    def save(self) -> None:
        self.errors.clear()
        self.message.hide()
        self.save_button.setEnabled(False)
        providers = self.context.services.providers
        if self.provider is None:
            self.context.runner.run(providers.create, self.values(), on_done=self._saved,
                                    on_error=self._failed, owner=self)
        else:
            self.context.runner.run(providers.update, self.provider.id, self.values(),
                                    on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, provider: ProviderDTO) -> None:
        self.context.events.changed("service_provider")
        self.saved.emit(provider)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_refusal(self.errors, self.message, exc)

