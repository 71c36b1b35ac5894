"""The review page never shows a full personnummer: both values of a number set aside by an
import appear masked, and choosing a number another person holds shows the refusal."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.services.session import Services
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.reviews import ReviewsPage
from app.ui.table_models.reviews import ReviewsModel
from app.ui.tasks import InlineRunner
from tests.unit.test_merge_review_pnr import PNR_A, _set_aside


def test_the_number_is_masked_and_a_clash_is_explained(qtbot: QtBot, services: Services,
                                                        settings: QSettings) -> None:
    _set_aside(services)
    page = ReviewsPage(PageContext(services, InlineRunner(), Events(), settings))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[ReviewsModel.KEPT] == "—" and row[ReviewsModel.OTHER] == "19800101-****"
    assert not any(PNR_A in str(v) or PNR_A[8:] in str(v) for v in row)
    qtbot.mouseClick(page.take, Qt.MouseButton.LeftButton)
    assert page.message.isVisible() and "Anna Ek" in page.message.text()
    assert page.model.rowCount() == 1
