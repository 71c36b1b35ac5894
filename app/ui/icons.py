"""Icons shipped in resources/icons (simple SVG line icons, drawn for Mottryck)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from app.paths import resources_dir


@cache
def page_icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon if there is none."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
