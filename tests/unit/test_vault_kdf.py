"""Argon2id parameters: calibration arithmetic, the floors, JSON form, Unicode normalisation."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import WrongPassphrase
from app.vault import Vault, kdf
from app.vault.kdf import KdfParams, calibrate, normalise_passphrase
from tests.conftest import FAST_KDF

MIB = 1024


class FakeClock:
    """perf_counter that advances by ``per_pass`` × the passes of each derivation."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, per_pass: float) -> None:
        self.now = 1000.0
        self.per_pass = per_pass
        self.probes: list[KdfParams] = []
        monkeypatch.setattr(kdf.time, "perf_counter", self.perf_counter)
        monkeypatch.setattr(kdf, "derive", self.derive)

    def perf_counter(self) -> float:
        return self.now

    def derive(self, passphrase: str, salt: bytes, params: KdfParams) -> bytes:
        self.probes.append(params)
        self.now += self.per_pass * params.iterations
        return b"\0" * 32


@pytest.mark.parametrize(("per_pass", "expected"), [
    (0.05, 10),     # 0.5 s target / 50 ms a pass
    (0.1, 5),
    (0.02, 25),
    (0.16, 3),      # round(3.125)
    (0.2, 3),       # 2.5 passes would do, but never fewer than 3
    (2.0, 3),       # a very slow laptop still gets the floor
    (0.0001, 64),   # a very fast one is capped so unlock stays bounded
    (0.0, 64),      # a clock that did not move must not divide by zero
])
def test_calibration_arithmetic(monkeypatch: pytest.MonkeyPatch, per_pass: float,
                                expected: int) -> None:
    clock = FakeClock(monkeypatch, per_pass)
    params = calibrate()
    assert params == KdfParams(expected, 64 * MIB, 4)
    # one probe, at the floor parameters, measured with the fake clock
    assert clock.probes == [KdfParams(3, 64 * MIB, 4)]


def test_calibration_honours_a_custom_target_and_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    FakeClock(monkeypatch, 0.1)
    assert calibrate(target_seconds=1.0, memory_kib=256 * MIB) == KdfParams(10, 256 * MIB, 4)


def test_real_calibration_respects_the_floors() -> None:
    params = calibrate()
    assert 3 <= params.iterations <= 64
    assert params.memory_kib >= 64 * MIB
    assert params.lanes == 4


def test_kdf_params_json_round_trip() -> None:
    for params in (KdfParams(3, 64 * MIB, 4), KdfParams(17, 256 * MIB, 4), FAST_KDF):
        data = params.to_json()
        assert data["name"] == "argon2id"
        assert KdfParams.from_json(data) == params


@pytest.mark.parametrize("data", [
    {"name": "scrypt", "iterations": 3, "memory_kib": 65536, "lanes": 4},
    {"iterations": 3, "memory_kib": 65536, "lanes": 4},
    {"name": "argon2id", "iterations": 3, "memory_kib": 65536},
    {"name": "argon2id", "iterations": 65, "memory_kib": 65536, "lanes": 4},
    {"name": "argon2id", "iterations": 3, "memory_kib": 16, "lanes": 4},
])
def test_kdf_params_from_bad_json(data: dict[str, object]) -> None:
    with pytest.raises((ValueError, KeyError)):
        KdfParams.from_json(data)


def test_derivation_depends_on_every_parameter() -> None:
    salt = b"s" * 16
    base = kdf.derive("lösenfras", salt, FAST_KDF)
    assert len(base) == 32
    assert kdf.derive("lösenfras", salt, FAST_KDF) == base
    others = {
        kdf.derive("lösenfras", b"t" * 16, FAST_KDF),
        kdf.derive("lösenfraS", salt, FAST_KDF),
        kdf.derive("lösenfras", salt, KdfParams(2, 64, 1)),
        kdf.derive("lösenfras", salt, KdfParams(1, 128, 1)),
        kdf.derive("lösenfras", salt, KdfParams(1, 64, 2)),
    }
    assert base not in others and len(others) == 5


COMPOSED = unicodedata.normalize("NFC", "blåbärssylt på ön, år 2024")
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_composed_and_decomposed_passphrases_are_the_same() -> None:
    assert COMPOSED != DECOMPOSED  # the test means something only if the strings differ
    assert normalise_passphrase(DECOMPOSED) == normalise_passphrase(COMPOSED)
    assert normalise_passphrase(COMPOSED) == COMPOSED.encode("utf-8")


@pytest.fixture
def nfd_vault(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "nfd"
    unlocked, _recovery = Vault.create(folder, "åsa", DECOMPOSED, kdf_params=FAST_KDF)
    unlocked.lock()
    yield folder


@pytest.mark.parametrize("typed", [COMPOSED, DECOMPOSED], ids=["nfc", "nfd"])
def test_vault_made_with_decomposed_opens_with_either_form(nfd_vault: Path, typed: str) -> None:
    Vault(nfd_vault).unlock("åsa", typed).lock()


def test_normalisation_does_not_strip_accents(nfd_vault: Path) -> None:
    with pytest.raises(WrongPassphrase):
        Vault(nfd_vault).unlock("åsa", "blabarssylt pa on, ar 2024")
