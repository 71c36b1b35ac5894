"""What a partner may receive: a checkable tree of record types and their fields.

Record types and fields the law keeps from civil society (OSL: crime data, group
involvement, legal assessments, frivård data, personnummer) are shown unchecked and disabled,
with the reason as a tooltip, so nobody can tick them. The service checks the profile again
(required fields, references to types left out) and its refusals are listed under the tree.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.exchange.profile_words import RECORD_LABELS, field_label
from app.exchange.profiles import FIELDS, RECORD_TYPES, Profile, banned, default_profile
from app.services.partners import PartnerDTO
from app.ui.crash import user_message
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import error_label

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # record type, or (record type, field)


class ProfileModel(QStandardItemModel):
    """Record types with their fields as checkable children; the parent's box follows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._syncing = False
        self.itemChanged.connect(self._changed)

    def set_profile(self, profile: Profile) -> None:
        self._syncing = True
        self.clear()
        self.setHorizontalHeaderLabels([self.tr("Posttyp och fält")])
        why = self.tr("Lämnas aldrig ut till civilsamhället (offentlighets- och "
                      "sekretesslagen): brottsuppgifter, gruppinblandning, juridiska "
                      "bedömningar, frivårdsuppgifter och personnummer.")
        for record_type in RECORD_TYPES:
            parent = QStandardItem(RECORD_LABELS.get(record_type, record_type))
            parent.setData(record_type, KEY_ROLE)
            parent.setCheckable(True)
            parent.setEditable(False)
            type_banned = banned(profile.kind, record_type)
            for field in FIELDS[record_type]:
                child = QStandardItem(field_label(record_type, field))
                child.setData((record_type, field), KEY_ROLE)
                child.setCheckable(True)
                child.setEditable(False)
                child.setCheckState(CHECKED if profile.allows(record_type, field) else UNCHECKED)
                if type_banned or banned(profile.kind, record_type, field):
                    child.setEnabled(False)
                    child.setToolTip(why)
                parent.appendRow(child)
            if type_banned:
                parent.setEnabled(False)
                parent.setToolTip(why)
            self.appendRow(parent)
            self._sync_parent(parent)
        self._syncing = False

    def records(self) -> dict[str, list[str]]:
        """Record type → the ticked fields, for ``partners.update(..., {"profile": …})``."""
        out: dict[str, list[str]] = {}
        for row in range(self.rowCount()):
            parent = self.item(row)
            fields = [parent.child(i).data(KEY_ROLE)[1] for i in range(parent.rowCount())
                      if parent.child(i).checkState() == CHECKED]
            if fields:
                out[parent.data(KEY_ROLE)] = fields
        return out

    def _changed(self, item: QStandardItem) -> None:
        if self._syncing:
            return
        self._syncing = True
        if item.parent() is None:
            # Ticking a type ticks every field the law allows; unticking clears them all.
            state = item.checkState()
            state = UNCHECKED if state == UNCHECKED else CHECKED
            for i in range(item.rowCount()):
                child = item.child(i)
                if child.isEnabled():
                    child.setCheckState(state)
            self._sync_parent(item)
        else:
            self._sync_parent(item.parent())
        self._syncing = False

    @staticmethod
    def _sync_parent(parent: QStandardItem) -> None:
        states = {parent.child(i).checkState() for i in range(parent.rowCount())}
        if states == {CHECKED}:
            parent.setCheckState(CHECKED)
        elif CHECKED in states:
            parent.setCheckState(Qt.CheckState.PartiallyChecked)
        else:
            parent.setCheckState(UNCHECKED)


class ProfileDialog(QDialog):
    saved = Signal(object)  # PartnerDTO

    def __init__(self, context: PageContext, partner: PartnerDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = context.runner
        self._events = context.events
        self._partners = context.services.partners
        self.partner = partner
        self.setWindowTitle(self.tr("Vad som får lämnas ut till %1").replace("%1", partner.name))
        self.model = ProfileModel(self)
        self.model.set_profile(partner.profile)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = error_label()
        self.reset_button = QPushButton(self.tr("Standard för typen"))
        self.reset_button.setToolTip(self.tr("Det som partnertypen får som standard."))
        self.reset_button.clicked.connect(
            lambda: self.model.set_profile(default_profile(partner.kind)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        intro = QLabel(self.tr("Kryssa i de uppgifter som får lämnas ut i buntar till "
                               "partnern. Allt annat stannar här."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 620)

    def save(self) -> None:
        self.message.hide()
        self.save_button.setEnabled(False)
        self._runner.run(self._partners.update, self.partner.id,
                         {"profile": self.model.records()}, on_done=self._saved,
                         on_error=self._failed, owner=self)

    def _saved(self, partner: PartnerDTO) -> None:
        self._events.changed("partner")
        self.saved.emit(partner)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            text = "\n".join(f"{e.label}: {e.reason}" if e.label else e.reason
                             for e in exc.errors)
        else:
            text = user_message(exc)
        self.message.setText(text)
        self.message.show()
