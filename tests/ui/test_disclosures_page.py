"""The disclosure register page: the model, filters, details, empty states and the printout
recorded only when it leaves the program."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services import audit
from app.services.session import Services
from app.ui.dialogs.letter_preview import LetterPreview
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.disclosures import DisclosuresPage
from app.ui.table_models.disclosures import DisclosuresModel
from app.ui.tasks import InlineRunner
from tests.unit.test_disclosures import put


@pytest.fixture
def page(qtbot: QtBot, services: Services, runner: InlineRunner,
         tmp_path: Path) -> DisclosuresPage:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    widget = DisclosuresPage(PageContext(services, runner, Events(), settings))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def prints(services: Services) -> list[str]:
    return [str((e.detail or {}).get("output")) for e in audit.list_events(services.db)
            if e.action == "print" and e.entity_type == "disclosure"]


def test_model_without_a_window(services: Services) -> None:
    put(services, datetime(2024, 1, 10, 12), purpose="Lägesbild\nmer text")
    model = DisclosuresModel()
    model.set_rows(services.disclosures.list())
    assert model.rowCount() == 1 and model.columnCount() == 7
    assert model.data(model.index(0, DisclosuresModel.DIRECTION)) == "Utlämnat"
    assert model.data(model.index(0, DisclosuresModel.PURPOSE)) == "Lägesbild"
    assert model.data(model.index(0, DisclosuresModel.RECORDS)) == "4"
    assert model.data(model.index(0, DisclosuresModel.WHEN)).startswith("2024-01-1")


def test_filters_details_and_empty_states(qtbot: QtBot, page: DisclosuresPage,
                                          services: Services) -> None:
    page.activate()
    assert page.panel.currentWidget() is page.empty and "tomt" in page.empty.text()
    put(services, datetime(2024, 1, 10, 12), partner="Frivården Väst", note="Samtycke 17")
    put(services, datetime(2024, 6, 1, 12), "import", partner="Socialtjänsten")
    page.load()
    assert page.model.rowCount() == 2
    assert page.heading.text().startswith("Mottaget från Socialtjänsten")
    page.direction.setCurrentIndex(page.direction.findData("export"))
    assert page.model.rowCount() == 1
    assert page.detail["note"].text() == "Samtycke 17"
    assert "Personer 3" in page.detail["counts"].text()
    assert "Norra" in page.detail["scope"].text()
    qtbot.keyClicks(page.search, "ingenting sådant")
    page.load()
    assert page.model.rowCount() == 0 and "matchar" in page.empty.text()
    page.clear()
    assert page.model.rowCount() == 0 and page.search.text() == ""


def test_print_preview_records_only_when_saved(qtbot: QtBot, page: DisclosuresPage,
                                               services: Services, tmp_path: Path) -> None:
    put(services, datetime(2024, 1, 10, 12))
    page.activate()
    page.print_register()
    [preview] = page.findChildren(LetterPreview)
    assert preview.page_count >= 1 and prints(services) == []
    preview.save_to(tmp_path / "register.pdf")
    assert (tmp_path / "register.pdf").read_bytes().startswith(b"%PDF")
    assert prints(services) == ["pdf"]
    preview.close()
