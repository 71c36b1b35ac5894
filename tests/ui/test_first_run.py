"""First run through real widgets: the chooser, creating a vault up to the recovery key, the
recovery PDF, opening an existing folder, the demo vault, and the way back from unlocking."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.errors import Cancelled
from app.services.demo_vault import DEMO_PASSPHRASE, DEMO_USER, open_or_create_demo
from app.services.session import Services, create_vault
from app.ui.controller import LAST_VAULT_KEY, AppController
from app.ui.dialogs import create_vault as create_module
from app.ui.dialogs import recovery_key as recovery_module
from app.ui.dialogs.create_vault import CreateVaultDialog, passphrase_strength
from app.ui.dialogs.demo_vault import DemoVaultDialog
from app.ui.dialogs.first_run import FirstRunDialog
from app.ui.dialogs.recovery_key import RecoveryKeyDialog
from app.ui.events import Events
from app.ui.tasks import InlineRunner
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, USER

NEW_PASSPHRASE = "tre grona applen 42"  # keyClicks types ASCII only

fast_create = functools.partial(create_vault, kdf_params=FAST_KDF)
fast_demo = functools.partial(open_or_create_demo, kdf_params=FAST_KDF, people=100)


@pytest.fixture
def controller(tmp_path: Path, runner: InlineRunner, settings: QSettings,
               qtbot: QtBot) -> Iterator[AppController]:
    ctl = AppController(tmp_path / "nothing-here", runner, Events(), settings,
                        creator=fast_create, demo_builder=fast_demo, demo_people=100,
                        demo_folder=tmp_path / "demo-vault")
    yield ctl
    ctl.idle.stop()
    for widget in (ctl.window, ctl.dialog, ctl.chooser):
        if widget is not None:
            widget.close()
    if ctl.services is not None:
        ctl.services.lock()


def _chooser(qtbot: QtBot, controller: AppController, message: str = "") -> FirstRunDialog:
    chooser = controller.show_first_run(message)
    qtbot.addWidget(chooser)
    return chooser


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_create_a_vault_end_to_end(qtbot: QtBot, controller: AppController, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "new-vault"
    chooser = _chooser(qtbot, controller)
    assert chooser.close_button.text() == "Avsluta"
    _click(qtbot, chooser.create_button)
    dialog = chooser.sub_dialog
    assert isinstance(dialog, CreateVaultDialog) and dialog.isVisible()
    monkeypatch.setattr(create_module, "ask_folder", lambda *_args: folder)
    _click(qtbot, dialog.browse_button)
    assert dialog.folder.text() == str(folder)
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, "berit")
    qtbot.keyClicks(dialog.passphrase, NEW_PASSPHRASE)
    assert dialog.strength.text() == "Stark."
    qtbot.keyClicks(dialog.repeat, NEW_PASSPHRASE)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)

    recovery = dialog.recovery_dialog
    assert isinstance(recovery, RecoveryKeyDialog) and recovery.isVisible()
    assert Vault(folder).exists() and Vault(folder).users() == ["berit"]
    assert controller.window is None  # not before the key is saved
    key_text = recovery.key_label.text()
    assert len(key_text.replace("\n", "").replace(" ", "")) == 56
    assert recovery.key_label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert not recovery.continue_button.isEnabled()
    recovery.reject()  # Escape: refused until the key is saved
    assert recovery.isVisible()
    qtbot.keyClick(recovery.saved_box, Qt.Key.Key_Space)
    assert recovery.continue_button.isEnabled()
    _click(qtbot, recovery.continue_button)

    window = controller.window
    assert window is not None and window.isVisible()
    assert controller.services is not None and controller.services.user == "berit"
    assert controller.settings.value(LAST_VAULT_KEY) == str(folder)
    assert controller.chooser is None
    assert dialog.passphrase.text() == "" and dialog.repeat.text() == ""


def test_create_shows_each_problem_next_to_its_field_and_creates_nothing(
        qtbot: QtBot, runner: InlineRunner, tmp_path: Path, vault_dir: Path) -> None:
    dialog = CreateVaultDialog(runner, vault_dir, creator=fast_create)
    qtbot.addWidget(dialog)
    dialog.user.setText("")
    qtbot.keyClicks(dialog.passphrase, "kort")
    assert dialog.strength.text() == "För kort: 6 tecken till."
    _click(qtbot, dialog.create_button)
    assert dialog.errors["folder"].text().startswith("Det finns redan ett valv här.")
    assert dialog.errors["user"].text() == "får inte vara tom"
    assert dialog.errors["passphrase"].text() == "Lösenfrasen måste vara minst 10 tecken lång."
    assert runner.calls == 0

    target = tmp_path / "second"
    dialog.folder.setText(str(target))
    dialog.user.setText("berit")
    dialog.passphrase.setText(NEW_PASSPHRASE)
    dialog.repeat.setText(NEW_PASSPHRASE + "x")
    _click(qtbot, dialog.create_button)
    assert dialog.errors["repeat"].text() == "Lösenfraserna är inte lika."
    assert all(not dialog.errors[name].isVisible() for name in ("folder", "user", "passphrase"))
    assert runner.calls == 0 and not target.exists()


def test_strength_counts_length_first_then_variety() -> None:
    assert passphrase_strength("abcdefghi") == 0
    assert passphrase_strength("abcdefghij") == 1
    assert passphrase_strength("Abcdefgh1j") == 2
    assert passphrase_strength("abcdefghijklmn") == 2
    assert passphrase_strength("Tre gröna äpplen!") == 3
    assert passphrase_strength("a" * 20) == 3


def test_recovery_key_pdf_holds_the_key_and_no_passphrase(
        qtbot: QtBot, runner: InlineRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "pdf-vault"
    services, key = fast_create(folder, USER, NEW_PASSPHRASE)
    try:
        dialog = RecoveryKeyDialog(key, folder, runner)
        qtbot.addWidget(dialog)
        target = tmp_path / "out" / "nyckel"
        target.parent.mkdir()
        monkeypatch.setattr(recovery_module, "ask_save_path", lambda *_args: target)
        _click(qtbot, dialog.pdf_button)
        saved = target.with_name("nyckel.pdf")
        assert dialog.pdf_message.text().startswith(f"Sparad som {saved}.")
        text = pypdf.PdfReader(saved).pages[0].extract_text()
        for group in key.split("-"):
            assert group in text
        assert "pdf-vault" in text and "lås in" in text
        raw = saved.read_bytes()
        assert NEW_PASSPHRASE.encode() not in raw and "grona" not in text
        assert USER not in text
        assert [p.name for p in saved.parent.iterdir()] == ["nyckel.pdf"]  # no temp left

        monkeypatch.setattr(recovery_module, "ask_save_path",
                            lambda *_args: tmp_path / "missing" / "x.pdf")
        _click(qtbot, dialog.pdf_button)
        assert dialog.pdf_message.text().startswith("Kan inte spara")
        assert "filen eller mappen finns inte" in dialog.pdf_message.text()
    finally:
        services.lock()


def test_open_existing_refuses_a_folder_without_a_vault(
        qtbot: QtBot, controller: AppController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    chooser = _chooser(qtbot, controller)
    monkeypatch.setattr(create_module, "ask_folder", lambda *_args: empty)
    _click(qtbot, chooser.open_button)
    assert chooser.isVisible() and controller.dialog is None
    assert chooser.message.text().startswith(f"Det finns inget Mottryck-valv i {empty}.")


def test_open_existing_goes_on_to_unlock_that_vault(
        qtbot: QtBot, controller: AppController, vault_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    chooser = _chooser(qtbot, controller)
    monkeypatch.setattr(create_module, "ask_folder", lambda *_args: vault_dir)
    _click(qtbot, chooser.open_button)
    dialog = controller.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.folder == vault_dir and controller.chooser is None
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    _click(qtbot, dialog.unlock_button)
    assert controller.window is not None and controller.services is not None


def test_unlock_dialog_leads_back_to_the_chooser_and_back_again(
        qtbot: QtBot, runner: InlineRunner, settings: QSettings, vault_dir: Path) -> None:
    controller = AppController(vault_dir, runner, Events(), settings)
    dialog = controller.show_unlock()
    qtbot.addWidget(dialog)
    _click(qtbot, dialog.other_button)
    chooser = controller.chooser
    assert chooser is not None and chooser.isVisible() and not dialog.isVisible()
    qtbot.addWidget(chooser)
    assert chooser.close_button.text() == "Tillbaka"
    _click(qtbot, chooser.close_button)
    again = controller.dialog
    assert again is not None and again is not dialog and again.isVisible()
    qtbot.addWidget(again)
    assert again.folder == vault_dir


def test_demo_vault_is_created_filled_and_opened(qtbot: QtBot, controller: AppController,
                                                 tmp_path: Path) -> None:
    chooser = _chooser(qtbot, controller)
    _click(qtbot, chooser.demo_button)
    demo = chooser.sub_dialog
    assert isinstance(demo, DemoVaultDialog)
    assert demo.passphrase_label.text() == DEMO_PASSPHRASE
    assert demo.start_button.text() == "&Skapa och öppna"
    _click(qtbot, demo.start_button)
    services = controller.services
    assert services is not None and services.user == DEMO_USER
    assert services.people.count() >= 100
    assert controller.window is not None and controller.folder == tmp_path / "demo-vault"


def test_an_existing_demo_vault_is_just_opened(qtbot: QtBot, runner: InlineRunner,
                                               tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    fast_demo(folder).lock()
    dialog = DemoVaultDialog(runner, folder, builder=fast_demo, people=100)
    qtbot.addWidget(dialog)
    assert dialog.start_button.text() == "&Öppna"
    with qtbot.waitSignal(dialog.opened) as blocker:
        _click(qtbot, dialog.start_button)
    services: Services = blocker.args[0]
    try:
        assert services.people.count() == 100  # opened, not filled a second time
    finally:
        services.lock()


def test_cancelling_the_demo_leaves_no_half_vault(qtbot: QtBot, runner: InlineRunner,
                                                  tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    seen: list[int] = []

    def builder(where: Path, cancel: object, *, progress: object) -> Services:
        dialog.reject()  # the user presses Avbryt while the lane works
        seen.append(1)
        return fast_demo(where, cancel, progress=progress)

    dialog = DemoVaultDialog(runner, folder, builder=builder, people=100)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected):
        _click(qtbot, dialog.start_button)
    assert seen == [1]
    assert not folder.exists()
    with pytest.raises(Cancelled):
        fast_demo(folder, lambda: True)
    assert not folder.exists()
