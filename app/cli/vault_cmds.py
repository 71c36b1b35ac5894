"""Subcommands that look after the vault itself: init, demo, passwd, users, backup, audit."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.prompt import CliError, ask_new_secret, ask_secret, progress_printer
from app.errors import MottryckError
from app.i18n import _
from app.paths import default_vault_dir
from app.services.session import Services, create_vault, open_vault
from app.vault.vault import Vault

AddVaultArgs = Callable[[argparse.ArgumentParser], None]


def vault_folder(args: argparse.Namespace) -> Path:
    return Path(args.vault).expanduser() if args.vault else default_vault_dir()


def pick_user(vault: Vault, wanted: str | None) -> str:
    users = vault.users()
    if wanted:
        return wanted
    if len(users) == 1:
        return users[0]
    raise CliError(_("Valvet har flera användare ({users}); ange --user.").format(
        users=", ".join(users)))


def open_services(args: argparse.Namespace) -> Services:
    """Unlock the vault named by the arguments (prompting for the passphrase if needed)."""
    vault = Vault(vault_folder(args))
    user = pick_user(vault, args.user)
    passphrase = ask_secret(_("Lösenfras för {user}: ").format(user=user), args.passphrase_file)
    return open_vault(vault.folder, user, passphrase)


def _print_recovery(recovery: str) -> None:
    print(_("Valvet är skapat. Återställningsnyckel (visas bara nu — skriv ut den och lås in "
            "den; den öppnar valvet om lösenfrasen glöms bort):"))
    print()
    print("    " + recovery)
    print()


# ---- init / demo ---------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    folder = vault_folder(args)
    user = args.user or getpass.getuser()
    passphrase = ask_new_secret(args.passphrase_file)
    services, recovery = create_vault(folder, user, passphrase, unit_name=args.unit_name or "")
    services.lock()
    _print_recovery(recovery)
    print(_("Valv: {path}  användare: {user}").format(path=folder, user=user))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo import fill_demo

    if not 100 <= args.people <= 100_000:
        raise CliError(_("--people ska vara mellan 100 och 100 000."))
    folder = vault_folder(args)
    vault = Vault(folder)
    if vault.exists():
        services = open_services(args)
    else:
        user = args.user or getpass.getuser()
        passphrase = ask_new_secret(args.passphrase_file)
        services, recovery = create_vault(folder, user, passphrase, unit_name=_("Demoenheten"))
        _print_recovery(recovery)
    try:
        summary = fill_demo(services, people=args.people, seed=args.seed,
                            progress=progress_printer(_("Skapar demodata")))
    finally:
        services.lock()
    print(_("Demodata i {path}: {people} personer, {groups} grupper, {incidents} händelser.")
          .format(path=folder, people=summary.people, groups=summary.groups,
                  incidents=summary.incidents))
    return 0


# ---- passphrases and users -----------------------------------------------------------------
def cmd_passwd(args: argparse.Namespace) -> int:
    vault = Vault(vault_folder(args))
    user = pick_user(vault, args.user)
    if args.recovery_key_file:
        recovery = ask_secret("", args.recovery_key_file)
        new = ask_new_secret(args.new_passphrase_file)
        vault.reset_passphrase_with_recovery(recovery, user, new)
        _audit_key_change(vault, user, new, "recovery")
    else:
        old = ask_secret(_("Nuvarande lösenfras för {user}: ").format(user=user),
                         args.passphrase_file)
        new = ask_new_secret(args.new_passphrase_file)
        vault.change_passphrase(user, old, new)
        _audit_key_change(vault, user, new, "passphrase")
    print(_("Lösenfrasen för {user} är bytt.").format(user=user))
    return 0


def _audit_key_change(vault: Vault, user: str, passphrase: str, method: str) -> None:
    from app.services import audit
    from app.services.audit import Action

    services = open_vault(vault.folder, user, passphrase)
    try:
        with services.db.write() as s:
            audit.record(s, Action.KEY_CHANGE, "key_slot", None,
                         detail={"method": method, "user_slot": True})
    finally:
        services.lock()


def cmd_user_add(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        if args.new_passphrase_file is None:
            print(_("Lösenfras för den nya användaren {user}.").format(user=args.name))
        new = ask_new_secret(args.new_passphrase_file)
        services.vault.add_user(args.name, new)
        _record(services, "add", args.name)
    finally:
        services.lock()
    print(_("Användaren {user} är tillagd.").format(user=args.name))
    return 0


def cmd_user_remove(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        services.vault.remove_user(args.name)
        _record(services, "remove", args.name)
    finally:
        services.lock()
    print(_("Användaren {user} är borttagen.").format(user=args.name))
    return 0


def _record(services: Services, change: str, user: str) -> None:
    from app.services import audit
    from app.services.audit import Action

    with services.db.write() as s:
        audit.record(s, Action.KEY_CHANGE, "key_slot", None, detail={"user": change})


def cmd_user_list(args: argparse.Namespace) -> int:
    for user in Vault(vault_folder(args)).users():
        print(user)
    return 0


# ---- audit, backup, restore ---------------------------------------------------------------
def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.services import audit

    services = open_services(args)
    try:
        result = audit.verify(services.db)
    finally:
        services.lock()
    if result.ok:
        print(_("Granskningsloggen är hel: {n} händelser kontrollerade.").format(n=result.checked))
        return 0
    print(_("Granskningsloggen är bruten vid händelse {seq}: {reason}.").format(
        seq=result.broken_seq, reason=result.reason), file=sys.stderr)
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backups import backup_vault

    services = open_services(args)
    try:
        info = backup_vault(services, Path(args.out))
    finally:
        services.lock()
    print(_("Säkerhetskopia skriven: {path} ({mb:.1f} MB).").format(
        path=info.path, mb=info.size / 1e6))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.vault.backup import discard_restored, restore_backup

    folder = vault_folder(args)
    folder_existed = folder.exists()
    info = restore_backup(Path(args.file), folder)
    # Prove the restored vault opens before calling it done; otherwise leave nothing behind.
    try:
        vault = Vault(folder)
        user = pick_user(vault, args.user)
        passphrase = ask_secret(_("Lösenfras för {user} (som när kopian togs): ").format(
            user=user), args.passphrase_file)
        open_vault(folder, user, passphrase).lock()
    except MottryckError:
        discard_restored(folder, remove_folder=not folder_existed)
        raise
    print(_("Valvet är återställt i {path} (kopia från {when}).").format(
        path=folder, when=info.created_at))
    return 0


def register(sub: Any, vault_args: AddVaultArgs) -> None:
    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
            parent: Any = sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_text, description=help_text)
        vault_args(p)
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, _("skapa ett nytt valv och visa återställningsnyckeln"))
    p.add_argument("--unit-name", default="", metavar="NAMN", help=_("enhetens namn"))
    p = add("demo", cmd_demo, _("skapa (eller fyll på) ett valv med påhittade demodata"))
    p.add_argument("--people", type=int, default=2000, metavar="N", help=_("antal personer"))
    p.add_argument("--seed", type=int, default=1, metavar="S", help=_("slumpfrö"))
    p = add("passwd", cmd_passwd, _("byt lösenfras (eller sätt en ny med återställningsnyckeln)"))
    p.add_argument("--new-passphrase-file", type=Path, default=None, metavar="FIL")
    p.add_argument("--recovery-key-file", type=Path, default=None, metavar="FIL",
                   help=_("sätt en ny lösenfras med återställningsnyckeln i FIL"))
    users = sub.add_parser("user", help=_("användare i valvet"))
    users_sub = users.add_subparsers(dest="user_command", metavar="KOMMANDO", required=True)
    p = add("add", cmd_user_add, _("lägg till en användare"), users_sub)
    p.add_argument("name", metavar="NAMN")
    p.add_argument("--new-passphrase-file", type=Path, default=None, metavar="FIL")
    p = add("remove", cmd_user_remove, _("ta bort en användare"), users_sub)
    p.add_argument("name", metavar="NAMN")
    add("list", cmd_user_list, _("lista användarna"), users_sub)
    audit_p = sub.add_parser("audit", help=_("granskningsloggen"))
    audit_sub = audit_p.add_subparsers(dest="audit_command", metavar="KOMMANDO", required=True)
    add("verify", cmd_audit_verify, _("kontrollera att loggkedjan är obruten"), audit_sub)
    p = add("backup", cmd_backup, _("skriv en krypterad säkerhetskopia av valvet"))
    p.add_argument("--out", required=True, metavar="FIL")
    p = add("restore", cmd_restore, _("återställ en säkerhetskopia till en tom mapp"))
    p.add_argument("file", metavar="FIL")
