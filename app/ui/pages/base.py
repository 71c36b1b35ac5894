"""What every page of the main window has: the context it works in, and its life cycle.

The shell (app/ui/main_window.py) shows one page at a time. A page loads lazily: nothing
happens until ``activate()`` is first called, so opening the vault costs only the page the
user sees. ``clear()`` is called when the vault locks and must drop every row, typed text and
open dialog of the page. Pages never call each other: to show a record elsewhere they emit
``open_record(kind, id)`` and the shell routes it ("person", "group", "incident", …).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from app.services.drafts import Draft
from app.services.session import Services
from app.ui.events import Events, concerns
from app.ui.tasks import Runner


@dataclass(frozen=True)
class PageContext:
    services: Services
    runner: Runner
    events: Events
    settings: QSettings


class Page(QWidget):
    """Base of every page. Subclasses set ``key``, implement ``title``/``icon`` and ``load``."""

    key = ""  # stable id used by navigation and QSettings ("overview", "people", …)
    # Entity types whose changes make this page reload (see app/ui/events.py).
    watches: tuple[str, ...] = ()
    open_record = Signal(str, str)  # kind, id
    status_message = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loaded = False
        self._stale = False
        context.events.data_changed.connect(self._on_data_changed)

    # ---- for subclasses ------------------------------------------------------------------------
    def title(self) -> str:
        raise TypeError(f"{type(self).__name__} must define title()")

    def icon(self) -> QIcon:
        return QIcon()

    def load(self) -> None:
        """(Re)load what the page shows; runs its queries on the database lane."""

    def clear(self) -> None:
        """The vault is locking: forget everything shown."""
        self._loaded = False

    def show_record(self, record_id: str) -> None:
        """Bring one record of this page's kind into view (pages that have records)."""

    def drafts(self) -> list[Draft]:
        """Unsaved forms this page's windows hold; asked for right before ``clear()``."""
        return []

    def restore_draft(self, draft: Draft) -> bool:
        """Reopen the form ``draft`` came from (True if this page took it)."""
        return False

    # ---- life cycle -----------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded or self._stale:
            self._loaded, self._stale = True, False
            self.load()

    def _on_data_changed(self, entity_type: str) -> None:
        if not self.watches or not concerns(entity_type, *self.watches):
            return
        if self.isVisible():
            self.load()
        else:
            self._stale = True  # reload when the user comes back, not in the background
