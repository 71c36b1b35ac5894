"""The encrypted vault: key slots, key derivation, the SQLCipher engine, migrations, backups."""

from app.vault.kdf import KdfParams
from app.vault.vault import UnlockedVault, Vault

__all__ = ["KdfParams", "UnlockedVault", "Vault"]
