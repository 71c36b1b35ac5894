"""Locked ↔ unlocked: which window is up, and who holds the open vault.

Only this object holds the ``Services`` of the open vault. Locking clears and closes the main
window first, then disposes the vault on the database lane (after any query still queued, so
no query ever meets a closed engine), then asks for the passphrase again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication

from app.services.session import Services, open_vault
from app.ui.crash import user_message
from app.ui.dialogs.unlock import Opener, UnlockDialog
from app.ui.events import Events
from app.ui.main_window import MainWindow
from app.ui.tasks import Runner

LAST_VAULT_KEY = "vault/last_path"


class AppController(QObject):
    def __init__(self, folder: Path, runner: Runner, events: Events, settings: QSettings, *,
                 opener: Opener = open_vault, user: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.runner = runner
        self.events = events
        self.settings = settings
        self.opener = opener
        self.user = user
        self.services: Services | None = None
        self.window: MainWindow | None = None
        self.dialog: UnlockDialog | None = None
        self._locking = False

    # ---- unlocking ---------------------------------------------------------------------------
    def show_unlock(self, message: str = "") -> UnlockDialog:
        dialog = UnlockDialog(self.folder, self.runner, opener=self.opener, user=self.user,
                              message=message)
        dialog.unlocked.connect(self._unlocked)
        dialog.rejected.connect(self._unlock_cancelled)
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

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
        # Only the folder is remembered: no names, no passphrases, nothing from the vault.
        self.settings.setValue(LAST_VAULT_KEY, str(self.folder))
        window = MainWindow(services, self.runner, self.events, self.settings)
        window.lock_requested.connect(self.lock)
        window.closed.connect(self._window_closed)
        self.window = window
        window.show()
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _unlock_cancelled(self) -> None:
        if self.window is None:
            QApplication.quit()

    # ---- locking -----------------------------------------------------------------------------
    def lock(self) -> None:
        if self.services is None:
            return
        self._locking = True
        window, self.window = self.window, None
        self.show_unlock()  # before the window closes, so the app never has no window
        if window is not None:
            window.clear()
            window.close()
            window.deleteLater()
        self._locking = False
        self._dispose_services()

    def _dispose_services(self) -> None:
        services, self.services = self.services, None
        if services is not None:
            self.runner.run(services.lock)

    def _window_closed(self) -> None:
        if not self._locking:
            self.window = None
            self._dispose_services()

    def shutdown(self) -> None:
        """At exit: lock whatever is still open, then let the lane finish."""
        if self.window is not None:
            self.window.clear()
        self._dispose_services()
        self.runner.shutdown()
