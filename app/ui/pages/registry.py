"""The pages of the main window, in navigation order."""

from __future__ import annotations

from app.ui.pages.base import Page


def page_classes() -> list[type[Page]]:
    from app.ui.pages.audit import AuditPage
    from app.ui.pages.callins import CallInsPage
    from app.ui.pages.disclosures import DisclosuresPage
    from app.ui.pages.groups import GroupsPage
    from app.ui.pages.helpline import HelplinePage
    from app.ui.pages.incidents import IncidentsPage
    from app.ui.pages.letters import LetterTemplatesPage
    from app.ui.pages.measures import MeasuresPage
    from app.ui.pages.network import NetworkPage
    from app.ui.pages.notifications import NotificationsPage
    from app.ui.pages.overview import OverviewPage
    from app.ui.pages.partners import PartnersPage
    from app.ui.pages.people import PeoplePage
    from app.ui.pages.reviews import ReviewsPage
    from app.ui.pages.support import SupportPage

    return [OverviewPage, PeoplePage, GroupsPage, NetworkPage, IncidentsPage, CallInsPage,
            NotificationsPage, SupportPage, HelplinePage, MeasuresPage, LetterTemplatesPage,
            PartnersPage, ReviewsPage, DisclosuresPage, AuditPage]


# Which page shows records of each kind (for Page.open_record routing).
RECORD_PAGES = {"person": "people", "group": "groups", "incident": "incidents",
                "audit": "audit", "letter_template": "letters", "callin": "callins",
                "notification": "notifications", "partner": "partners",
                "helpline_contact": "helpline", "referral": "support",
                "service_provider": "support"}
