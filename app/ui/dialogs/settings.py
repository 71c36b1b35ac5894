"""Settings: the screens' language and the auto-lock idle time. Both live in QSettings; they
are preferences of this computer, not data of the vault."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.idle import AUTO_LOCK_KEY, MAX_MINUTES, MIN_MINUTES, auto_lock_minutes
from app.ui.language import (
    LANG_ENV,
    LANGUAGE_KEY,
    chosen_language,
    language_from_environment,
)


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Inställningar"))
        self.setMinimumWidth(420)
        self._language_at_start = chosen_language(settings)

        self.language = QComboBox()
        # Each language in its own words, so someone who can't read the current one finds it.
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self._stored_language())))
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language_note.setTextFormat(Qt.TextFormat.PlainText)
        self.language_note.setStyleSheet("color: palette(mid);")
        self.language.currentIndexChanged.connect(self._update_note)

        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setValue(auto_lock_minutes(settings))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccelerated(True)
        minutes_help = QLabel(self.tr(
            "Mottryck låses när ingen har använt tangentbordet eller musen så här länge, "
            "och när datorn går i viloläge."))
        minutes_help.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Språk"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Lås &automatiskt efter"), self.minutes)
        form.addRow("", minutes_help)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._update_note()

    def _stored_language(self) -> str:
        stored = str(self.settings.value(LANGUAGE_KEY, "") or "")
        return stored if stored in ("sv", "en") else self._language_at_start

    def _update_note(self) -> None:
        if language_from_environment():
            note = self.tr("Just nu bestämmer miljövariabeln %1 språket.").replace(
                "%1", LANG_ENV)
        elif self.language.currentData() != self._language_at_start:
            note = self.tr("Fönstren byter språk när du trycker OK; osparade formulär "
                           "följer med.")
        else:
            note = ""
        self.language_note.setText(note)
        self.language_note.setVisible(bool(note))

    def accept(self) -> None:
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.settings.setValue(AUTO_LOCK_KEY, self.minutes.value())
        self.settings.sync()
        super().accept()
