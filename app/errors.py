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
