"""Back-off after repeated failed unlocks, persisted next to the vault so it survives restart.

The state file holds only a counter and a time; it is not secret. Deleting it resets the
back-off, which is acceptable: the Argon2 cost, not this file, is what makes guessing slow.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from app.vault.atomic import atomic_write_bytes

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300.0


@dataclass
class Backoff:
    path: Path
    clock: object = time.time

    def _read(self) -> tuple[int, float]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return int(data.get("failures", 0)), float(data.get("last_failure", 0.0))
        except (OSError, ValueError, TypeError, AttributeError):  # AttributeError: not an object
            return 0, 0.0

    def _now(self) -> float:
        return float(self.clock())  # type: ignore[operator]

    @staticmethod
    def delay_for(failures: int) -> float:
        if failures < FREE_ATTEMPTS:
            return 0.0
        return min(MAX_DELAY_SECONDS, 2.0 ** (failures - FREE_ATTEMPTS + 1))

    def failures(self) -> int:
        return self._read()[0]

    def remaining(self) -> float:
        """Seconds to wait before the next attempt is allowed (0 if none)."""
        failures, last = self._read()
        wait = self.delay_for(failures) - (self._now() - last)
        return max(0.0, wait)

    def record_failure(self) -> None:
        failures, _last = self._read()
        payload = {"failures": failures + 1, "last_failure": self._now()}
        # A read-only medium must not turn a wrong passphrase into a crash.
        with contextlib.suppress(OSError):
            atomic_write_bytes(self.path, json.dumps(payload).encode())

    def reset(self) -> None:
        if self.failures():
            with contextlib.suppress(OSError):
                self.path.unlink()
