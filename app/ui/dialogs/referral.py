"""One referral in a window of its own: what it is and where it stands, the fields staff keep
up to date (the provider while it is only proposed, the follow-up date, the responsible
officer, the provider's feedback), its history of steps, and the next steps as buttons — one
for each status the service allows next.

Opening reads the referral on the lane (``get`` logs the consultation) with its history and
the person's consents (to name the one a step relied on). A step opens a small dialog for its
date and note, and for a step that shares data, the consent or the written reason. Unsaved
fields are asked about on closing and kept as a draft over a lock, like the person window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import ReferralStatus, ServiceType
from app.services.consents import ConsentDTO
from app.services.drafts import Draft
from app.services.providers import ProviderDTO
from app.services.referrals import ReferralDTO, ReferralEventDTO
from app.ui.crash import user_message
from app.ui.dialogs.referral_step import ReferralStepDialog
from app.ui.dialogs.support_common import date_line, show_refusal
from app.ui.events import concerns
from app.ui.icons import page_icon
from app.ui.labels import date_text, service_type_label
from app.ui.pages.base import PageContext
from app.ui.support_words import (
    referral_status_label,
    referral_step_hint,
    referral_step_label,
)
from app.ui.table_models.referrals import ReferralHistoryModel
from app.ui.widgets.field_errors import ERROR_COLOUR, FieldErrors, error_label

translate = QCoreApplication.translate  # the name lupdate looks for


@dataclass(frozen=True)
class Loaded:
    referral: ReferralDTO
    history: list[ReferralEventDTO]
    consents: list[ConsentDTO]
    providers: list[ProviderDTO]


def _load(context: PageContext, referral_id: str, log_consents: bool) -> Loaded:
    """Runs on the lane: the audited read, then its steps (the same consultation) and the
    person's consents, and the providers it could go to."""
    services = context.services
    referral = services.referrals.get(referral_id)
    return Loaded(referral, services.referrals.history(referral_id, log=False),
                  services.consents.list_for_person(referral.person_id, log=log_consents),
                  services.providers.list())


def consent_text(c: ConsentDTO) -> str:
    """How a step's consent is named: the day it was given, by whom, for what."""
    text = f"{date_text(c.given_on)} {c.given_by or ''}: {c.purpose}".strip()
    if c.withdrawn_on is None:
        return text
    return translate("support", "%1 (återkallat %2)").replace("%1", text).replace(
        "%2", date_text(c.withdrawn_on))


