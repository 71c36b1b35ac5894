"""One custom notification in a window of its own: what was recorded, read-only, with Edit
(the wizard, pre-filled), Delete (after a confirmation) and Letters (a template and language,
then the preview: one letter per person, recorded when saved or printed).

Opening reads the notification on the lane (``get`` logs the consultation).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import LetterKind
from app.services.letters.templates import TemplateSummary
from app.services.notifications import NotificationDTO
from app.ui.crash import user_message
from app.ui.dialogs.callin_letters import LetterChoiceDialog
from app.ui.dialogs.letter_preview import LetterPreview
from app.ui.dialogs.notification_wizard import NotificationWizard
from app.ui.icons import page_icon
from app.ui.labels import (
    message_part_label,
    notification_kind_label,
    notification_setting_label,
    notification_trigger_label,
    team_role_label,
)
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import error_label


class NotificationWindow(QWidget):
    open_record = Signal(str, str)
    status_message = Signal(str)

    def __init__(self, context: PageContext, notification_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.notification_id = notification_id
        self.notification: NotificationDTO | None = None
        self.wizard: NotificationWizard | None = None
        self.preview: LetterPreview | None = None
        self.setWindowTitle(self.tr("Riktat samtal"))
        self.resize(720, 560)
        self.setMinimumSize(560, 420)
        self.heading = QLabel(self.tr("Hämtar…"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = error_label()
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setContentsMargins(4, 4, 4, 4)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)

        self.edit_button = QPushButton(page_icon("edit"), self.tr("Ändra…"))
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort…"))
        self.delete_button.clicked.connect(self.delete)
        self.letters_button = QPushButton(self.tr("Brev…"))
        self.letters_button.setToolTip(self.tr("Ett brev per person som fick budskapet"))
        self.letters_button.clicked.connect(self.letters)
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.letters_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._set_enabled(False)
        self.reload()

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.edit_button, self.delete_button, self.letters_button):
            button.setEnabled(enabled)

    def reload(self) -> None:
        self.context.runner.run(self.context.services.notifications.get, self.notification_id,
                                on_done=self._show, on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()

    def _show(self, dto: NotificationDTO) -> None:
        self.notification = dto
        self.message.hide()
        when = dto.delivered_at.strftime("%Y-%m-%d %H:%M") if dto.delivered_at else ""
        title = f"{notification_kind_label(dto.kind)} {when}".strip()
        self.heading.setText(title)
        self.setWindowTitle(title)
        self.body.setText(self.body_html(dto))
        self._set_enabled(True)

    def body_html(self, dto: NotificationDTO) -> str:
        rows = [
            (self.tr("Personer"), ", ".join(p.name for p in dto.persons)),
            (self.tr("Anledning"), notification_trigger_label(dto.trigger)),
            (self.tr("Plats"), notification_setting_label(dto.setting)),
            (self.tr("Team"), ", ".join(f"{m.name} ({team_role_label(m.role)})"
                                        for m in dto.team)),
            (self.tr("Budskap"), ", ".join(message_part_label(p) for p in dto.message_parts)),
            (self.tr("Rättslig bedömning"), dto.legal_assessment or ""),
            (self.tr("Erbjuden hjälp"), dto.help_offered or ""),
            (self.tr("Reaktion"), dto.reaction or ""),
            (self.tr("Nästa steg"), dto.next_step or ""),
        ]
        cells = "".join(
            f"<tr><td style='padding:3px 14px 3px 0'><b>{html.escape(k)}</b></td>"
            f"<td style='padding:3px 0'>{html.escape(v).replace(chr(10), '<br>') or '–'}</td>"
            "</tr>" for k, v in rows)
        return f"<table>{cells}</table>"

    # ---- actions -------------------------------------------------------------------------
    def edit(self) -> NotificationWizard:
        if self.wizard is not None and shiboken6.isValid(self.wizard) \
                and self.wizard.isVisible():
            self.wizard.raise_()
            return self.wizard
        self.wizard = NotificationWizard(self.context, self.notification_id, parent=self)
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard.saved.connect(lambda _id: self.reload())
        self.wizard.show()
        return self.wizard

    def delete(self) -> None:
        if self.notification is None or not self.confirm_delete():
            return
        self.context.runner.run(self.context.services.notifications.delete,
                                self.notification_id, on_done=lambda _r: self._deleted(),
                                on_error=self._failed, owner=self)

    def confirm_delete(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Ta bort riktat samtal"),
            self.tr("Ta bort samtalet? Det slutar räknas som en dos och försvinner ur "
                    "tidslinjerna."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _deleted(self) -> None:
        self.context.events.changed("notification")
        self.status_message.emit(self.tr("Riktat samtal borttaget"))
        self.close()

    def letters(self) -> None:
        self.context.runner.run(self.context.services.letters.templates,
                                on_done=self._choose, on_error=self._failed, owner=self)

    def _choose(self, templates: list[TemplateSummary]) -> None:
        dialog = LetterChoiceDialog(templates, LetterKind.CUSTOM_NOTIFICATION,
                                    self.tr("Brev efter riktat samtal"), self)
        if dialog.exec():
            self.render_letters(*dialog.choice())

    def render_letters(self, template: str, language: str) -> None:
        letters, nid = self.context.services.letters, self.notification_id

        def record(output: str) -> Any:
            return letters.print_notification(nid, template=template, language=language,
                                              output=output)

        self.context.runner.run(
            lambda: letters.preview_notification(nid, template=template, language=language),
            on_done=lambda pdf: self._open_preview(pdf, record), on_error=self._failed,
            owner=self)

    def _open_preview(self, pdf: bytes, record: Callable[[str], Any]) -> None:
        when = self.notification.delivered_at if self.notification else None
        self.preview = LetterPreview(
            self.context.runner, pdf, self.tr("Brev efter riktat samtal"), record=record,
            file_name=f"brev-{when:%Y-%m-%d}.pdf" if when else "brev.pdf", parent=self)
        self.preview.recorded.connect(lambda _o: self.context.events.changed("letter"))
        self.preview.show()

    def discard(self) -> None:
        """The vault is locking: close the wizard and preview and forget what is shown."""
        if self.wizard is not None and shiboken6.isValid(self.wizard):
            self.wizard.discard()
        if self.preview is not None and shiboken6.isValid(self.preview):
            self.preview.close()
        self.body.clear()
        self.notification = None
        # Hidden and deleted later, not close()d: closing it right after its wizard closed
        # crashed once the page let go of it (a lock with a notification being changed).
        self.hide()
        self.deleteLater()
