"""The dependency rule, checked on the source: ui → services → vault/models, never back."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
CORE = ("models", "vault", "services", "exchange", "letters")
QT_ALLOWED = {"main.py", "__main__.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(*parts: str) -> list[Path]:
    return sorted(p for part in parts for p in (APP / part).rglob("*.py"))


def test_core_never_imports_qt_or_ui() -> None:
    offenders = {
        str(f.relative_to(APP)): sorted(n for n in _imports(f)
                                        if n.startswith(("PySide6", "app.ui", "app.cli")))
        for f in _files(*CORE)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_ui_never_imports_sqlalchemy_or_models() -> None:
    # app.models.enums is plain StrEnum vocabulary that the services' DTOs carry; the ORM
    # classes themselves stay out of the UI.
    offenders = {
        str(f.relative_to(APP)): sorted(
            n for n in _imports(f)
            if n.startswith(("sqlalchemy", "app.models", "alembic")) and n != "app.models.enums")
        for f in _files("ui")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_lower_layers_never_import_services() -> None:
    offenders = {
        str(f.relative_to(APP)): sorted(n for n in _imports(f) if n.startswith("app.services"))
        for f in _files("models", "vault", "exchange")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_command_line_does_not_load_qt() -> None:
    offenders = {
        str(f.relative_to(APP)): sorted(n for n in _imports(f) if n.startswith("PySide6"))
        for f in _files("cli")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
