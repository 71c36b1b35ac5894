"""Render every screen offscreen with invented demo data: ``python -m app.ui.screenshots OUTDIR``.

The vault is a throwaway one in a temporary folder with the cheap test KDF (it holds only
invented people and is deleted afterwards). Each screen is shown the way a user reaches it:
pages through the navigation, records through ``open_record`` as a double-click would.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QWidget

from app.main import application, register_fonts
from app.models.enums import FrivardStatus
from app.services.demo import fill_demo
from app.services.people import PersonSummary
from app.services.session import Services, create_vault
from app.ui.dialogs.first_run import FirstRunDialog
from app.ui.dialogs.settings import SettingsDialog
from app.ui.dialogs.unlock import UnlockDialog
from app.ui.events import Events
from app.ui.language import chosen_language, install_language
from app.ui.main_window import MainWindow
from app.ui.pages.callins import CallInsPage
from app.ui.pages.notifications import NotificationsPage
from app.ui.screenshot_bundles import exchange, export_on_profile, import_on_preview
from app.ui.screenshot_helpline import helpline_screens
from app.ui.screenshot_support import support_screens
from app.ui.tasks import InlineRunner
from app.vault.kdf import KdfParams

USER = "anna"
PASSPHRASE = "skärmbilder bara på låtsas"
PEOPLE = 600
SIZE = (1280, 760)


def _settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def _save(app: QApplication, widget: QWidget, path: Path) -> Path:
    widget.show()
    _settle(app)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    return path


def _new_window(app: QApplication, before: set[QWidget], kind: type) -> QWidget:
    """The top-level window of ``kind`` that an action just opened."""
    _settle(app)
    for widget in QApplication.topLevelWidgets():
        if widget not in before and isinstance(widget, kind) and widget.isVisible():
            return widget
    for widget in QApplication.topLevelWidgets():
        if widget not in before and widget.isVisible() and widget.isWindow():
            return widget
    raise SystemExit(f"no {kind.__name__} window opened")


def _rich_person(services: Services) -> str:
    """A person with much to show: number, alias, frivård status, a current group."""
    people = services.people.search("", limit=300, log=False)
    groups = services.people.current_groups_for([p.id for p in people])

    def richness(p: PersonSummary) -> int:
        return (bool(p.personnummer_masked) + bool(p.aliases) + 2 * bool(groups.get(p.id))
                + (p.frivard_status != FrivardStatus.NONE))

    return max(people, key=richness).id


def _busiest_group(services: Services) -> str:
    groups = services.groups.search(limit=500)
    related = {r.group_a_id for r in services.groups.relations(current_only=True)}
    return max(groups, key=lambda g: (g.id in related, g.current_members)).id


def _wizard(app: QApplication, window: MainWindow, services: Services, path: Path) -> Path:
    """The planning wizard on its candidates step: the busiest group, three chosen."""
    page = window.show_page("callins")
    assert isinstance(page, CallInsPage)
    wizard = page.new_callin()
    wizard.details.title_edit.setText("Call-in Norra, hösten")
    wizard.details.venue.setText("Tingsrättens sal 2")
    wizard.next()
    groups = wizard.groups.model
    groups.toggle(groups.row_of(_busiest_group(services)))
    wizard.next()
    for row, reason in enumerate(wizard.candidates.reason.itemText(n) for n in range(3)):
        wizard.candidates.model.set_reason(row, reason)
    wizard.candidates.view.selectRow(0)
    try:
        return _save(app, wizard, path)
    finally:
        wizard.discard()


def _fullest_notification(services: Services) -> str:
    """A custom notification with much to show: several people, a team, many message parts."""
    notes = services.notifications.list(kind="custom", limit=500, log=False)
    return max(notes, key=lambda n: (min(len(n.persons), 3) + len(n.team)
                                     + len(n.message_parts), n.delivered_at)).id


def _notification_wizard(app: QApplication, window: MainWindow, services: Services,
                         path: Path) -> Path:
    """The notification wizard on its message step, two people chosen and a team added."""
    page = window.show_page("notifications")
    assert isinstance(page, NotificationsPage)
    people = services.people.search("", limit=2, log=False)
    wizard = page.new_notification([(p.id, f"{p.first_name} {p.last_name}") for p in people])
    wizard.who.when.setDateTime(wizard.who.when.dateTime().addDays(-1))
    wizard.next()
    wizard.why.trigger.setCurrentIndex(wizard.why.trigger.findData("incident"))
    wizard.next()
    wizard.where.setting.setCurrentIndex(wizard.where.setting.findData("home"))
    for name, role in (("Karin Lund", "police"), ("Omar Said", "social_worker")):
        wizard.where.name.setText(name)
        wizard.where.role.setCurrentIndex(wizard.where.role.findData(role))
        wizard.where.add_member()
    wizard.next()
    for part, check in list(wizard.message.parts.items())[:3]:
        check.setChecked(True)
        if part.value == "legal_exposure":
            wizard.message.legal.setPlainText(
                "Åtalad för grovt vapenbrott i fjol; nästa dom blir fängelse.")
    wizard.message.help.setPlainText("Kontakt med arbetsmarknadsenheten samma vecka.")
    try:
        return _save(app, wizard, path)
    finally:
        wizard.discard()


def _bundles(app: QApplication, window: MainWindow, services: Services, base: Path,
             outdir: Path) -> list[Path]:
    """Both bundle wizards, then the partners, the review list and the disclosure register."""
    written = []
    group = services.groups.get(_busiest_group(services)).name
    with exchange(services, base, group) as done:
        wizard = export_on_profile(window.export_bundle(), done.civil_id)
        written.append(_save(app, wizard, outdir / "export-wizard.png"))
        wizard.close()
        importer = import_on_preview(window.import_bundle(), done.answer)
        written.append(_save(app, importer, outdir / "import-wizard.png"))
        importer.next()  # imported: the register and the review list now have entries
        importer.close()
        partners = window.show_page("partners")
        if partners is not None:
            partners.show_record(done.colleague_id)
            written.append(_save(app, window, outdir / "partners.png"))
    for key in ("reviews", "disclosures"):
        window.show_page(key)
        written.append(_save(app, window, outdir / f"{key}.png"))
    return written


def _letter(services: Services, path: Path) -> Path:
    """Page one of the handouts for the call-in with most attendees, as the printer gets it
    (rendered through QtPdf, so no external tool is needed)."""
    attended = max(services.callins.list(), key=lambda c: c.counts.get("attended", 0))
    pdf = services.letters.preview_callin(attended.id)
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    size = document.pagePointSize(0)
    scale = 900 / size.width()  # about 110 dpi: readable, and small enough for the README
    image = document.render(0, QSize(int(size.width() * scale), int(size.height() * scale)))
    document.close()
    image.save(str(path))
    return path


def render(outdir: Path) -> list[Path]:
    app = application()
    register_fonts(app)
    _translators = install_language(app, chosen_language())  # held: Qt does not own it
    outdir.mkdir(parents=True, exist_ok=True)
    runner = InlineRunner()
    base = Path(tempfile.gettempdir()) / "mottryck-skarmbilder"
    shutil.rmtree(base, ignore_errors=True)
    folder = base / "Enhet Norr"
    settings = QSettings(str(base / "settings.ini"), QSettings.Format.IniFormat)
    written: list[Path] = []
    try:
        services, _recovery = create_vault(folder, USER, PASSPHRASE,
                                           kdf_params=KdfParams.testing(),
                                           unit_name="Sluta skjut Norr")
        try:
            fill_demo(services, people=PEOPLE, seed=7)
            chooser = FirstRunDialog(runner, default_folder=folder, demo_folder=base / "demo",
                                     creator=create_vault, demo_builder=_unused,
                                     demo_people=2000)
            written.append(_save(app, chooser, outdir / "first-run.png"))
            chooser.close()

            unlock = UnlockDialog(folder, runner)
            unlock.passphrase.setText(PASSPHRASE)
            unlock.show()
            _settle(app)
            unlock.passphrase.deselect()
            unlock.resize(560, unlock.sizeHint().height())
            written.append(_save(app, unlock, outdir / "unlock.png"))
            unlock.close()

            window = MainWindow(services, runner, Events(), settings)
            window.resize(*SIZE)
            window.show()
            for key in ("overview", "people", "groups", "network", "incidents", "callins",
                        "notifications", "measures", "audit"):
                window.show_page(key)
                written.append(_save(app, window, outdir / f"{key}.png"))
            letters = window.show_page("letters")
            if letters is not None:
                letters.show_record("forum/sv")
                written.append(_save(app, window, outdir / "letters.png"))

            records: list[tuple[str, str, Callable[[Services], str]]] = [
                ("person", "person.png", _rich_person),
                ("group", "group.png", _busiest_group),
                ("incident", "incident.png",
                 lambda s: s.incidents.search(type="shooting", limit=1)[0].id),
                ("callin", "callin.png",
                 lambda s: max(s.callins.list(), key=lambda c: c.invitees_total).id),
                ("notification", "notification.png", _fullest_notification),
            ]
            for kind, name, pick in records:
                before = set(QApplication.topLevelWidgets())
                window.open_record(kind, pick(services))
                opened = _new_window(app, before, QWidget)
                written.append(_save(app, opened, outdir / name))
                opened.close()

            written.append(_wizard(app, window, services, outdir / "callin-wizard.png"))
            written.append(_notification_wizard(app, window, services,
                                                outdir / "notification-wizard.png"))
            written.extend(support_screens(window, services, outdir,
                                           lambda w, path: _save(app, w, path)))
            written.extend(helpline_screens(window, services, outdir,
                                            lambda w, path: _save(app, w, path)))
            written.extend(_bundles(app, window, services, base, outdir))

            written.append(_letter(services, outdir / "letter.png"))

            dialog = SettingsDialog(settings, parent=window)
            written.append(_save(app, dialog, outdir / "settings.png"))
            dialog.close()
            window.close()
        finally:
            services.lock()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return written


def _unused(*_args: object, **_kwargs: object) -> Services:
    raise SystemExit("the screenshot run never builds a demo vault from the chooser")


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
