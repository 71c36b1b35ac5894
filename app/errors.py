"""The domain's exceptions. Every one carries a message fit to show a user as it is."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _


class MottryckError(Exception):
    """Base of every error the app reports to a user (one clear line, never a traceback)."""


class VaultError(MottryckError):
    """The vault cannot be opened or used."""


class VaultNotFound(VaultError):
    pass


class VaultExists(VaultError):
    pass


class WrongPassphrase(VaultError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("Fel lösenfras, eller så är detta inget Mottryck-valv."))


class UnlockBackoff(VaultError):
    """Too many failed unlocks: the caller must wait before trying again."""

    def __init__(self, seconds: float) -> None:
        self.seconds = max(0.0, seconds)
        super().__init__(
            _("För många misslyckade försök. Vänta {s} sekunder och försök igen.").format(
                s=int(self.seconds + 0.999)
            )
        )


class CorruptVault(VaultError):
    pass


class SchemaTooNew(VaultError):
    pass


class MigrationFailed(VaultError):
    pass


class NotFound(MottryckError):
    pass


@dataclass(frozen=True)
class FieldError:
    """``field`` is the attribute name (the UI finds its widget by it); ``label`` is shown."""

    field: str
    reason: str
    label: str = ""

    def __str__(self) -> str:
        return f"{self.label or self.field}: {self.reason}"


class ValidationError(MottryckError):
    """One or more fields are invalid; ``errors`` names each field and the reason."""

    def __init__(self, errors: list[FieldError] | FieldError) -> None:
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return _("rad {line}: {reason}").format(line=self.line, reason=self.reason)


class ImportRejected(MottryckError):
    """A file import was refused as a whole; nothing was written."""

    def __init__(self, message: str, rows: list[RowError] | None = None) -> None:
        self.rows = list(rows or [])
        super().__init__(message)


class BackupError(MottryckError):
    pass


class Cancelled(MottryckError):
    """The user cancelled a long operation; nothing was written."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("Avbrutet; inget sparades."))


def os_error_text(exc: OSError) -> str:
    """A Swedish reason for a file-system error (the OS's own text may be English)."""
    import errno

    reasons = {
        errno.ENOENT: _("filen eller mappen finns inte"),
        errno.EACCES: _("behörighet saknas"),
        errno.EPERM: _("behörighet saknas"),
        errno.ENOSPC: _("disken är full"),
        errno.EISDIR: _("det är en mapp, inte en fil"),
        errno.ENOTDIR: _("en del av sökvägen är ingen mapp"),
        errno.EROFS: _("enheten är skrivskyddad"),
        errno.EIO: _("läsfel på enheten"),
    }
    reason = reasons.get(exc.errno or -1)
    if reason is None:
        name = errno.errorcode.get(exc.errno or -1, "")
        reason = _("fel i filsystemet") + (f" ({name})" if name else "")
    return reason


class BundleRejected(MottryckError):
    """A bundle was refused as a whole; nothing was written.

    ``code`` is stable (screens, the command line and tests match on it); the message is the
    Swedish reason shown to the user, by default the one for the code.
    """

    CODES = frozenset({
        "unreadable", "too_large", "not_for_us", "damaged", "bad_archive", "bad_manifest",
        "unknown_signer", "bad_signature", "unsupported_format", "not_a_recipient",
        "payload_mismatch", "replayed", "older_sequence", "unsupported_schema", "expired",
        "bad_record",
    })

    def __init__(self, code: str, message: str | None = None) -> None:
        if code not in self.CODES:
            raise ValueError(f"unknown bundle rejection code: {code!r}")
        self.code = code
        super().__init__(message or _bundle_reason(code))


def _bundle_reason(code: str) -> str:
    # Built on each call so the text follows the language chosen at run time.
    reasons = {
        "unreadable": _("Bunten kunde inte läsas från disken."),
        "too_large": _("Bunten är större än vad som tas emot."),
        "not_for_us": _("Bunten är inte krypterad till den här enheten."),
        "damaged": _("Bunten är skadad eller ändrad (eller ingen Mottryck-bunt)."),
        "bad_archive": _("Buntens innehåll har fel uppbyggnad."),
        "bad_manifest": _("Buntens innehållsförteckning är felaktig."),
        "unknown_signer": _("Bunten kommer från en okänd eller spärrad avsändare."),
        "bad_signature": _("Buntens signatur stämmer inte med avsändarens nyckel."),
        "unsupported_format": _("Buntens format stöds inte av den här versionen av Mottryck."),
        "not_a_recipient": _("Bunten är inte adresserad till den här enheten."),
        "payload_mismatch": _("Buntens poster stämmer inte med innehållsförteckningen."),
        "replayed": _("Bunten har redan lästs in."),
        "older_sequence": _("Bunten är äldre än en som redan lästs in från samma avsändare."),
        "unsupported_schema": _("Bunten kommer från en version av Mottryck som inte stöds här."),
        "expired": _("Bunten har gått ut och kan inte längre läsas in."),
        "bad_record": _("Bunten innehåller en felaktig post."),
    }
    return reasons[code]
