"""What a register shows instead of an empty table: a heading saying why it is empty and a
line on what to do, centred where the rows would be."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class EmptyState(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContentsMargins(48, 48, 48, 48)

    def say(self, title: str, body: str) -> None:
        """Plain texts (a search text among them): escaped here, never read as markup."""
        self.setText(f"<h3>{html.escape(title)}</h3><p>{html.escape(body)}</p>")
