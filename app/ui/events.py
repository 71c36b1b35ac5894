"""One hub that tells every screen the data changed, so pages refresh without knowing who wrote.

A page that writes emits ``data_changed`` with the entity type it touched ("person",
"group", …, or ``ANY``); every page listens and reloads what it shows when the type concerns it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

ANY = "*"


class Events(QObject):
    data_changed = Signal(str)

    def changed(self, entity_type: str = ANY) -> None:
        self.data_changed.emit(entity_type)


def concerns(entity_type: str, *interesting: str) -> bool:
    return entity_type == ANY or entity_type in interesting
