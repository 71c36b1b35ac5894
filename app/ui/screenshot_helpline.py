"""The help-line and follow-through screens for ``app.ui.screenshots``: Avhopparlinjen with the
demo's contacts, the form as it looks during a call, and a group's "Ökat fokus" tab with one of
its rounds open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.services.session import Services
from app.ui.main_window import MainWindow
from app.ui.pages.groups import GroupsPage
from app.ui.pages.helpline import HelplinePage
from app.ui.table_models.helpline import HelplineModel

Save = Callable[[QWidget, Path], Path]


def _group_with_rounds(services: Services) -> str:
    """The group with the most rounds, a running one first."""
    rounds = services.followthrough.list(limit=2000)
    score: dict[str, tuple[int, int]] = {}
    for r in rounds:
        running, total = score.get(r.group_id, (0, 0))
        score[r.group_id] = (running + (not r.ended), total + 1)
    return max(score, key=lambda gid: (min(score[gid][0], 1), score[gid][1]))


def helpline_screens(window: MainWindow, services: Services, outdir: Path,
                     save: Save) -> list[Path]:
    written: list[Path] = []
    page = window.show_page("helpline")
    assert isinstance(page, HelplinePage)
    # Sorted by the follow-up day: the ones due (red) on top, as staff check them.
    page.view.sortByColumn(HelplineModel.FOLLOW_UP, Qt.SortOrder.AscendingOrder)
    written.append(save(window, outdir / "helpline.png"))
    page.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

    form = page.new_contact()
    form.asked.setPlainText("Vill lämna gänget men är rädd för vad som händer med "
                            "lillebror. Har skulder till en äldre i gruppen.")
    form.offered.setPlainText("Stödsamtal med avhopparverksamheten; kontakt med "
                              "skuldrådgivningen.")
    form.follow_up.setPlainText("Ringer tillbaka när han pratat med sin mamma.")
    form.tomorrow.click()
    try:
        written.append(save(form, outdir / "helpline-contact.png"))
    finally:
        form.discard()

    groups = window.show_page("groups")
    assert isinstance(groups, GroupsPage)
    dialog = groups.open_group(_group_with_rounds(services))
    try:
        dialog.tabs.setCurrentWidget(dialog.followthrough)
        dialog.followthrough.view.selectRow(0)
        written.append(save(dialog, outdir / "group-followthrough.png"))
        edit = dialog.followthrough.edit_selected()
        if edit is not None:
            written.append(save(edit, outdir / "followthrough-round.png"))
            edit.discard()
    finally:
        dialog.discard()
    return written
