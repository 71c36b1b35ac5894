"""Render each screen offscreen with invented demo data: ``python -m app.ui.screenshots OUTDIR``.

Writes unlock.png, people.png and person.png. The vault is a throwaway one in a temporary
folder with the cheap test KDF (it holds only invented people and is deleted afterwards).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from app.main import application, register_fonts
from app.models.enums import FrivardStatus
from app.services.demo import fill_demo
from app.services.people import PersonSummary
from app.services.session import Services, create_vault
from app.ui.dialogs.person import PersonDialog
from app.ui.dialogs.unlock import UnlockDialog
from app.ui.events import Events
from app.ui.language import chosen_language, install_language
from app.ui.main_window import MainWindow
from app.ui.tasks import InlineRunner
from app.vault.kdf import KdfParams

USER = "anna"
PASSPHRASE = "skärmbilder bara på låtsas"
PEOPLE = 100  # the demo generator's smallest size: a page and a bit


def _settle(app: QApplication, widget: QWidget) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()


def _save(app: QApplication, widget: QWidget, path: Path) -> Path:
    _settle(app, widget)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    return path


def _person_with_details(services: Services) -> str:
    """The listed person with the most to show (number, alias, frivård, a current group)."""
    people = services.people.search("", limit=PEOPLE, log=False)
    groups = services.people.current_groups_for([p.id for p in people])

    def richness(p: PersonSummary) -> int:
        return (bool(p.personnummer_masked) + bool(p.aliases) + bool(groups.get(p.id))
                + (p.frivard_status != FrivardStatus.NONE))

    return max(people, key=richness).id


def render(outdir: Path) -> list[Path]:
    app = application()
    register_fonts(app)
    _translators = install_language(app, chosen_language())  # held: Qt does not own it
    outdir.mkdir(parents=True, exist_ok=True)
    runner = InlineRunner()
    # A fixed, readable path: it is shown on the unlock screen and in the status bar.
    base = Path(tempfile.gettempdir()) / "mottryck-skarmbilder"
    shutil.rmtree(base, ignore_errors=True)
    folder = base / "Enhet Norr"
    try:
        services, _recovery = create_vault(folder, USER, PASSPHRASE,
                                           kdf_params=KdfParams.testing(),
                                           unit_name="Sluta skjut Norr")
        try:
            fill_demo(services, people=PEOPLE, seed=7)
            written = []
            unlock = UnlockDialog(folder, runner)
            unlock.passphrase.setText(PASSPHRASE)
            _settle(app, unlock)
            unlock.passphrase.deselect()  # focus-in selected it all
            unlock.resize(520, unlock.sizeHint().height())
            written.append(_save(app, unlock, outdir / "unlock.png"))
            unlock.close()

            window = MainWindow(services, runner, Events())
            window.resize(1100, 680)
            written.append(_save(app, window, outdir / "people.png"))

            person = PersonDialog(services.people, runner, _person_with_details(services),
                                  parent=window)
            person.resize(560, person.sizeHint().height())
            written.append(_save(app, person, outdir / "person.png"))
            person.close()
            window.close()
        finally:
            services.lock()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.screenshots", description=__doc__)
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the application starts
    for path in render(args.outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
