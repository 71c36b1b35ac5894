"""The shell: navigation, menus, status bar and the pages. Pages do the work; this only hosts
them and routes "show me that record" between them."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLocale, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.services.drafts import Draft
from app.services.session import Services
from app.ui.dialogs.bundle_export import BundleExportWizard
from app.ui.dialogs.bundle_import import BundleImportWizard
from app.ui.events import Events
from app.ui.pages.base import Page, PageContext
from app.ui.pages.registry import RECORD_PAGES, page_classes
from app.ui.tasks import Runner

LAST_PAGE_KEY = "ui/last_page"
GEOMETRY_KEY = "ui/window_geometry"
SPLITTERS_KEY = "ui/splitters"  # + "/<page>/<n>": sizes only, nothing from the vault


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_requested = Signal()
    closed = Signal()

    def __init__(self, services: Services, runner: Runner, events: Events,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        folder = services.vault.folder
        self.setWindowTitle(self.tr("Mottryck — %1").replace("%1", folder.name))
        self.resize(1200, 760)
        self.setMinimumSize(900, 560)  # usable on a 1366×768 laptop with the taskbar

        context = PageContext(services, runner, events, self.settings)
        self.context = context
        self.pages: list[Page] = [cls(context) for cls in page_classes()]
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.nav.setFixedWidth(190)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setObjectName("navigation")
        self.stack = QStackedWidget()
        for page in self.pages:
            item = QListWidgetItem(page.icon(), page.title())
            item.setSizeHint(QSize(170, 36))
            self.nav.addItem(item)
            self.stack.addWidget(page)
            page.open_record.connect(self.open_record)
            page.status_message.connect(self._status)
        self.nav.currentRowChanged.connect(self._show_page)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status(str(folder), services.user)
        runner.busy_changed.connect(self._on_busy)
        self._restore_layout()
        keys = [p.key for p in self.pages]
        last = self.settings.value(LAST_PAGE_KEY, "")
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    # ---- window layout -------------------------------------------------------------------------
    def _splitters(self) -> list[tuple[str, QSplitter]]:
        return [(f"{SPLITTERS_KEY}/{page.key}/{n}", splitter)
                for page in self.pages
                for n, splitter in enumerate(page.findChildren(QSplitter))]

    def _restore_layout(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)  # Qt keeps it on a screen that still exists
        for key, splitter in self._splitters():
            state = self.settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def save_layout(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        for key, splitter in self._splitters():
            self.settings.setValue(key, splitter.saveState())

    # ---- navigation ----------------------------------------------------------------------------
    def page(self, key: str) -> Page | None:
        return next((p for p in self.pages if p.key == key), None)

    def show_page(self, key: str) -> Page | None:
        page = self.page(key)
        if page is not None:
            self.nav.setCurrentRow(self.pages.index(page))
        return page

    def _show_page(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        page = self.pages[row]
        self.stack.setCurrentWidget(page)
        self.settings.setValue(LAST_PAGE_KEY, page.key)
        page.activate()

    def open_record(self, kind: str, record_id: str) -> None:
        page = self.show_page(RECORD_PAGES.get(kind, ""))
        if page is not None:
            page.show_record(record_id)

    # ---- menus and status ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        self.lock_action = QAction(self.tr("&Lås"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setStatusTip(self.tr("Lås valvet och töm alla vyer"))
        self.lock_action.triggered.connect(self.lock_requested)
        file_menu.addAction(self.lock_action)
        self.settings_action = QAction(self.tr("&Inställningar…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.settings_requested)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.export_action = QAction(self.tr("&Exportera till partner…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setStatusTip(self.tr("Skriv en krypterad bunt till en partner"))
        self.export_action.triggered.connect(self.export_bundle)
        file_menu.addAction(self.export_action)
        self.import_action = QAction(self.tr("&Importera från partner…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.setStatusTip(self.tr("Läs in en krypterad bunt från en partner"))
        self.import_action.triggered.connect(self.import_bundle)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("A&vsluta"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&Visa"))
        for number, page in enumerate(self.pages, start=1):
            action = QAction(page.icon(), page.title(), self)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=page.key: self.show_page(k))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        self.about_action = QAction(self.tr("&Om Mottryck"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)
        help_menu.addAction(self.about_action)

    def export_bundle(self) -> BundleExportWizard:
        wizard = BundleExportWizard(self.context, parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()
        return wizard

    def import_bundle(self) -> BundleImportWizard:
        wizard = BundleImportWizard(self.context, parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open_reviews.connect(lambda: self.show_page("reviews"))
        wizard.show()
        return wizard

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

    def _status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    def show_status(self, message: str) -> None:
        """A message that needs longer than the pages' passing notes."""
        self.statusBar().showMessage(message, 15000)

    def _on_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def _about(self) -> None:
        text = self.tr(
            "<h3>Mottryck %1</h3><p>Ett krypterat register för Sluta skjut-grupper. Allt "
            "sparas i valvet på den här datorn; inget skickas någonstans.</p>"
            "<p>Typsnitt: DejaVu Sans. Licenser finns i resources/licenses.</p>"
        ).replace("%1", __version__)
        QMessageBox.about(self, self.tr("Om Mottryck"), text)

    # ---- locking -------------------------------------------------------------------------------
    @property
    def people_page(self) -> Page | None:
        return self.page("people")

    def collect_drafts(self) -> list[Draft]:
        """Every unsaved form of every page (asked right before ``clear``)."""
        return [draft for page in self.pages for draft in page.drafts()]

    def restore_drafts(self, drafts: list[Draft], *, announce: bool = True) -> int:
        """Reopen the forms of ``drafts`` (unsaved again); returns how many were reopened.
        ``announce`` says so in the status bar (after a lock, not after a language switch)."""
        restored = sum(1 for draft in drafts
                       if any(page.restore_draft(draft) for page in self.pages))
        if not announce:
            return restored
        if restored == 1:
            self.show_status(self.tr("1 osparat formulär återställdes efter låsningen"))
        elif restored:
            self.show_status(self.tr("%1 osparade formulär återställdes efter låsningen")
                             .replace("%1", QLocale().toString(restored)))
        return restored

    def clear(self) -> None:
        """Drop everything shown (the vault is being locked): rows, typed text, dialogs."""
        for page in self.pages:
            page.clear()
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self:
                dialog.close()
        self.state_label.setText(self.tr("Låst"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.closed.emit()
        super().closeEvent(event)
