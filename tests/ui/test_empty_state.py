"""A register's empty state shows what was typed as text, never as markup."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.ui.widgets.empty_state import EmptyState


def test_a_search_text_with_markup_is_shown_as_typed(qtbot: QtBot) -> None:
    empty = EmptyState()
    qtbot.addWidget(empty)
    empty.say("Ingen remiss matchar ”<b>Ö&B</b>”", "Töm sökrutan.")
    assert "&lt;b&gt;Ö&amp;B&lt;/b&gt;" in empty.text()
    assert "<b>" not in empty.text() and empty.text().startswith("<h3>")
