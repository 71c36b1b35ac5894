"""Composition root of the desktop app: Qt application, fonts, language, error hook, which
vault to open, and the first-run → unlock → main window flow. The ``mottryck`` command calls
``run_gui``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app import __version__
from app.cli.prompt import read_secret_file
from app.errors import MottryckError
from app.paths import APP_NAME, default_vault_dir, resources_dir
from app.ui.controller import LAST_VAULT_KEY, AppController
from app.ui.crash import install_excepthook
from app.ui.events import Events
from app.ui.language import chosen_language, install_language
from app.ui.tasks import Runner, TaskRunner
from app.vault.vault import Vault

translate = QCoreApplication.translate  # the name lupdate looks for

FONT_FAMILY = "DejaVu Sans"
FONT_POINT_SIZE = 10



def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    # Organisation and application names decide where QSettings keeps its file.
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def register_fonts(app: QApplication) -> None:
    """Qt ships no fonts: without the bundled ones a bare system shows boxes for å ä ö."""
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    if FONT_FAMILY in QFontDatabase.families():
        app.setFont(QFont(FONT_FAMILY, FONT_POINT_SIZE))


def resolve_vault_folder(vault: Path | None, settings: QSettings) -> Path:
    """The argument, else the vault opened last time, else the default location."""
    if vault is not None:
        # Absolute, so the path remembered for next time works from any working directory.
        return Path(vault).expanduser().absolute()
    last = settings.value(LAST_VAULT_KEY, "")
    if isinstance(last, str) and last:
        return Path(last)
    return default_vault_dir()


def missing_vault_message(folder: Path) -> str:
    """Why the chooser shows: silent on a true first run, explicit for a folder that was named
    or remembered but holds no vault (a USB stick not plugged in, a typo)."""
    if folder == default_vault_dir():
        return ""
    return translate("main", "Det finns inget Mottryck-valv i %1.").replace("%1", str(folder))


def _only_user(folder: Path) -> str:
    users = Vault(folder).users()
    if len(users) != 1:
        raise MottryckError(translate(
            "main", "Valvet har flera användare: välj vem du är och skriv lösenfrasen."))
    return users[0]


def start(folder: Path, runner: Runner, settings: QSettings, *, user: str | None = None,
          passphrase_file: Path | None = None) -> AppController:
    """Show the first window: the vault chooser if there is no vault, else the unlock dialog,
    or (with a passphrase file) unlock at once — still on the database lane — and open the
    main window."""
    controller = AppController(folder, runner, Events(), settings, user=user)
    if not Vault(folder).exists():
        controller.show_first_run(missing_vault_message(folder))
        return controller
    if passphrase_file is None:
        controller.show_unlock()
        return controller
    try:
        passphrase = read_secret_file(passphrase_file)
        who = user or _only_user(folder)
    except MottryckError as exc:
        controller.show_unlock(str(exc))
        return controller
    controller.unlock_with(who, passphrase)
    return controller


def run_gui(vault: Path | None = None, user: str | None = None,
            passphrase_file: Path | None = None) -> int:
    app = application()
    register_fonts(app)
    settings = QSettings()
    # Held here: Qt does not own the translators.
    _translators = install_language(app, chosen_language(settings))
    install_excepthook()
    folder = resolve_vault_folder(vault, settings)
    runner = TaskRunner()
    controller = start(folder, runner, settings, user=user, passphrase_file=passphrase_file)
    try:
        return int(app.exec())
    finally:
        controller.shutdown()
