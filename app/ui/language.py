"""Language of the screens: Swedish is the source text; other languages come from ``.qm``
catalogues built from ``resources/i18n/mottryck_<lang>.ts`` (see app/ui/i18n_build.py)."""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app import i18n
from app.paths import resources_dir

SOURCE_LANGUAGE = "sv"
LANG_ENV = "MOTTRYCK_LANG"
_LOCALES = {
    "sv": QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def chosen_language() -> str:
    lang = os.environ.get(LANG_ENV, SOURCE_LANGUAGE).strip().lower()
    return lang if lang in _LOCALES else SOURCE_LANGUAGE


def install_language(app: QApplication, lang: str) -> QTranslator | None:
    """Number formats for ``lang`` and, unless it is the source language, its catalogue.

    Returns the installed translator (keep a reference: Qt does not own it), or None when
    Swedish was chosen or no built catalogue exists (then the Swedish text shows).
    """
    QLocale.setDefault(_LOCALES.get(lang, _LOCALES[SOURCE_LANGUAGE]))
    i18n.set_language(lang)
    if lang == SOURCE_LANGUAGE:
        return None
    translator = QTranslator(app)
    if not translator.load(str(resources_dir() / "i18n" / f"mottryck_{lang}.qm")):
        return None
    app.installTranslator(translator)
    return translator
