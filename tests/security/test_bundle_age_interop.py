"""The outer layer is standard age: the ``age`` command line opens our bundles with a key
made by ``age-keygen``, and files made by that tool are read, but never trusted unsigned."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from pyrage import x25519

from app.errors import BundleRejected
from app.exchange.bundle import MANIFEST_NAME, PAYLOAD_NAME, SIGNATURE_NAME, open_bundle
from tests.security.bundle_kit import Keys, Unit, bundle, inner, records

AGE = shutil.which("age")
AGE_KEYGEN = shutil.which("age-keygen")
pytestmark = pytest.mark.skipif(
    AGE is None or AGE_KEYGEN is None,
    reason="the age command line is not installed (Debian package 'age'; ./dev installs it)",
)


def _run(*args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(args, input=data, capture_output=True, check=True, timeout=60).stdout


@pytest.fixture()
def partner_key(tmp_path: Path) -> tuple[Path, str]:
    """A partner's identity file made by age-keygen, and its recipient."""
    key = tmp_path / "polisen.key"
    _run(str(AGE_KEYGEN), "-o", str(key))
    recipient = _run(str(AGE_KEYGEN), "-y", str(key)).decode().strip()
    assert recipient.startswith("age1")
    return key, recipient


def _partner(key: Path) -> Unit:
    secret = next(line for line in key.read_text().splitlines()
                  if line.startswith("AGE-SECRET-KEY-1"))
    return Unit("Polisen", identity=x25519.Identity.from_str(secret))


def test_age_cli_decrypts_our_bundle_with_the_partners_key_file(
        tmp_path: Path, partner_key: tuple[Path, str]) -> None:
    key, recipient = partner_key
    ours, partner = Unit("Sluta skjut"), _partner(key)
    assert partner.age_recipient == recipient
    path = tmp_path / "till-polisen.mottryck"
    path.write_bytes(bundle(ours, [partner, ours]))

    plain = _run(str(AGE), "--decrypt", "-i", str(key), str(path))
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        assert tar.getnames() == [MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME]
        payload = tar.extractfile(PAYLOAD_NAME).read()  # type: ignore[union-attr]
    assert payload.count(b"\n") == len(records())
    # … and the key made by age-keygen opens it in Mottryck too.
    opened = open_bundle(path, identity=str(partner.identity), our_unit_id=partner.unit_id,
                         signer_key_for=Keys(ours))
    assert list(opened.records()) == records()


def test_a_file_from_the_age_tool_without_our_signature_is_refused(tmp_path: Path) -> None:
    ours, sender = Unit("Sluta skjut"), Unit("Okänd")
    folder = tmp_path / "innehåll"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"sender_unit": sender.unit_id}))
    (folder / "payload.jsonl").write_text('{"table":"person","id":"1"}\n')
    tar_path = tmp_path / "payload.tar"
    _run("tar", "-cf", str(tar_path), "-C", str(folder), "manifest.json", "payload.jsonl")
    out = tmp_path / "x.age"
    _run(str(AGE), "-r", ours.age_recipient, "-o", str(out), str(tar_path))
    with pytest.raises(BundleRejected) as exc:
        open_bundle(out, identity=str(ours.identity), our_unit_id=ours.unit_id,
                    signer_key_for=Keys(sender))
    assert exc.value.code == "bad_archive"


def test_our_signed_archive_re_encrypted_by_the_age_tool(tmp_path: Path) -> None:
    # The outer layer carries no trust: the same signed archive opens whoever encrypted it,
    # as long as we are among its signed recipients; a stranger's signature never does.
    ours, police, stranger = Unit("Sluta skjut"), Unit("Polisen"), Unit("Okänd")
    signed = tmp_path / "inner.tar"
    signed.write_bytes(inner(bundle(ours, [police, ours]), police))
    out = tmp_path / "om.age"
    _run(str(AGE), "-r", police.age_recipient, "-o", str(out), str(signed))
    opened = open_bundle(out, identity=str(police.identity), our_unit_id=police.unit_id,
                         signer_key_for=Keys(ours))
    assert opened.manifest.sender_unit == ours.unit_id

    pretend = Keys()
    pretend.pinned[ours.unit_id] = stranger.public_key
    with pytest.raises(BundleRejected) as exc:
        open_bundle(out, identity=str(police.identity), our_unit_id=police.unit_id,
                    signer_key_for=pretend)
    assert exc.value.code == "bad_signature"
