"""Opening a vault for work: unlock, migrate, and the login entry in the audit log.

This is the one place that turns a ``Vault`` into the services the CLI and the UI use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.services import audit
from app.services.audit import Action
from app.services.bundles import BundleService
from app.services.callins import CallInService
from app.services.consents import ConsentService
from app.services.db import Db
from app.services.disclosures import DisclosureService
from app.services.drafts import DraftService
from app.services.followthrough import FollowThroughService
from app.services.groups import GroupService
from app.services.helpline import HelplineService
from app.services.incidents import IncidentService
from app.services.letters import LetterService
from app.services.measures import MeasuresService
from app.services.merge_review import ReviewService
from app.services.notifications import NotificationService
from app.services.partners import PartnerService
from app.services.people import PeopleService
from app.services.providers import ServiceProviderService
from app.services.referrals import ReferralService
from app.services.unit_keys import UnitKeyService
from app.vault.kdf import KdfParams
from app.vault.vault import UnlockedVault, Vault


@dataclass
class Services:
    vault: UnlockedVault
    db: Db
    people: PeopleService = field(init=False)
    groups: GroupService = field(init=False)
    incidents: IncidentService = field(init=False)
    callins: CallInService = field(init=False)
    notifications: NotificationService = field(init=False)
    letters: LetterService = field(init=False)
    drafts: DraftService = field(init=False)
    partners: PartnerService = field(init=False)
    unit: UnitKeyService = field(init=False)  # this unit's keys for bundles
    bundles: BundleService = field(init=False)
    reviews: ReviewService = field(init=False)  # merge disagreements for a person to decide
    disclosures: DisclosureService = field(init=False)  # the register of bundles
    helpline: HelplineService = field(init=False)  # help-line contacts
    followthrough: FollowThroughService = field(init=False)  # ökat fokus against groups
    providers: ServiceProviderService = field(init=False)  # help to leave: who offers what
    consents: ConsentService = field(init=False)
    referrals: ReferralService = field(init=False)
    measures: MeasuresService = field(init=False)  # the working group's measures, report

    def __post_init__(self) -> None:
        self.people = PeopleService(self.db)
        self.groups = GroupService(self.db)
        self.incidents = IncidentService(self.db)
        self.callins = CallInService(self.db)
        self.notifications = NotificationService(self.db)
        self.letters = LetterService(self.db)
        self.drafts = DraftService(self.db)
        self.partners = PartnerService(self.db)
        self.unit = UnitKeyService(self.db)
        self.bundles = BundleService(self.db)
        self.reviews = ReviewService(self.db)
        self.disclosures = DisclosureService(self.db)
        self.helpline = HelplineService(self.db)
        self.followthrough = FollowThroughService(self.db)
        self.providers = ServiceProviderService(self.db)
        self.consents = ConsentService(self.db)
        self.referrals = ReferralService(self.db)
        self.measures = MeasuresService(self.db)

    @property
    def user(self) -> str:
        return self.db.user

    def lock(self) -> None:
        self.vault.lock()


def _start(unlocked: UnlockedVault, action_detail: dict[str, object] | None = None) -> Services:
    db = Db(unlocked)
    with db.write() as s:
        if unlocked.failed_attempts_before:
            # Failures can't be written while the vault is locked; they are counted in the
            # back-off file and entered here, before the login that ended them.
            audit.record(s, Action.FAILED_LOGIN, "vault", unlocked.vault_id,
                         detail={"attempts": unlocked.failed_attempts_before})
        audit.record(s, Action.LOGIN, "vault", unlocked.vault_id, detail=action_detail)
    db.refresh_statistics()
    return Services(unlocked, db)


def open_vault(folder: Path | str, user: str, passphrase: str) -> Services:
    return _start(Vault(folder).unlock(user, passphrase))


def open_with_recovery(folder: Path | str, recovery_key: str) -> Services:
    return _start(Vault(folder).unlock_with_recovery(recovery_key), {"method": "recovery"})


def create_vault(folder: Path | str, user: str, passphrase: str, *,
                 kdf_params: KdfParams | None = None, unit_name: str = "") -> tuple[Services, str]:
    """Create a vault and open it; returns the services and the recovery key (show once)."""
    unlocked, recovery = Vault.create(folder, user, passphrase, kdf_params=kdf_params,
                                      unit_name=unit_name)
    db = Db(unlocked)
    with db.write() as s:
        audit.record(s, Action.CREATE, "vault", unlocked.vault_id)
    return Services(unlocked, db), recovery
