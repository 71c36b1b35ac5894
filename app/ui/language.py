"""Language of the screens: Swedish is the source text; other languages come from the ``.qm``
catalogues built from ``resources/i18n/<lang>/*.ts`` (see app/ui/i18n_build.py)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from app import i18n
from app.paths import resources_dir

SOURCE_LANGUAGE = "sv"
LANG_ENV = "MOTTRYCK_LANG"
LANGUAGE_KEY = "ui/language"  # chosen in the settings dialog
_LOCALES = {
    "sv": QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def languages() -> tuple[str, ...]:
    return tuple(_LOCALES)


def chosen_language(settings: QSettings | None = None) -> str:
    """``MOTTRYCK_LANG`` if set (tests, demos), else the setting, else Swedish."""
    lang = os.environ.get(LANG_ENV, "").strip().lower()
    if not lang and settings is not None:
        lang = str(settings.value(LANGUAGE_KEY, "") or "").strip().lower()
    return lang if lang in _LOCALES else SOURCE_LANGUAGE


def language_from_environment() -> bool:
    return bool(os.environ.get(LANG_ENV, "").strip())


def _load(app: QApplication, path: Path) -> QTranslator | None:
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return None
    app.installTranslator(translator)
    return translator


def install_language(app: QApplication, lang: str) -> list[QTranslator]:
    """Number formats for ``lang``, Qt's own texts (standard buttons such as "Stäng") and,
    unless it is the source language, our catalogue; the language installed before is
    removed first, so this also switches. Returns the installed translators (held here as
    well: Qt does not own them); a catalogue not built yet is skipped and the Swedish text
    shows. Widgets built before the switch keep their text: the caller rebuilds them."""
    global _current
    lang = lang if lang in _LOCALES else SOURCE_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(_LOCALES[lang])
    i18n.set_language(lang)
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    paths = [qt_dir / f"qtbase_{lang}.qm"]
    if lang != SOURCE_LANGUAGE:
        paths += sorted((resources_dir() / "i18n" / lang).glob("*.qm"))
    _installed.extend(t for t in (_load(app, p) for p in paths) if t is not None)
    _current = lang
    return list(_installed)


def current_language() -> str:
    """The language installed last (Swedish before any)."""
    return _current
