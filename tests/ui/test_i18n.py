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


def _unfinished(ts: Path) -> list[str]:
    out = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or not translation.text or translation.get("type"):
            out.append(message.findtext("source") or "")
    return out


@pytest.mark.parametrize("source", i18n_build.sources(), ids=lambda p: p.name)
def test_every_string_in_the_code_has_an_english_translation(source: Path,
                                                              tmp_path: Path) -> None:
    catalogue = i18n_build.catalogue_for(source, "en")
    copy = tmp_path / "copy.ts"
    if catalogue.is_file():
        # Without a target language lupdate refuses to update a catalogue and says so only on
        # stderr: new strings would then go unnoticed here.
        language = ET.parse(catalogue).getroot().get("language") or ""
        assert language.startswith("en"), f"{catalogue.name}: language is {language!r}"
        shutil.copy(catalogue, copy)
    i18n_build.lupdate(source, copy)
    assert _unfinished(copy) == [], f"translate them in {catalogue.relative_to(ROOT)}"


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[list[QTranslator]]:
    translators = []
    for ts in sorted((resources_dir() / "i18n" / "en").glob("*.ts")):
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([i18n_build._tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True)
        translator = QTranslator()
        assert translator.load(str(qm))
        qapp.installTranslator(translator)
        translators.append(translator)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_english_catalogue_translates_the_screens(qtbot: QtBot, english: list[QTranslator],
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
