"""Every refusal SECURITY.md lists, through the import service between two real vaults: each
gives its own code and leaves the receiving vault exactly as it was (every row of every table
and the audit head)."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import BundleRejected
from app.exchange.bundle import open_bundle, write_bundle
from app.exchange.manifest import BundleHeader, Recipient
from app.services import bundle_import as bundles_module
from app.services.session import Services
from app.services.unit_keys import unit_keys, unit_secrets
from app.vault.migrate import head_revision
from tests.security.bundle_kit import Unit, encrypt, inner
from tests.security.bundle_vaults import dump, pair, second_vault

LEGAL = "Samma arbetsgrupp"


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    yield from second_vault(tmp_path)


@pytest.fixture
def linked(services: Services, other: Services) -> tuple[Services, Services, str]:
    """(sender, receiver, the receiver's partner id in the sender) with a few people."""
    to_b, _to_a = pair(services, other)
    for first in ("Åsa", "Bo", "Cia"):
        services.people.create({"first_name": first, "last_name": "Öberg"})
    return services, other, to_b.id


def _export(sender: Services, partner_id: str, path: Path) -> Path:
    return Path(sender.bundles.export(partner_id, path, legal_basis=LEGAL).path)


def _refused(receiver: Services, path: Path) -> str:
    before = dump(receiver)
    with pytest.raises(BundleRejected) as caught:
        receiver.bundles.import_bundle(path)
    assert dump(receiver) == before
    with pytest.raises(BundleRejected):
        receiver.bundles.import_bundle(path, dry_run=True)
    assert dump(receiver) == before
    return caught.value.code


def _crafted(sender: Services, receiver: Services, path: Path, *,
             signer: Ed25519PrivateKey | None = None, **changes: Any) -> Path:
    """A bundle written with the sender's keys (or another signer) and a header a test bends."""
    secrets = unit_secrets(sender.db)
    theirs = unit_keys(receiver.db)
    now = datetime.now(UTC)
    header = BundleHeader(
        bundle_id=str(uuid.uuid4()), sender_unit=secrets.unit_id,
        sender_key_fingerprint=secrets.public.fingerprint, sequence=1,
        recipients=(Recipient(theirs.unit_id, theirs.age_recipient),
                    Recipient(secrets.unit_id, secrets.public.age_recipient)),
        created_at=now, not_after=now + timedelta(days=30), schema_version=head_revision(),
        app_version="0.1.0", legal_basis=LEGAL, purpose=None, basis_note=None)
    write_bundle(path, replace(header, **changes), [], signer or secrets.signing_key)
    return path


def test_truncated(linked: tuple[Services, Services, str], tmp_path: Path) -> None:
    sender, receiver, to = linked
    path = _export(sender, to, tmp_path / "b.age")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert _refused(receiver, path) == "damaged"


def test_bit_flipped(linked: tuple[Services, Services, str], tmp_path: Path) -> None:
    sender, receiver, to = linked
    path = _export(sender, to, tmp_path / "b.age")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert _refused(receiver, path) == "damaged"


def test_replayed(linked: tuple[Services, Services, str], tmp_path: Path) -> None:
    sender, receiver, to = linked
    path = _export(sender, to, tmp_path / "b.age")
    receiver.bundles.import_bundle(path)
    assert _refused(receiver, path) == "replayed"


def test_older_sequence(linked: tuple[Services, Services, str], tmp_path: Path) -> None:
    sender, receiver, to = linked
    first = _export(sender, to, tmp_path / "1.age")
    second = _export(sender, to, tmp_path / "2.age")
    receiver.bundles.import_bundle(second)
    assert _refused(receiver, first) == "older_sequence"


def test_addressed_to_someone_else(linked: tuple[Services, Services, str],
                                   tmp_path: Path) -> None:
    sender, receiver, _to = linked
    police = sender.partners.add({"name": "Polisen", "kind": "police",
                                  "age_recipient": str(pyrage.x25519.Identity.generate()
                                                       .to_public())})
    path = _export(sender, police.id, tmp_path / "b.age")
    assert _refused(receiver, path) == "not_for_us"


def test_unknown_signer(linked: tuple[Services, Services, str], tmp_path: Path) -> None:
    sender, receiver, _to = linked
    path = _crafted(sender, receiver, tmp_path / "b.age", signer=Ed25519PrivateKey.generate(),
                    sender_unit=str(uuid.uuid4()))
    assert _refused(receiver, path) == "unknown_signer"


def test_another_key_under_the_senders_unit_id(linked: tuple[Services, Services, str],
                                               tmp_path: Path) -> None:
    sender, receiver, _to = linked
    path = _crafted(sender, receiver, tmp_path / "b.age", signer=Ed25519PrivateKey.generate())
    assert _refused(receiver, path) == "bad_signature"


def test_revoked_signer(linked: tuple[Services, Services, str], tmp_path: Path) -> None:
    sender, receiver, to = linked
    path = _export(sender, to, tmp_path / "b.age")
    receiver.partners.revoke(receiver.partners.find("Avsändaren").id)
    assert _refused(receiver, path) == "unknown_signer"


def test_forwarded(linked: tuple[Services, Services, str], tmp_path: Path) -> None:
    sender, receiver, _to = linked
    # The sender writes to a third unit, which re-encrypts the signed inner archive to the
    # receiver (who trusts the sender): the manifest does not name the receiver.
    third = Unit("Tredje")
    partner = sender.partners.add({"name": "Tredje", "kind": "team",
                                   "age_recipient": third.age_recipient})
    path = _export(sender, partner.id, tmp_path / "b.age")
    forwarded = tmp_path / "vidare.age"
    forwarded.write_bytes(encrypt(inner(path.read_bytes(), third), _as_unit(receiver)))
    assert _refused(receiver, forwarded) == "not_a_recipient"


def _as_unit(svc: Services) -> Unit:
    secrets = unit_secrets(svc.db)
    return Unit("mottagaren", unit_id=secrets.unit_id, identity=secrets.age_identity)


def test_unsupported_schema(linked: tuple[Services, Services, str], tmp_path: Path) -> None:
    sender, receiver, _to = linked
    path = _crafted(sender, receiver, tmp_path / "b.age", schema_version="0099")
    assert _refused(receiver, path) == "unsupported_schema"


def test_expired(linked: tuple[Services, Services, str], tmp_path: Path) -> None:
    sender, receiver, _to = linked
    then = datetime.now(UTC) - timedelta(days=40)
    path = _crafted(sender, receiver, tmp_path / "b.age", created_at=then,
                    not_after=then + timedelta(days=30))
    assert _refused(receiver, path) == "expired"


def test_over_the_size_cap(linked: tuple[Services, Services, str], tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    sender, receiver, to = linked
    path = _export(sender, to, tmp_path / "b.age")
    monkeypatch.setattr(bundles_module, "open_bundle",
                        functools.partial(open_bundle, max_bytes=path.stat().st_size - 1))
    assert _refused(receiver, path) == "too_large"


def test_a_good_bundle_still_imports(linked: tuple[Services, Services, str],
                                     tmp_path: Path) -> None:
    """Control: the refusals above are not an accident of the setup."""
    sender, receiver, to = linked
    preview = receiver.bundles.import_bundle(_export(sender, to, tmp_path / "b.age"))
    assert preview.applied and receiver.people.count() == 3
