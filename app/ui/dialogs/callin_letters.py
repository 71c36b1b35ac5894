"""The call-in window's letters: which were printed for it (for whom, when, which template
version, by whom), and the two batches — a letter to every attendee, or an invitation to
everyone invited — rendered with progress and a cancel button, then shown in the preview,
where printing or saving records them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import Cancelled
from app.models.enums import InviteeStatus, LetterKind
from app.services.callin_dto import CallInDTO
from app.services.callin_pipeline import INVITED_OR_LATER
from app.services.letters.service import LetterRecord
from app.services.letters.templates import TemplateSummary
from app.ui.dialogs.callin_tab import CallInTab, error_text, table_view
from app.ui.dialogs.letter_preview import LetterPreview
from app.ui.pages.base import PageContext
from app.ui.table_models.callin_letters import PrintedLettersModel

LANGUAGES = ("sv", "en")


class LetterChoiceDialog(QDialog):
    """Template (of the kind the batch needs) and language."""

    def __init__(self, templates: list[TemplateSummary], kind: LetterKind, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fitting = [t for t in templates if t.kind is kind]
        self._languages: dict[str, list[str]] = {}
        for t in fitting:
            self._languages.setdefault(t.name, []).append(t.language)
        self.template = QComboBox()
        for name in self._languages:
            self.template.addItem(name, name)
        self.language = QComboBox()
        self.template.currentIndexChanged.connect(self._fill_languages)
        self._fill_languages()
        form = QFormLayout()
        form.addRow(self.tr("Brevmall"), self.template)
        form.addRow(self.tr("Språk"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Förhandsgranska"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(fitting))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fill_languages(self) -> None:
        names = {"sv": self.tr("Svenska"), "en": self.tr("Engelska")}
        self.language.clear()
        for code in sorted(self._languages.get(self.template.currentData() or "", []),
                           key=lambda c: LANGUAGES.index(c) if c in LANGUAGES else 9):
            self.language.addItem(names.get(code, code), code)

    def choice(self) -> tuple[str, str]:
        return str(self.template.currentData()), str(self.language.currentData())


class LettersTab(CallInTab):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = PrintedLettersModel(self)
        self.view = table_view(self.model)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((PrintedLettersModel.PERSON, 13 * em),
                              (PrintedLettersModel.KIND, 10 * em),
                              (PrintedLettersModel.PRINTED, 9 * em),
                              (PrintedLettersModel.TEMPLATE, 16 * em)):
            self.view.horizontalHeader().resizeSection(column, width)
        self.empty = QLabel(self.tr("Inga brev utskrivna för call-in ännu."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.attendees_button = QPushButton(self.tr("Brev till deltagarna…"))
        self.attendees_button.clicked.connect(lambda: self.letters(invitees=False))
        self.invitations_button = QPushButton(self.tr("Inbjudningar…"))
        self.invitations_button.clicked.connect(lambda: self.letters(invitees=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.attendees_button)
        buttons.addWidget(self.invitations_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.preview: LetterPreview | None = None
        self.progress: QProgressDialog | None = None
        self._cancelled = False

    # ---- showing -------------------------------------------------------------------------
    def show_callin(self, callin: CallInDTO) -> None:
        super().show_callin(callin)
        attendees = len(callin.invitees_with(InviteeStatus.ATTENDED))
        invited = len(callin.invitees_with(*INVITED_OR_LATER))
        self.attendees_button.setEnabled(attendees > 0)
        self.attendees_button.setToolTip(
            self.tr("Ett brev per deltagare, i en PDF") if attendees else
            self.tr("Ingen är registrerad som deltagare ännu (”Kom” under Inbjudna)."))
        self.invitations_button.setEnabled(invited > 0)
        self.invitations_button.setToolTip(
            self.tr("En inbjudan per kallad person, i en PDF") if invited else
            self.tr("Ingen är kallad ännu (”Bjud in…” under Inbjudna)."))
        names = {i.person_id: i.name for i in callin.invitees}
        letters = self.context.services.letters
        self.context.runner.run(lambda: letters.printed(call_in_id=callin.id),
                                on_done=lambda rows: self._show_letters(rows, names),
                                on_error=lambda exc: self.tell(error_text(exc)), owner=self)

    def _show_letters(self, rows: list[LetterRecord], names: dict[str, str]) -> None:
        self.model.set_letters(rows, names)
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self._cancelled = True
        for dialog in (self.preview, self.progress):
            if dialog is not None:
                dialog.close()
        self.preview = self.progress = None

    # ---- a batch -------------------------------------------------------------------------
    def letters(self, *, invitees: bool) -> None:
        if self.callin is None:
            return
        letters = self.context.services.letters
        self.context.runner.run(letters.templates,
                                on_done=lambda found: self._choose(found, invitees),
                                on_error=lambda exc: self.tell(error_text(exc)), owner=self)

    def _choose(self, templates: list[TemplateSummary], invitees: bool) -> None:
        kind = LetterKind.CALLIN_INVITATION if invitees else LetterKind.CALLIN_HANDOUT
        title = self.tr("Inbjudningar") if invitees else self.tr("Brev till deltagarna")
        dialog = LetterChoiceDialog(templates, kind, title, self)
        if dialog.exec():
            self.render_batch(*dialog.choice(), invitees=invitees)

    def render_batch(self, template: str, language: str, *, invitees: bool) -> None:
        """Render the batch on the lane with progress; the preview opens when it is done."""
        if self.callin is None:
            return
        callin_id = self.callin.id
        letters = self.context.services.letters
        self._cancelled = False
        self.progress = QProgressDialog(self.tr("Skapar brev…"), self.tr("Avbryt"), 0, 0, self)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)

        def work(progress: Callable[[int, int], None] | None = None) -> bytes:
            return letters.preview_callin(callin_id, template=template, language=language,
                                          invitees=invitees, progress=progress,
                                          cancelled=lambda: self._cancelled)

        def record(output: str) -> Any:
            return letters.print_callin(callin_id, template=template, language=language,
                                        invitees=invitees, output=output)

        title = self.tr("Inbjudningar") if invitees else self.tr("Brev till deltagarna")
        self.context.runner.run(
            work, progress=self._progress,
            on_done=lambda pdf: self._open_preview(pdf, title, record, invitees),
            on_error=self._render_failed, owner=self)

    def _cancel(self) -> None:
        self._cancelled = True

    def _progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _render_failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.tell("" if isinstance(exc, Cancelled) else error_text(exc))

    def _open_preview(self, pdf: bytes, title: str, record: Callable[[str], Any],
                      invitees: bool) -> None:
        self._close_progress()
        if self.callin is None:
            return
        stem = "inbjudningar" if invitees else "brev"
        when = self.callin.starts_at.strftime("%Y-%m-%d") if self.callin.starts_at else ""
        self.preview = LetterPreview(self.context.runner, pdf, title, record=record,
                                     file_name=f"{stem}-{when or 'call-in'}.pdf", parent=self)
        self.preview.recorded.connect(lambda _output: self.changed.emit("letter"))
        self.preview.show()
