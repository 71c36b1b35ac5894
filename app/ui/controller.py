"""Locked ↔ unlocked: which window is up, and who holds the open vault.

Only this object holds the ``Services`` of the open vault. Locking clears and closes the main
window first, then disposes the vault on the database lane (after any query still queued, so
no query ever meets a closed engine), then asks for the passphrase again. Locking happens on
Ctrl+L, after the configured idle time, and when the system suspends the application.

Unsaved forms survive: right before the window is cleared its pages hand over their drafts,
which are written into the vault on the lane ahead of the lock (the lane keeps order), and
after the next unlock they are taken back and the forms reopened. A failed write never holds
up the lock: the error is logged (type and place only) and the user is told after unlocking.
Closing the main window (quitting) keeps the drafts the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app.paths import default_vault_dir
from app.services.demo_vault import DEMO_PEOPLE, demo_vault_dir, open_or_create_demo
from app.services.drafts import Draft
from app.services.session import Services, create_vault, open_vault
from app.ui import clipboard
from app.ui.crash import log_unexpected, user_message
from app.ui.dialogs.create_vault import Creator
from app.ui.dialogs.demo_vault import DemoBuilder
from app.ui.dialogs.first_run import FirstRunDialog
from app.ui.dialogs.settings import SettingsDialog
from app.ui.dialogs.unlock import Opener, UnlockDialog
from app.ui.events import Events
from app.ui.idle import IdleWatcher, auto_lock_minutes
from app.ui.language import chosen_language, current_language, install_language
from app.ui.main_window import MainWindow
from app.ui.tasks import Runner
from app.vault.vault import Vault

LAST_VAULT_KEY = "vault/last_path"


class AppController(QObject):
    def __init__(self, folder: Path, runner: Runner, events: Events, settings: QSettings, *,
                 opener: Opener = open_vault, creator: Creator = create_vault,
                 demo_builder: DemoBuilder = open_or_create_demo,
                 demo_people: int = DEMO_PEOPLE, demo_folder: Path | None = None,
                 user: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.runner = runner
        self.events = events
        self.settings = settings
        self.opener = opener
        self.creator = creator
        self.demo_builder = demo_builder
        self.demo_people = demo_people
        self.demo_folder = demo_folder or demo_vault_dir()
        self.user = user
        self.services: Services | None = None
        self.window: MainWindow | None = None
        self.dialog: UnlockDialog | None = None
        self.chooser: FirstRunDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.idle = IdleWatcher(self._idle_ms(), self)
        self.idle.idle.connect(self.lock)
        self._locking = False
        self._lost_drafts = 0  # forms whose draft could not be written at the last lock

    def _idle_ms(self) -> int:
        return auto_lock_minutes(self.settings) * 60_000

    # ---- choosing a vault --------------------------------------------------------------------
    def show_first_run(self, message: str = "") -> FirstRunDialog:
        can_go_back = Vault(self.folder).exists()
        chooser = FirstRunDialog(
            self.runner, demo_folder=self.demo_folder,
            # A folder named or remembered that holds no vault is where one is wanted.
            default_folder=default_vault_dir() if can_go_back else self.folder,
            creator=self.creator, demo_builder=self.demo_builder,
            demo_people=self.demo_people, message=message, can_go_back=can_go_back)
        chooser.vault_chosen.connect(self._vault_chosen)
        chooser.vault_opened.connect(self._unlocked)
        chooser.rejected.connect(self._first_run_cancelled)
        self.chooser = chooser
        chooser.show()
        chooser.raise_()
        chooser.activateWindow()
        return chooser

    def _vault_chosen(self, folder: Path) -> None:
        if folder != self.folder:
            self.user = None  # the user name belonged to the other vault
        self.folder = Path(folder)
        self._drop_chooser()
        self.show_unlock()

    def _first_run_cancelled(self) -> None:
        self._drop_chooser()
        if Vault(self.folder).exists():
            self.show_unlock()  # came from the unlock dialog: go back there
        elif self.window is None:
            QApplication.quit()

    def _drop_chooser(self) -> None:
        if self.chooser is not None:
            self.chooser.deleteLater()
            self.chooser = None

    # ---- unlocking ---------------------------------------------------------------------------
    def show_unlock(self, message: str = "") -> UnlockDialog:
        dialog = UnlockDialog(self.folder, self.runner, opener=self.opener, user=self.user,
                              message=message)
        dialog.unlocked.connect(self._unlocked)
        dialog.rejected.connect(self._unlock_cancelled)
        dialog.other_vault_requested.connect(self._other_vault)
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _other_vault(self) -> None:
        dialog, self.dialog = self.dialog, None
        self.show_first_run()  # first, so the app never has no window
        if dialog is not None:
            dialog.rejected.disconnect(self._unlock_cancelled)
            dialog.close()
            dialog.deleteLater()

    def unlock_with(self, user: str, passphrase: str) -> None:
        """Unlock without asking (passphrase from a file); any failure opens the dialog."""
        self.user = user
        self.runner.run(self.opener, self.folder, user, passphrase, on_done=self._unlocked,
                        on_error=self._direct_unlock_failed)

    def _direct_unlock_failed(self, exc: BaseException) -> None:
        self.show_unlock(user_message(exc))

    def _unlocked(self, services: Services) -> None:
        self.services = services
        self.user = services.user
        self.folder = services.vault.folder.absolute()
        # Only the folder is remembered: no names, no passphrases, nothing from the vault.
        self.settings.setValue(LAST_VAULT_KEY, str(self.folder))
        window = self._open_window(services)
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self._drop_chooser()
        self.idle.set_timeout(self._idle_ms())
        self.idle.start()
        self.runner.run(services.drafts.take, on_done=lambda d: self._restore(window, d),
                        on_error=lambda exc: window.show_status(user_message(exc)),
                        owner=window)

    def _open_window(self, services: Services) -> MainWindow:
        window = MainWindow(services, self.runner, self.events, self.settings)
        window.lock_requested.connect(self.lock)
        window.settings_requested.connect(self.show_settings)
        window.closed.connect(self._window_closed)
        self.window = window
        window.show()
        return window

    def _restore(self, window: MainWindow, drafts: list[Draft]) -> None:
        window.restore_drafts(drafts)
        lost, self._lost_drafts = self._lost_drafts, 0
        if lost:
            window.show_status(self.tr(
                "%1 osparade formulär kunde inte sparas när valvet låstes och gick förlorade. "
                "En felrapport utan personuppgifter finns i loggen.").replace("%1", str(lost)))

    def _unlock_cancelled(self) -> None:
        if self.window is None:
            QApplication.quit()

    # ---- settings ----------------------------------------------------------------------------
    def show_settings(self) -> SettingsDialog | None:
        if self.window is None:
            return None
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return self.settings_dialog
        dialog = SettingsDialog(self.settings, self.window)
        dialog.accepted.connect(self._settings_saved)
        dialog.finished.connect(self._settings_closed)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        self.idle.set_timeout(self._idle_ms())
        if chosen_language(self.settings) != current_language():
            # Later: the settings dialog is a child of the window about to be replaced and
            # is still inside its own accept().
            QTimer.singleShot(0, self.apply_language)

    def apply_language(self) -> None:
        """Switch the screens' language now: a new main window in the new language replaces
        the old one, on the same page and with its unsaved forms; the vault stays open."""
        app = QApplication.instance()
        old = self.window
        if old is None or self.services is None or not isinstance(app, QApplication):
            return
        install_language(app, chosen_language(self.settings))
        drafts = _drafts_of(old)  # before anything is cleared
        old.save_layout()
        self._locking = True  # the old window's close must not lock the vault
        self.settings_dialog = None  # a child of the old window: closed with it
        window = self._open_window(self.services)
        old.clear()
        old.close()
        old.deleteLater()
        self._locking = False
        if drafts:
            window.restore_drafts(drafts, announce=False)

    def _settings_closed(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    # ---- locking -----------------------------------------------------------------------------
    def lock(self) -> None:
        if self.services is None:
            return
        self._locking = True
        self.idle.stop()
        clipboard.clear_if_ours()
        window, self.window = self.window, None
        drafts = _drafts_of(window)  # before anything is cleared
        self.settings_dialog = None  # a child of the window: closed with it
        self.show_unlock()  # before the window closes, so the app never has no window
        if window is not None:
            window.clear()
            window.close()
            window.deleteLater()
        self._locking = False
        self._dispose_services(drafts)

    def _dispose_services(self, drafts: list[Draft] | None = None) -> None:
        services, self.services = self.services, None
        if services is None:
            return
        if drafts:
            count = len(drafts)
            # Queued ahead of the lock: the lane runs it first; a failure does not stop it.
            self.runner.run(services.drafts.stash, drafts,
                            on_error=lambda exc: self._stash_failed(count, exc))
        self.runner.run(services.lock)

    def _stash_failed(self, count: int, exc: BaseException) -> None:
        log_unexpected(exc)
        self._lost_drafts += count

    def _window_closed(self) -> None:
        if not self._locking:
            window, self.window = self.window, None
            drafts = _drafts_of(window)
            if window is not None:
                window.clear()  # nothing of the vault stays open once it is locked
            self.idle.stop()
            clipboard.clear_if_ours()
            self._dispose_services(drafts)

    def shutdown(self) -> None:
        """At exit: keep unsaved forms, lock whatever is still open, let the lane finish."""
        self.idle.stop()
        drafts = _drafts_of(self.window)
        if self.window is not None:
            self.window.clear()
        clipboard.clear_if_ours()
        self._dispose_services(drafts)
        self.runner.shutdown()


def _drafts_of(window: MainWindow | None) -> list[Draft]:
    """The window's unsaved forms; a fault in collecting them must not stop the lock."""
    if window is None:
        return []
    try:
        return window.collect_drafts()
    except Exception as exc:
        log_unexpected(exc)
        return []
