"""Step 6 of the call-in wizard: everything planned, in words, before "Skapa"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.services.callin_dto import CallInPlan
from app.ui.dialogs.callin_wizard_details import PlanPage
from app.ui.labels import speaker_role_label
from app.ui.pages.base import PageContext


@dataclass(frozen=True)
class Review:
    """The plan with the names the review needs (the plan itself holds ids)."""

    plan: CallInPlan
    group_names: list[str]
    person_names: dict[str, str]
    logistics: list[str]


class ReviewPage(PlanPage):
    def __init__(self, context: PageContext, review: Callable[[], Review],
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Granska"))
        self.setSubTitle(self.tr("Kontrollera planen. ”Skapa” sparar den som en planerad "
                                 "call-in; ”Tillbaka” låter dig ändra."))
        self._review = review
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        self.text.setHtml(self.html(self._review()))

    def html(self, r: Review) -> str:
        p = r.plan
        none = escape(self.tr("–"))

        def row(label: str, value: str | None) -> str:
            shown = escape(value).replace("\n", "<br>") if value else none
            return f"<tr><th align='left' valign='top'>{escape(label)}</th><td>{shown}</td></tr>"

        when = _when(p.starts_at)
        parts = [f"<h3>{escape(p.title) or none}</h3><table cellspacing='4'>",
                 row(self.tr("Datum och tid"), when), row(self.tr("Plats"), p.venue),
                 row(self.tr("Säkerhetsplan"), p.security_plan),
                 row(self.tr("Praktiskt"), p.practical_notes),
                 row(self.tr("Grupper"), ", ".join(r.group_names)), "</table>"]
        invited = self.tr("Inbjudna (%n)", "", len(p.invitees))
        parts.append(f"<h4>{escape(invited)}</h4><ul>")
        for inv in p.invitees:
            name = escape(r.person_names.get(inv.person_id, inv.person_id))
            parts.append(f"<li><b>{name}</b> – {escape(inv.reason or '') or none}</li>")
        parts.append("</ul>")
        total = sum(sp.minutes or 0 for sp in p.speakers)
        programme = self.tr("Program (%1 min)").replace("%1", str(total))
        parts.append(f"<h4>{escape(programme)}</h4><ol>")
        for sp in p.speakers:
            slot = self.tr("%1: %2 (%3 min)").replace("%1", speaker_role_label(sp.role)) \
                .replace("%2", sp.name).replace("%3", str(sp.minutes or 0))
            parts.append(f"<li>{escape(slot)}</li>")
        parts.append("</ol>")
        logistics = self.tr("Logistik")
        parts.append(f"<h4>{escape(logistics)}</h4>")
        parts.append(escape(", ".join(r.logistics)) if r.logistics
                     else escape(self.tr("Inget avbockat än.")))
        return "".join(parts)

    def clear(self) -> None:
        super().clear()
        self.text.clear()


def _when(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%d %H:%M") if value else None
