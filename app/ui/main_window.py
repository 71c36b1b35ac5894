"""The shell: title, menus, status bar and the pages. Pages do the work; this only hosts them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QWidget

from app import __version__
from app.services.session import Services
from app.ui.events import Events
from app.ui.pages.people import PeoplePage
from app.ui.tasks import Runner


class MainWindow(QMainWindow):
    lock_requested = Signal()
    closed = Signal()

    def __init__(self, services: Services, runner: Runner, events: Events,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        folder = services.vault.folder
        self.setWindowTitle(self.tr("Mottryck — %1").replace("%1", folder.name))
        self.resize(1100, 700)
        self.people_page = PeoplePage(services.people, runner, events)
        self.setCentralWidget(self.people_page)
        self._build_menus()
        self._build_status(str(folder), services.user)
        runner.busy_changed.connect(self._on_busy)
        self.people_page.start()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        self.lock_action = QAction(self.tr("&Lås"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setStatusTip(self.tr("Lås valvet och töm alla vyer"))
        self.lock_action.triggered.connect(self.lock_requested)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("A&vsluta"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        self.about_action = QAction(self.tr("&Om Mottryck"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)
        help_menu.addAction(self.about_action)

    def _build_status(self, path: str, user: str) -> None:
        bar = self.statusBar()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(12)
        self.busy.hide()
        bar.addWidget(self.busy)
        self.path_label = QLabel(path)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.user_label = QLabel(self.tr("Användare: %1").replace("%1", user))
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label = QLabel(self.tr("Upplåst"))
        for label in (self.path_label, self.user_label, self.state_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def _on_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def _about(self) -> None:
        text = self.tr(
            "<h3>Mottryck %1</h3><p>Ett krypterat register för Sluta skjut-grupper. Allt "
            "sparas i valvet på den här datorn; inget skickas någonstans.</p>"
            "<p>Typsnitt: DejaVu Sans. Licenser finns i resources/licenses.</p>"
        ).replace("%1", __version__)
        QMessageBox.about(self, self.tr("Om Mottryck"), text)

    def clear(self) -> None:
        """Drop everything shown (the vault is being locked): rows, typed text, dialogs."""
        self.people_page.clear()
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self:
                dialog.close()
        self.state_label.setText(self.tr("Låst"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
