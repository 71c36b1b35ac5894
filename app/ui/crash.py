"""Unexpected errors: a plain dialog for the user, a log line for the developer.

The log holds the exception type and the code locations only — never the message or local
values, which may quote personal data (a constraint error repeats the row it refused).
"""

from __future__ import annotations

import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import MottryckError
from app.paths import log_dir

translate = QCoreApplication.translate  # the name lupdate looks for

LOG_NAME = "mottryck-gui.log"



def log_unexpected(exc: BaseException, folder: Path | None = None) -> Path | None:
    """Append type and frames (no message, no values) to the GUI log; returns its path."""
    try:
        folder = folder or log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        # Where only: file, line and function. Not even the source line, which can hold
        # a literal (a test's invented name, a constant) that looks like personal data.
        frames = "".join(f"  {f.filename}:{f.lineno} in {f.name}\n"
                         for f in traceback.extract_tb(exc.__traceback__, limit=30))
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"{stamp} {type(exc).__name__}\n{frames}\n")
        return path
    except OSError:
        return None


def user_message(exc: BaseException) -> str:
    """What to show for an error from the lane: our own errors speak for themselves."""
    if isinstance(exc, MottryckError):
        return str(exc)
    where = log_unexpected(exc)
    text = translate("crash",
                     "Ett oväntat fel inträffade. Inget har sparats av det du just gjorde.")
    if where is not None:
        note = translate("crash", "En felrapport utan personuppgifter finns i %1.")
        text += " " + note.replace("%1", str(where))
    return text


def _excepthook(kind: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    text = user_message(exc)
    app = QApplication.instance()
    if app is None:
        print(f"mottryck: {text}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, translate("crash", "Mottryck"), text)
    box.setInformativeText(translate("crash", "Lås och lås upp valvet om något ser fel ut."))
    box.exec()


def install_excepthook() -> None:
    sys.excepthook = _excepthook
