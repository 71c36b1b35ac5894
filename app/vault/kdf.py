"""Argon2id key derivation for passphrase slots, and its calibration at vault creation."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

# Floors for real vaults (SECURITY.md): memory 64–256 MiB, 4 lanes, never fewer than 3 passes.
MIN_ITERATIONS = 3
DEFAULT_MEMORY_KIB = 64 * 1024
DEFAULT_LANES = 4
MAX_ITERATIONS = 64
MAX_LANES = 64
MAX_MEMORY_KIB = 4 * 1024 * 1024
TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class KdfParams:
    iterations: int
    memory_kib: int
    lanes: int

    @classmethod
    def testing(cls) -> KdfParams:
        """Cheap parameters for the test suite only; never used by the app or the CLI."""
        return cls(iterations=1, memory_kib=64, lanes=1)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "iterations": self.iterations,
            "memory_kib": self.memory_kib,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("name") != "argon2id":
            raise ValueError("unknown KDF")
        params = cls(int(data["iterations"]), int(data["memory_kib"]), int(data["lanes"]))
        # An edited slot must fail as damaged, not crash Argon2 or ask it for terabytes.
        if not (1 <= params.iterations <= MAX_ITERATIONS and 1 <= params.lanes <= MAX_LANES
                and 8 * params.lanes <= params.memory_kib <= MAX_MEMORY_KIB):
            raise ValueError("KDF parameters out of range")
        return params


def normalise_passphrase(passphrase: str) -> bytes:
    # NFC so that "å" typed as one code point or as a + ring opens the same vault.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise_passphrase(passphrase))


def calibrate(target_seconds: float = TARGET_SECONDS,
              memory_kib: int = DEFAULT_MEMORY_KIB) -> KdfParams:
    """Pick the pass count that makes one derivation take about ``target_seconds`` here."""
    salt = b"\0" * 16
    probe = KdfParams(MIN_ITERATIONS, memory_kib, DEFAULT_LANES)
    start = time.perf_counter()
    derive("calibration", salt, probe)
    per_pass = (time.perf_counter() - start) / MIN_ITERATIONS
    iterations = round(target_seconds / max(per_pass, 1e-6))
    iterations = max(MIN_ITERATIONS, min(MAX_ITERATIONS, iterations))
    return KdfParams(iterations, memory_kib, DEFAULT_LANES)
