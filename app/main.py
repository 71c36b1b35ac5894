"""Composition root of the desktop app: Qt application, fonts, language, error hook, which
vault to open, and the unlock → main window flow. The ``mottryck`` command calls ``run_gui``."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.cli.prompt import read_secret_file
from app.errors import MottryckError
from app.paths import APP_NAME, default_vault_dir, resources_dir
from app.ui.controller import LAST_VAULT_KEY, AppController
from app.ui.crash import install_excepthook
from app.ui.events import Events
from app.ui.language import chosen_language, install_language
from app.ui.tasks import TaskRunner
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


def explain_missing_vault(folder: Path) -> None:
    where = html.escape(str(folder))
    text = translate(
        "main",
        "<p>Det finns inget Mottryck-valv i<br><b>%1</b></p>"
        "<p>Skapa ett nytt valv med<br><code>mottryck init --vault MAPP</code><br>"
        "eller prova med påhittade personer:<br><code>mottryck demo --vault MAPP</code></p>"
        "<p>Starta sedan Mottryck med <code>mottryck --vault MAPP</code>.</p>"
    ).replace("%1", where)
    box = QMessageBox(QMessageBox.Icon.Information, translate("main", "Inget valv hittades"), text)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.exec()


def _only_user(folder: Path) -> str:
    users = Vault(folder).users()
    if len(users) != 1:
        raise MottryckError(translate(
            "main", "Valvet har flera användare: välj vem du är och skriv lösenfrasen."))
    return users[0]


def start(folder: Path, runner: TaskRunner, settings: QSettings, *, user: str | None = None,
          passphrase_file: Path | None = None) -> AppController:
    """Show the first window: the unlock dialog, or (with a passphrase file) unlock at once —
    still on the database lane — and open the main window."""
    controller = AppController(folder, runner, Events(), settings, user=user)
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
    _translators = install_language(app, chosen_language())  # held here: Qt does not own it
    install_excepthook()
    settings = QSettings()
    folder = resolve_vault_folder(vault, settings)
    if not Vault(folder).exists():
        explain_missing_vault(folder)
        return 1
    runner = TaskRunner()
    controller = start(folder, runner, settings, user=user, passphrase_file=passphrase_file)
    try:
        return int(app.exec())
    finally:
        controller.shutdown()
