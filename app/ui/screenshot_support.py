"""The help-to-leave screens for ``app.ui.screenshots``: the Stöd page's register of open
referrals and its catalogue of providers, a referral's window with its history, the sending
step with the person's consent chosen, and a person's Stöd tab."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from app.models.enums import ReferralStatus
from app.services.referrals import ReferralDTO
from app.services.session import Services
from app.ui.dialogs.person import PersonWindow
from app.ui.main_window import MainWindow
from app.ui.pages.support import OPEN, SupportPage

Save = Callable[[QWidget, Path], Path]


def _furthest(referrals: list[ReferralDTO]) -> ReferralDTO:
    """A referral with a long history sent on a consent: started, else accepted, else any."""
    rank = {ReferralStatus.STARTED: 3, ReferralStatus.ACCEPTED: 2, ReferralStatus.SENT: 1}
    return max(referrals, key=lambda r: (rank.get(r.status, 0), r.consent_id is not None,
                                         bool(r.feedback), r.proposed_on))


def _to_send(services: Services, referrals: list[ReferralDTO]) -> ReferralDTO | None:
    """A proposal whose person has a consent in force, so the sending step has one to pick."""
    for r in referrals:
        if r.status is ReferralStatus.PROPOSED and r.provider_id and \
                services.consents.active_for_person(r.person_id, log=False):
            return r
    return next((r for r in referrals if r.status is ReferralStatus.PROPOSED
                 and r.provider_id), None)


def support_screens(window: MainWindow, services: Services, outdir: Path,
                    save: Save) -> list[Path]:
    written: list[Path] = []
    page = window.show_page("support")
    assert isinstance(page, SupportPage)
    page.status_filter.setCurrentIndex(page.status_filter.findData(OPEN))
    page.reload()
    page.view.selectRow(0)
    written.append(save(window, outdir / "support.png"))
    page.tabs.setCurrentWidget(page.providers)
    page.providers.view.selectRow(0)
    written.append(save(window, outdir / "providers.png"))
    page.tabs.setCurrentIndex(0)

    referrals = services.referrals.list(log=False)
    shown = _furthest(referrals)
    referral = page.open_referral(shown.id)
    referral.resize(900, 680)
    written.append(save(referral, outdir / "referral.png"))
    referral.discard()

    proposal = _to_send(services, referrals)
    if proposal is not None:
        referral = page.open_referral(proposal.id)
        referral.step(ReferralStatus.SENT)
        step = referral.step_dialog
        if step is not None:
            step.note.setPlainText("Skickad med säker e-post; första möte bokas av utföraren.")
            written.append(save(step, outdir / "referral-step.png"))
        referral.discard()

    window.open_record("person", shown.person_id)
    person = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, PersonWindow) and w.isVisible())
    person.tabs.setCurrentWidget(person.support)
    written.append(save(person, outdir / "person-support.png"))
    person.discard()
    return written