class ReferralWindow(QWidget):
    open_record = Signal(str, str)
    status_message = Signal(str)

    def __init__(self, context: PageContext, referral_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.referral_id = referral_id
        self.referral: ReferralDTO | None = None
        self.step_dialog: ReferralStepDialog | None = None
        self._providers: list[ProviderDTO] = []
        self._pending_draft: Draft | None = None
        self._pending_step: ReferralStatus | None = None
        self._discarding = False
        self._close_after_save = False
        self._consents_logged = False
        self.setWindowTitle(self.tr("Remiss"))
        self.resize(860, 680)
        self.setMinimumSize(640, 520)

        self.heading = QLabel(self.tr("Hämtar…"))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.flag = QLabel()
        self.flag.setTextFormat(Qt.TextFormat.PlainText)
        self.flag.setWordWrap(True)
        self.flag.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: 600;")
        self.flag.hide()
        self.message = error_label()
        self.errors = FieldErrors(self)

        self.person_button = QPushButton()
        self.person_button.setFlat(True)
        self.person_button.setStyleSheet("text-align: left; text-decoration: underline;")
        self.person_button.setToolTip(self.tr("Öppna personen"))
        self.person_button.clicked.connect(self._open_person)
        self.service = QComboBox()
        for kind in ServiceType:
            self.service.addItem(service_type_label(kind), kind.value)
        self.provider = QComboBox()
        self.service.currentIndexChanged.connect(
            lambda _i: self._fill_providers(self.provider.currentData()))
        self.proposed = QLabel()
        self.due = date_line()
        self.officer = QLineEdit()
        self.feedback = QPlainTextEdit()
        self.feedback.setTabChangesFocus(True)
        self.feedback.setPlaceholderText(self.tr("Vad utföraren har återkopplat"))
        self.feedback.setFixedHeight(70)
        for line in (self.due, self.officer):
            line.textEdited.connect(self._update_title)
        self.feedback.textChanged.connect(self._update_title)
        self.service.activated.connect(self._update_title)
        self.provider.activated.connect(self._update_title)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Person"), self.person_button)
        form.addRow(self.tr("Insats"), self.errors.wrap("service_type", self.service))
        form.addRow(self.tr("Utförare"), self.errors.wrap("provider_id", self.provider))
        form.addRow(self.tr("Föreslagen"), self.proposed)
        form.addRow(self.tr("Följs upp senast"), self.errors.wrap("due_on", self.due))
        form.addRow(self.tr("Ansvarig handläggare"),
                    self.errors.wrap("responsible_officer", self.officer))
        form.addRow(self.tr("Återkoppling"), self.errors.wrap("feedback", self.feedback))

        self.history = ReferralHistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setShowGrid(False)
        self.history_view.setWordWrap(False)
        self.history_view.verticalHeader().hide()
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReferralHistoryModel.NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ReferralHistoryModel.NOTE, 220)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        history_heading = QLabel(self.tr("Historik"))
        history_heading.setStyleSheet("font-weight: 600;")

        self.steps_label = QLabel(self.tr("Nästa steg:"))
        self.steps_label.setStyleSheet("font-weight: 600;")
        self.steps_row = QHBoxLayout()
        self.step_buttons: dict[ReferralStatus, QPushButton] = {}
        self.steps_row.addWidget(self.steps_label)
        for target in ReferralStatus:
            if target is ReferralStatus.PROPOSED:
                continue  # nothing moves back to a proposal
            button = QPushButton(referral_step_label(target))
            button.setToolTip(referral_step_hint(target))
            button.clicked.connect(lambda _c=False, t=target: self.step(t))
            button.hide()
            self.step_buttons[target] = button
            self.steps_row.addWidget(button)
        self.closed_label = QLabel(self.tr("Remissen är avslutad; inga fler steg."))
        self.closed_label.hide()
        self.steps_row.addWidget(self.closed_label)
        self.steps_row.addStretch(1)

        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort…"))
        self.delete_button.setToolTip(self.tr("Ta bort en remiss som föreslagits av misstag "
                                              "(bara medan den är föreslagen)"))
        self.delete_button.clicked.connect(self.delete)
        self.save_button = QPushButton(self.tr("Spara"))
        self.save_button.setToolTip(self.tr("Spara (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.flag)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addLayout(self.steps_row)
        layout.addWidget(history_heading)
        layout.addWidget(self.history_view, 1)
        layout.addLayout(buttons)
        self._set_enabled(False)
        context.events.data_changed.connect(self._data_changed)
        self.reload()

    # ---- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        log_consents = not self._consents_logged  # the first read is the consultation
        self.context.runner.run(_load, self.context, self.referral_id, log_consents,
                                on_done=self._show, on_error=self._load_failed, owner=self)

    def _data_changed(self, entity_type: str) -> None:
        """Changed elsewhere (a consent withdrawn, a provider archived): show it, keeping
        what is typed here."""
        if self.referral is None or self._unsaved() or not concerns(
                entity_type, "referral", "consent", "service_provider", "person"):
            return
        self.reload()

    def _show(self, loaded: Loaded) -> None:
        self._consents_logged = True
        r = loaded.referral
        self.referral = r
        self._providers = loaded.providers
        self.message.hide()
        self.errors.clear()
        title = f"{r.person_name} – {service_type_label(r.service_type)}"
        self.heading.setText(title)
        self.person_button.setText(r.person_name)
        self.state.setText(self.state_text(r))
        self._show_flag(r)
        self.service.blockSignals(True)
        self.service.setCurrentIndex(self.service.findData(r.service_type.value))
        self.service.blockSignals(False)
        self._fill_providers(r.provider_id)
        self.proposed.setText(date_text(r.proposed_on))
        self.due.setText(date_text(r.due_on))
        self.officer.setText(r.responsible_officer or "")
        self.feedback.setPlainText(r.feedback or "")
        self.history.set_events(loaded.history, {c.id: consent_text(c)
                                                 for c in loaded.consents})
        self._show_steps(r)
        self._set_enabled(True)
        self._apply_pending_draft()
        self._update_title()

    def state_text(self, r: ReferralDTO) -> str:
        text = self.tr("%1 sedan %2.").replace("%1", referral_status_label(r.status)).replace(
            "%2", date_text(r.status_changed_on))
        if r.is_overdue():
            days = r.days_overdue()
            text += " " + (self.tr("Uppföljningen är 1 dag sen.") if days == 1 else self.tr(
                "Uppföljningen är %1 dagar sen.").replace("%1", str(days)))
        return text

    def _show_flag(self, r: ReferralDTO) -> None:
        if r.consent_withdrawn:
            self.flag.setText(self.tr(
                "Samtycket remissen skickades på återkallades %1. Lämna inte ut något mer om "
                "personen till utföraren.").replace("%1", date_text(r.consent_withdrawn_on)))
        elif r.overridden:
            self.flag.setText(self.tr("Remissen skickades utan samtycke; skälet står i "
                                      "historiken."))
        else:
            self.flag.hide()
            return
        self.flag.show()

    def _fill_providers(self, keep: str | None) -> None:
        """Providers offering the chosen support and not archived, and always the one the
        referral has (archived or not: it is who received it); ``keep`` stays chosen."""
        r = self.referral
        kind = self.service.currentData()
        self.provider.blockSignals(True)
        self.provider.clear()
        self.provider.addItem(self.tr("Ej vald"), None)
        for p in self._providers:
            if kind is None or p.offers_service(kind):
                self.provider.addItem(f"{p.name} ({p.area})" if p.area else p.name, p.id)
        if r is not None and r.provider_id and self.provider.findData(r.provider_id) < 0:
            name = r.provider_name or "?"
            self.provider.addItem(self.tr("%1 (arkiverad)").replace("%1", name)
                                  if r.provider_archived else name, r.provider_id)
        self.provider.setCurrentIndex(max(self.provider.findData(keep), 0))
        self.provider.blockSignals(False)

    def _show_steps(self, r: ReferralDTO) -> None:
        allowed = set(r.next_statuses)
        for target, button in self.step_buttons.items():
            button.setVisible(target in allowed)
        self.closed_label.setVisible(not allowed)
        self.steps_label.setVisible(bool(allowed))

    def _set_enabled(self, enabled: bool) -> None:
        proposed = (enabled and self.referral is not None
                    and self.referral.status is ReferralStatus.PROPOSED)
        editable: tuple[QWidget, ...] = (self.due, self.officer, self.feedback,
                                         self.save_button, self.person_button)
        for widget in editable:
            widget.setEnabled(enabled)
        # Once sent, the record says who received the person's data.
        until_sent: tuple[QWidget, ...] = (self.service, self.provider, self.delete_button)
        for widget in until_sent:
            widget.setEnabled(proposed)
        tip = "" if proposed or not enabled else self.tr(
            "Ändras bara medan remissen är föreslagen; den är redan skickad.")
        self.service.setToolTip(tip)
        self.provider.setToolTip(tip)
        for button in self.step_buttons.values():
            button.setEnabled(enabled)

    def _load_failed(self, exc: BaseException) -> None:
        text = user_message(exc)
        if self._pending_draft is not None:
            self._pending_draft = None
            text = self.tr("Remissen togs bort medan valvet var låst, så det du hade skrivit "
                           "i den kunde inte sparas.")
        self.message.setText(text)
        self.message.show()
        if self.referral is None:
            self.heading.setText(self.tr("Kan inte visa remissen"))
            self._set_enabled(False)

    def _update_title(self, *_args: Any) -> None:
        if self.referral is None:
            return
        title = f"{self.referral.person_name} – {service_type_label(self.referral.service_type)}"
        self.setWindowTitle(f"{title} *" if self._unsaved() else title)

    # ---- saving --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {"service_type": self.service.currentData(),
                "provider_id": self.provider.currentData(),
                "due_on": self.due.text().strip(),
                "responsible_officer": self.officer.text().strip(),
                "feedback": self.feedback.toPlainText().strip()}

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the record (blank is None, as the service stores)."""
        r = self.referral
        if r is None:
            return {}
        stored = {"service_type": r.service_type.value, "provider_id": r.provider_id,
                  "due_on": date_text(r.due_on), "responsible_officer": r.responsible_officer
                  or "", "feedback": (r.feedback or "").strip()}
        return {field: value or None for field, value in self.values().items()
                if (value or None) != (stored[field] or None)}

    def _unsaved(self) -> bool:
        return bool(self.changes())

    def save(self) -> None:
        if self.referral is None or not self.save_button.isEnabled():
            return
        self.message.hide()
        self.errors.clear()
        changes = self.changes()
        if not changes:
            self._after_save()
            return
        self.context.runner.run(self.context.services.referrals.update, self.referral.id,
                                changes, on_done=self._saved, on_error=self._save_failed,
                                owner=self)

    def _saved(self, referral: ReferralDTO) -> None:
        self.referral = referral
        self._update_title()
        self.context.events.changed("referral")  # reloads this window too (nothing unsaved)
        self.status_message.emit(self.tr("Remissen är sparad"))
        self._after_save()

    def _after_save(self) -> None:
        step, self._pending_step = self._pending_step, None
        if self._close_after_save:
            self._close_after_save = False
            self.close()
        elif step is not None:
            self._open_step(step)

    def _save_failed(self, exc: BaseException) -> None:
        self._close_after_save = False
        self._pending_step = None
        show_refusal(self.errors, self.message, exc)

    # ---- steps ---------------------------------------------------------------------------
    def step(self, target: ReferralStatus) -> None:
        """The next step; what is typed in the form is saved first, so the step goes with
        it (a provider just chosen is the one the referral is sent to)."""
        if self.referral is None:
            return
        if self._unsaved():
            self._pending_step = target
            self.save()
            return
        self._open_step(target)

    def _open_step(self, target: ReferralStatus) -> None:
        if self.referral is None:
            return
        dialog = ReferralStepDialog(self.context, self.referral, target, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._stepped)
        self.step_dialog = dialog
        dialog.open()  # window-modal, not a nested loop: the lane keeps answering

    def _stepped(self, referral: ReferralDTO) -> None:
        self.status_message.emit(self.tr("Remissen är nu %1").replace(
            "%1", referral_status_label(referral.status).lower()))

    # ---- delete --------------------------------------------------------------------------
    def delete(self) -> None:
        if self.referral is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort remiss"),
            self.tr("Ta bort remissen? Gör det bara om den föreslogs av misstag; en remiss som "
                    "inte blir av avslutas med ”Återkalla”."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.run(self.context.services.referrals.delete, self.referral.id,
                                on_done=lambda _r: self._deleted(), on_error=self._failed,
                                owner=self)

    def _deleted(self) -> None:
        self.context.events.changed("referral")
        self.status_message.emit(self.tr("Remissen är borttagen"))
        self.discard()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()

    def _open_person(self) -> None:
        if self.referral is not None:
            self.open_record.emit("person", self.referral.person_id)

    # ---- drafts across a lock ------------------------------------------------------------
    def draft(self) -> Draft | None:
        """What is typed and not saved, or None when there is nothing to keep."""
        if self._pending_draft is not None:
            return self._pending_draft
        changes = self.changes()
        if not changes:
            return None
        return Draft("referral", self.referral_id,
                     {k: "" if v is None else str(v) for k, v in self.values().items()})

    def restore_draft(self, draft: Draft) -> None:
        self._pending_draft = draft
        if self.referral is not None:
            self._apply_pending_draft()

    def _apply_pending_draft(self) -> None:
        draft, self._pending_draft = self._pending_draft, None
        if draft is None:
            return
        fields = draft.fields
        if "service_type" in fields and self.service.isEnabled():
            self.service.setCurrentIndex(max(self.service.findData(fields["service_type"]), 0))
        if "provider_id" in fields and self.provider.isEnabled():
            self.provider.setCurrentIndex(max(self.provider.findData(
                fields["provider_id"] or None), 0))
        self.due.setText(fields.get("due_on", self.due.text()))
        self.officer.setText(fields.get("responsible_officer", self.officer.text()))
        self.feedback.setPlainText(fields.get("feedback", self.feedback.toPlainText()))
        self._update_title()

    # ---- closing -------------------------------------------------------------------------
    def discard(self) -> None:
        """Close without asking and forget what is shown (deleted, or the vault locking)."""
        self._discarding = True
        self._pending_draft = None
        if self.step_dialog is not None and shiboken6.isValid(self.step_dialog):
            dialog: QDialog = self.step_dialog
            dialog.reject()
        self.history.clear()
        self.feedback.clear()
        self.officer.clear()
        self.due.clear()
        self.referral = None
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._discarding and self.referral is not None and self._unsaved():
            answer = QMessageBox.question(
                self, self.tr("Osparade ändringar"),
                self.tr("Spara ändringarna innan fönstret stängs?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                self._close_after_save = True
                self.save()
                return
        super().closeEvent(event)
