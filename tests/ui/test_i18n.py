"""English catalogue: complete for every string in the code, and loaded when chosen."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import resources_dir
from app.ui import i18n_build
from app.ui.dialogs.unlock import UnlockDialog
from app.ui.labels import count_text
from app.ui.language import chosen_language, install_language
from app.ui.tasks import InlineRunner

ROOT = resources_dir().parent
TS = resources_dir() / "i18n" / "mottryck_en.ts"


def _unfinished(ts: Path) -> list[str]:
    out = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or not translation.text or translation.get("type"):
            out.append(message.findtext("source") or "")
    return out


def test_every_string_in_the_code_has_an_english_translation(tmp_path: Path) -> None:
    copy = tmp_path / "mottryck_en.ts"
    shutil.copy(TS, copy)
    files = [str(p) for p in sorted((ROOT / "app" / "ui").rglob("*.py"))]
    subprocess.run([i18n_build._tool("lupdate"), "-silent", "-locations", "none", *files,
                    str(ROOT / "app" / "main.py"), "-ts", str(copy)], check=True)
    assert _unfinished(copy) == []


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[QTranslator]:
    qm = tmp_path / "mottryck_en.qm"
    subprocess.run([i18n_build._tool("lrelease"), "-silent", str(TS), "-qm", str(qm)],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_the_english_catalogue_translates_the_screens(qtbot: QtBot, english: QTranslator,
                                                      vault_dir: Path) -> None:
    assert QCoreApplication.translate("labels", "Skyddstillsyn") == "Probation"
    dialog = UnlockDialog(vault_dir, InlineRunner())
    qtbot.addWidget(dialog)
    assert dialog.unlock_button.text() == "Unlock"
    english_uk = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert count_text(12345, english_uk) == "12,345 people"


def test_language_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                             qapp: QApplication) -> None:
    monkeypatch.setenv("MOTTRYCK_LANG", "en")
    assert chosen_language() == "en"
    monkeypatch.setenv("MOTTRYCK_LANG", "xx")
    assert chosen_language() == "sv"
    previous = QLocale()
    installed = install_language(qapp, "sv")
    try:
        assert QLocale().language() == QLocale.Language.Swedish
        # Qt's own standard buttons speak Swedish too; our source text needs no catalogue.
        assert QCoreApplication.translate("QPlatformTheme", "Close") == "Stäng"
        assert len(installed) == 1
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)
