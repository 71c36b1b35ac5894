"""Back-off after failed unlocks: persisted next to the vault, survives restart, audited later."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from app.errors import UnlockBackoff, WrongPassphrase
from app.services.audit import list_events, verify
from app.services.session import open_vault
from app.vault import Vault
from app.vault import vault as vault_module
from app.vault.backoff import MAX_DELAY_SECONDS, Backoff
from tests.conftest import PASSPHRASE, USER

WRONG = "fel fel fel fel"


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Every Backoff the vault makes reads this clock instead of the wall clock."""
    fake = Clock()
    monkeypatch.setattr(vault_module, "Backoff",
                        lambda path: Backoff(path, clock=fake))
    return fake


def fail(folder: Path, times: int) -> None:
    for _ in range(times):
        with pytest.raises(WrongPassphrase):
            Vault(folder).unlock(USER, WRONG)


def state(folder: Path) -> dict[str, float]:
    data: dict[str, float] = json.loads((folder / "unlock-state.json").read_text("utf-8"))
    return data


def test_delay_schedule() -> None:
    delays = [Backoff.delay_for(n) for n in range(12)]
    assert delays[:3] == [0.0, 0.0, 0.0]
    assert delays[3:8] == [2.0, 4.0, 8.0, 16.0, 32.0]
    assert delays[-1] == MAX_DELAY_SECONDS
    assert Backoff.delay_for(1000) == MAX_DELAY_SECONDS


def test_three_free_failures_then_even_the_right_passphrase_waits(vault_dir: Path,
                                                                  clock: Clock) -> None:
    fail(vault_dir, 3)
    assert state(vault_dir) == {"failures": 3, "last_failure": clock.now}
    clock.now += 1.5
    with pytest.raises(UnlockBackoff) as info:
        Vault(vault_dir).unlock(USER, PASSPHRASE)
    assert info.value.seconds == pytest.approx(0.5)
    assert str(info.value) == "För många misslyckade försök. Vänta 1 sekunder och försök igen."
    # a refused attempt is not another failure
    assert state(vault_dir)["failures"] == 3


def test_back_off_survives_a_restart(vault_dir: Path, clock: Clock) -> None:
    fail(vault_dir, 3)
    clock.now += 2.0
    fail(vault_dir, 1)
    # A new process: new Vault and Backoff objects; only the file carries the state.
    with pytest.raises(UnlockBackoff) as info:
        Vault(Path(str(vault_dir))).unlock(USER, PASSPHRASE)
    assert info.value.seconds == pytest.approx(4.0)
    with pytest.raises(UnlockBackoff):
        Vault(vault_dir).unlock_with_recovery("AAAA")
    with pytest.raises(UnlockBackoff):
        Vault(vault_dir).change_passphrase(USER, PASSPHRASE, "något annat långt")


def test_waiting_out_the_delay_allows_the_next_attempt(vault_dir: Path, clock: Clock) -> None:
    fail(vault_dir, 3)
    clock.now += 2.0
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    unlocked.lock()
    assert unlocked.failed_attempts_before == 3
    assert not (vault_dir / "unlock-state.json").exists()  # success resets the count
    fail(vault_dir, 3)  # three free attempts again
    assert state(vault_dir)["failures"] == 3


def test_another_failure_after_the_wait_doubles_the_delay(vault_dir: Path,
                                                          clock: Clock) -> None:
    fail(vault_dir, 3)
    clock.now += 2.0
    fail(vault_dir, 1)
    clock.now += 3.0
    with pytest.raises(UnlockBackoff) as info:
        Vault(vault_dir).unlock(USER, PASSPHRASE)
    assert info.value.seconds == pytest.approx(1.0)


def test_failures_are_audited_after_the_next_login(vault_dir: Path, clock: Clock) -> None:
    fail(vault_dir, 3)
    clock.now += 60
    services = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        failed, login = reversed(list_events(services.db, limit=2))
        assert (failed.action, failed.detail, failed.entity_type) == (
            "failed_login", {"attempts": 3}, "vault")
        assert login.action == "login"
        assert failed.seq + 1 == login.seq
        assert verify(services.db).ok
    finally:
        services.lock()
    again = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        assert [e.action for e in list_events(again.db, limit=2)] == ["login", "login"]
    finally:
        again.lock()


def test_wall_clock_state_file_expires(vault_dir: Path) -> None:
    """The real clock: an old failure time in the file means no wait (no sleeping here)."""
    path = vault_dir / "unlock-state.json"
    path.write_text(json.dumps({"failures": 12, "last_failure": time.time()}), "utf-8")
    with pytest.raises(UnlockBackoff):
        Vault(vault_dir).unlock(USER, PASSPHRASE)
    path.write_text(json.dumps({"failures": 12, "last_failure": time.time() - MAX_DELAY_SECONDS}),
                    "utf-8")
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    unlocked.lock()
    assert unlocked.failed_attempts_before == 12
    assert not path.exists()


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"failures": "many"}', b"\xff\xfe"])
def test_damaged_state_file_counts_as_no_failures(vault_dir: Path, content: bytes) -> None:
    (vault_dir / "unlock-state.json").write_bytes(content)
    Vault(vault_dir).unlock(USER, PASSPHRASE).lock()


def test_state_file_holds_no_secret(vault_dir: Path, clock: Clock) -> None:
    fail(vault_dir, 2)
    raw = (vault_dir / "unlock-state.json").read_bytes()
    assert set(json.loads(raw)) == {"failures", "last_failure"}
    for secret in (WRONG, PASSPHRASE):
        assert secret.encode() not in raw
