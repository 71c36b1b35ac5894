"""The call-in table models, without a window."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from app.models.enums import (
    CallInStatus,
    FrivardStatus,
    InviteeStatus,
    LetterKind,
    SpeakerRole,
)
from app.services.callin_dto import CallInSummary, InviteeDTO, SpeakerDTO
from app.services.letters.service import LetterRecord
from app.ui.table_models.callin_invitees import InviteesModel
from app.ui.table_models.callin_letters import PrintedLettersModel
from app.ui.table_models.callin_speakers import SpeakersModel
from app.ui.table_models.callins import CallInsModel


def _summary(cid: str, title: str, when: datetime | None, status: CallInStatus,
             attended: int = 0, invited: int = 0) -> CallInSummary:
    counts = dict.fromkeys(InviteeStatus, 0)
    counts[InviteeStatus.ATTENDED] = attended
    counts[InviteeStatus.INVITED] = invited
    return CallInSummary(cid, title, when, "Folkets hus", status, ("Norra", "Södra"), counts)


def test_register_rows_and_sorting() -> None:
    model = CallInsModel()
    model.set_callins([
        _summary("a", "Forum Malmö", datetime(2026, 2, 18, 18, 0), CallInStatus.HELD, 5, 2),
        _summary("b", "", None, CallInStatus.DRAFT),
        _summary("c", "Forum Lund", datetime(2025, 3, 1, 17, 30), CallInStatus.CANCELLED),
    ])
    assert model.rowCount() == 3 and model.columnCount() == 7
    cell = lambda row, col: model.data(model.index(row, col))  # noqa: E731
    assert cell(0, CallInsModel.DATE) == "2026-02-18 18:00"
    assert cell(0, CallInsModel.STATUS) == "Genomförd"
    assert cell(0, CallInsModel.GROUPS) == "Norra, Södra"
    assert cell(0, CallInsModel.INVITED) == 7 and cell(0, CallInsModel.ATTENDED) == 5
    assert cell(1, CallInsModel.TITLE) == "(utan rubrik)"
    assert cell(1, CallInsModel.DATE) == "ej bestämt"
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ForegroundRole) is not None

    model.sort(CallInsModel.DATE, Qt.SortOrder.AscendingOrder)
    assert [model.callin(r).id for r in range(3)] == ["b", "c", "a"]
    model.sort(CallInsModel.TITLE, Qt.SortOrder.DescendingOrder)
    assert [model.callin(r).id for r in range(3)] == ["a", "c", "b"]
    assert model.row_of("c") == 1
    model.sort(-1)  # no column: the service's order again
    assert [model.callin(r).id for r in range(3)] == ["a", "b", "c"]
    model.clear()
    assert model.rowCount() == 0


def test_invitees_model_counts_and_words() -> None:
    invited = InviteeDTO("i1", "p1", "Åsa", "Öberg", InviteeStatus.INVITED, "Medlem",
                         "Personligen", "anna", datetime(2026, 2, 1, 12, 0), None,
                         FrivardStatus.PROBATION)
    proposed = InviteeDTO("i2", "p2", "Bo", "Ek", InviteeStatus.PROPOSED, None, None, None,
                          None, None, FrivardStatus.NONE)
    model = InviteesModel()
    model.set_invitees([invited, proposed], {"p1": "Norra"})
    cell = lambda row, col: model.data(model.index(row, col))  # noqa: E731
    assert cell(0, InviteesModel.NAME) == "Åsa Öberg"
    assert cell(0, InviteesModel.GROUPS) == "Norra"
    assert cell(0, InviteesModel.FRIVARD) == "Skyddstillsyn"
    assert cell(0, InviteesModel.STATUS) == "Kallad"
    assert cell(0, InviteesModel.INVITED) == "Personligen, anna, 2026-02-01 12:00"
    assert cell(1, InviteesModel.FRIVARD) == "" and cell(1, InviteesModel.INVITED) == ""
    counts = model.counts()
    assert counts[InviteeStatus.INVITED] == 1 and counts[InviteeStatus.PROPOSED] == 1
    assert counts[InviteeStatus.ATTENDED] == 0
    assert model.row_of("i2") == 1


def test_speakers_model_and_total() -> None:
    model = SpeakersModel()
    model.set_speakers([SpeakerDTO("s1", 1, SpeakerRole.POLICE, "Kim", 10),
                        SpeakerDTO("s2", 2, SpeakerRole.RELATIVE, "Maria", 15)])
    assert model.data(model.index(1, SpeakersModel.ROLE)) == "Mamma eller anhörig"
    assert model.data(model.index(1, SpeakersModel.ORDER)) == 2
    assert model.total_minutes() == 25 and model.ids() == ["s1", "s2"]


def test_printed_letters_model_names_and_local_time() -> None:
    printed = datetime(2026, 2, 19, 9, 30)  # naive UTC, as stored
    record = LetterRecord("l1", "p1", LetterKind.CALLIN_HANDOUT, "deltagarbrev", 3, "sv",
                          "c1", None, printed, "anna", "pdf")
    gone = LetterRecord("l2", "p9", LetterKind.CALLIN_INVITATION, "inbjudan", 1, "en",
                        "c1", None, printed, "bo", "printer")
    model = PrintedLettersModel()
    model.set_letters([record, gone], {"p1": "Åsa Öberg"})
    cell = lambda row, col: model.data(model.index(row, col))  # noqa: E731
    assert cell(0, PrintedLettersModel.PERSON) == "Åsa Öberg"
    assert cell(1, PrintedLettersModel.PERSON) == "(borttagen person)"
    assert cell(0, PrintedLettersModel.TEMPLATE) == "deltagarbrev, version 3, sv"
    assert cell(1, PrintedLettersModel.KIND) == "Inbjudan"
    assert cell(1, PrintedLettersModel.OUTPUT) == "Utskrift"
    local = printed.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert cell(0, PrintedLettersModel.PRINTED) == local
