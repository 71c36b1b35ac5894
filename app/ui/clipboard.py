"""Copying to the clipboard, with a memory of what we put there.

Pages copy through ``copy_text`` so that locking can clear the clipboard — but only when it
still holds our text: whatever the user copied from another program afterwards is theirs.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

_last_copied: str | None = None


def copy_text(text: str) -> None:
    global _last_copied
    QGuiApplication.clipboard().setText(text)
    _last_copied = text


def clear_if_ours() -> bool:
    """At lock: empty the clipboard if it still holds what we copied; True if it did."""
    global _last_copied
    ours, _last_copied = _last_copied, None
    clipboard = QGuiApplication.clipboard()
    if ours is None or clipboard.text() != ours:
        return False
    clipboard.clear()
    return True
