"""The partner screens for ``app.ui.screenshots``: a second, invented working group to exchange
bundles with, so the partners, the disclosure register, the review list and both bundle
wizards show what they look like in use.

Unit Norr pins the colleagues in Söder (both ways) and three partners without Mottryck (age
keys made up on the spot). Norr sends its register to Söder; both then set one person's
frivård end date differently offline, and Söder's answer is what the import wizard previews:
everything unchanged but that person, whose other end date goes to the review list.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pyrage import x25519

from app.models.enums import FrivardStatus
from app.services.session import Services, create_vault
from app.services.unit_keys import unit_keys
from app.ui.dialogs import bundle_export
from app.ui.dialogs.bundle_export import BundleExportWizard
from app.ui.dialogs.bundle_export_steps import NEW_DUTY
from app.ui.dialogs.bundle_import import BundleImportWizard
from app.vault.kdf import KdfParams

LEGAL = "Samma arbetsgrupp, Sluta skjut"


@dataclass(frozen=True)
class Exchange:
    colleague_id: str  # the partner shown selected on the partners page
    civil_id: str  # the partner the export wizard is shown for
    answer: Path  # Söder's bundle, not yet imported


def _pin(here: Services, there: Services, name: str) -> str:
    keys = unit_keys(there.db)
    return here.partners.add({"name": name, "kind": "team", "age_recipient": keys.age_recipient,
                              "signing_key": keys.signing_public_key,
                              "unit_id": keys.unit_id}).id


def _outside(services: Services, name: str, kind: str) -> str:
    recipient = str(x25519.Identity.generate().to_public())
    return services.partners.add({"name": name, "kind": kind, "age_recipient": recipient}).id


@contextmanager
def exchange(services: Services, base: Path, group: str) -> Iterator[Exchange]:
    """Partners, two exports already in the register and Söder's answer waiting."""
    other, _recovery = create_vault(base / "Enhet Söder", "bengt", "låtsas också",
                                    kdf_params=KdfParams.testing(),
                                    unit_name="Sluta skjut Söder")
    try:
        to_other = _pin(services, other, "Sluta skjut Söder")
        to_us = _pin(other, services, "Sluta skjut Norr")
        police = _outside(services, "Polisen, lokalpolisområde Norr", "police")
        _outside(services, "Socialtjänsten Norrby", "social")
        civil = _outside(services, "Föreningen Unga Röster", "civil")
        services.bundles.export(police, base / "polisen.age", legal_basis=NEW_DUTY,
                                purpose="Lägesbild inför call-in", groups=[group],
                                basis_note="Behövs för att förebygga våld; väger tyngre än "
                                           "sekretessintresset för gruppens medlemmar.",
                                since=date.today().replace(day=1))
        sent = services.bundles.export(to_other, base / "till-soder.age", legal_basis=LEGAL,
                                       purpose="Gemensamt register")
        other.bundles.import_bundle(sent.path)
        people = services.people.search("", limit=300, log=False)
        person = next((p.id for p in people if p.frivard_status != FrivardStatus.NONE),
                      people[0].id)
        services.people.update(person, {"frivard_to": date(2028, 6, 30)})
        other.people.update(person, {"frivard_to": date(2028, 9, 30)})
        answer = other.bundles.export(to_us, base / "fran-soder.age", legal_basis=LEGAL,
                                      purpose="Gemensamt register")
        yield Exchange(to_other, civil, Path(answer.path))
    finally:
        other.lock()


def export_on_profile(wizard: BundleExportWizard, partner_id: str) -> BundleExportWizard:
    """The export wizard on "what will leave", for ``partner_id``."""
    wizard.partner_step.choose(partner_id)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == bundle_export.PROFILE
    return wizard


def import_on_preview(wizard: BundleImportWizard, path: Path) -> BundleImportWizard:
    wizard.choose.path.setText(str(path))
    wizard.next()
    if wizard.preview.checked is None:
        raise SystemExit(f"the import preview refused: {wizard.preview.refusal.text()}")
    return wizard
