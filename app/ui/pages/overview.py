"""Översikt: the working group's situation at a glance — a row of numbers, then the short lists
of what needs attention. Double-click (or Enter) on a row opens that record."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.helpline import HelplineContactDTO, HelplineService
from app.services.overview import LIST_LIMIT, WINDOW_DAYS, OverviewDTO, OverviewService
from app.ui.crash import user_message
from app.ui.icons import page_icon
from app.ui.labels import date_text
from app.ui.pages.base import Page, PageContext
from app.ui.table_models.attention import (
    FrivardEndingModel,
    ReferralsOverdueModel,
    ReviewsDueModel,
    UncodedModel,
)
from app.ui.table_models.helpline import HelplineDueModel
from app.ui.widgets.attention_list import AttentionList
from app.ui.widgets.stat_card import StatCard


def _summary(overview: OverviewService, log: bool) -> OverviewDTO:
    """Runs on the lane."""
    return overview.summary(log=log)


def _follow_ups(helpline: HelplineService, log: bool) -> list[HelplineContactDTO]:
    """Runs on the lane: help-line follow-ups whose day has come (the service logs the
    consultation when ``log`` and there are any)."""
    return helpline.follow_ups_due(log=log)


class OverviewPage(Page):
    key = "overview"
    watches = ("group", "membership", "group_relation", "person", "incident", "referral",
               "notification", "callin", "helpline_contact")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._overview = OverviewService(context.services.db)
        self._logged = False  # the first load is the consultation; reloads after edits are not

        self.heading = QLabel(self.tr("Översikt"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.period = QLabel()
        self.period.setStyleSheet("color: palette(placeholder-text);")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.hide()

        self.cards = {name: StatCard() for name in (
            "groups", "people", "shootings", "explosions", "harmed", "conflicts",
            "notified", "repeatedly", "doses", "next_callin")}
        self._cards = QGridLayout()
        self._cards.setSpacing(10)

        self.reviews = AttentionList(
            self.tr("Prioriteringar att ompröva"),
            self.tr("Grupper vars omprövningsdatum har passerat."), ReviewsDueModel(self))
        self.frivard = AttentionList(
            self.tr("Frivård som upphör"),
            self.tr("Villkorlig frigivning, skyddstillsyn m.m. som upphör inom 30 dagar."),
            FrivardEndingModel(self))
        self.uncoded = AttentionList(
            self.tr("Händelser att koda"),
            self.tr("Händelser de senaste 30 dagarna där gruppkopplingen (GMI) är okänd."),
            UncodedModel(self))
        self.referrals = AttentionList(
            self.tr("Försenade insatser"),
            self.tr("Remisser vars datum har passerat utan att de avslutats."),
            ReferralsOverdueModel(self))
        self.referrals.hide()  # shown only when some referral is overdue
        self.follow_ups = AttentionList(
            self.tr("Uppföljningar från avhopparlinjen"),
            self.tr("Kontakter där en utlovad uppföljning skulle ha gjorts."),
            HelplineDueModel(self))
        self.follow_ups.hide()  # shown only when some follow-up is due
        self._sections = QGridLayout()
        self._sections.setHorizontalSpacing(24)
        self._sections.setVerticalSpacing(18)
        for section in self._lists():
            section.open_record.connect(self.open_record)
        self._columns = 0
        self._reflow(1200)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(16, 12, 16, 16)
        body.setSpacing(12)
        body.addWidget(self.heading)
        body.addWidget(self.period)
        body.addWidget(self.error_label)
        body.addLayout(self._cards)
        body.addSpacing(8)
        body.addLayout(self._sections)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(event.size().width())

    def _reflow(self, width: int) -> None:
        """Five cards and two lists a row on a wide window; on a narrow one (a 1366
        px laptop with the navigation open and the window halved) three cards and one list
        a row, so nothing is cut off and no sideways scrolling is needed."""
        columns = 5 if width >= 1000 else 3
        if columns == self._columns:
            return
        self._columns = columns
        for n, card in enumerate(self.cards.values()):
            self._cards.addWidget(card, n // columns, n % columns)
        for column in range(5):  # equal widths, so no caption is squeezed by its neighbours
            self._cards.setColumnStretch(column, 1 if column < columns else 0)
        lists = 2 if columns == 5 else 1
        for n, section in enumerate(self._lists()):
            self._sections.addWidget(section, n // lists, n % lists)
        for column in range(2):
            self._sections.setColumnStretch(column, 1 if column < lists else 0)

    def _lists(self) -> tuple[AttentionList, ...]:
        return (self.reviews, self.frivard, self.uncoded, self.referrals, self.follow_ups)

    # ---- page life cycle -----------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Översikt")

    def icon(self) -> QIcon:
        return page_icon("overview")

    def load(self) -> None:
        self.context.runner.run(_summary, self._overview, not self._logged,
                                on_done=self._show, on_error=self._failed)
        self.context.runner.run(_follow_ups, self.context.services.helpline, not self._logged,
                                on_done=self._show_follow_ups, on_error=self._failed)

    def clear(self) -> None:
        super().clear()
        self._logged = False
        for card in self.cards.values():
            card.clear()
        for section in self._lists():
            section.clear()
        self.referrals.hide()
        self.follow_ups.hide()
        self.period.clear()
        self.error_label.hide()

    # ---- showing -------------------------------------------------------------------------------
    def _show(self, dto: OverviewDTO) -> None:
        self._logged = True
        self.error_label.hide()
        first = dto.today - timedelta(days=WINDOW_DAYS - 1)
        self.period.setText(self.tr("Läget %1. Händelser räknas från %2 till och med %1.")
                            .replace("%1", date_text(dto.today))
                            .replace("%2", date_text(first)))
        n = dto.active_groups
        self.cards["groups"].set_value(
            n, self.tr("aktiv grupp") if n == 1 else self.tr("aktiva grupper"))
        n = dto.people_in_active_groups
        self.cards["people"].set_value(
            n, self.tr("person i aktiva grupper") if n == 1
            else self.tr("personer i aktiva grupper"))
        n = dto.shootings
        self.cards["shootings"].set_value(
            n, self.tr("skjutning senaste 30 dagarna") if n == 1
            else self.tr("skjutningar senaste 30 dagarna"))
        n = dto.explosions
        self.cards["explosions"].set_value(
            n, self.tr("sprängning senaste 30 dagarna") if n == 1
            else self.tr("sprängningar senaste 30 dagarna"))
        self.cards["harmed"].set_value(
            f"{QLocale().toString(dto.killed)} / {QLocale().toString(dto.injured)}",
            self.tr("döda / skadade senaste 30 dagarna"))
        n = dto.current_conflicts
        self.cards["conflicts"].set_value(
            n, self.tr("pågående konflikt") if n == 1 else self.tr("pågående konflikter"))
        self._show_process(dto)
        self.reviews.set_items(dto.reviews_due, dto.reviews_due_total)
        self.frivard.set_items(dto.frivard_ending, dto.frivard_ending_total)
        self.uncoded.set_items(dto.uncoded, dto.uncoded_total)
        self.referrals.set_items(dto.referrals_overdue, dto.referrals_overdue_total)
        self.referrals.setVisible(bool(dto.referrals_overdue_total))

    def _show_follow_ups(self, due: list[HelplineContactDTO]) -> None:
        self.follow_ups.set_items(tuple(due[:LIST_LIMIT]), len(due))
        self.follow_ups.setVisible(bool(due))

    def _show_process(self, dto: OverviewDTO) -> None:
        """The message's reach since ``doses_since`` (12 months) and the next call-in."""
        since = date_text(dto.doses_since) if dto.doses_since else ""
        n = dto.people_notified
        self.cards["notified"].set_value(
            n, self.tr("person nådd senaste 12 månaderna") if n == 1
            else self.tr("personer nådda senaste 12 månaderna"))
        self.cards["notified"].setToolTip(self.tr(
            "Personer som fått budskapet i ett riktat samtal eller på en call-in sedan %1.")
            .replace("%1", since))
        self.cards["repeatedly"].set_value(
            dto.people_notified_repeatedly, self.tr("av dem mer än en gång"))
        n = dto.doses
        self.cards["doses"].set_value(
            n, self.tr("dos senaste 12 månaderna") if n == 1
            else self.tr("doser senaste 12 månaderna"))
        self.cards["doses"].setToolTip(self.tr(
            "Riktade samtal och call-ins som någon deltog i, räknade per person, sedan %1.")
            .replace("%1", since))
        upcoming = dto.next_callin
        if upcoming is None:
            self.cards["next_callin"].set_value("–", self.tr("ingen call-in planerad"))
            return
        when = upcoming.starts_at.strftime("%Y-%m-%d") if upcoming.starts_at else "?"
        caption = self.tr("nästa call-in: %1").replace("%1", upcoming.title or "–")
        if dto.upcoming_callins > 1:
            caption += " " + self.tr("(%1 planerade)").replace("%1", str(dto.upcoming_callins))
        self.cards["next_callin"].set_value(when, caption)

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(user_message(exc))
        self.error_label.show()
