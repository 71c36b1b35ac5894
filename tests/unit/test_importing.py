"""People import: formats, memberships, all-or-nothing rejection, dry run, audit, hostile files."""

from __future__ import annotations

import contextlib
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.errors import Cancelled, ImportRejected
from app.models import AuditEvent, Membership, Person
from app.models.enums import FrivardStatus, IdKind
from app.services import audit, import_read
from app.services.audit import Action
from app.services.importing import import_people
from app.services.session import Services

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "people-sample.csv"
# Valid numbers (Luhn and date) invented for these tests.
PNR_A = "19990214-2315"
PNR_B = "20010709-4575"
PNR_C = "19970330-1268"


def _rows_in(services: Services, table: type[Person] | type[Membership]) -> int:
    """Every row, tombstones included: 'nothing written' means nothing at all."""
    with services.db.read() as s:
        return int(s.execute(select(func.count()).select_from(table)).scalar_one())


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _import_events(services: Services) -> list[audit.AuditEntry]:
    return audit.list_events(services.db, action=Action.IMPORT)


# ---- good files ---------------------------------------------------------------------------
def test_sample_file_imports_and_is_searchable(services: Services) -> None:
    summary = import_people(services, SAMPLE)
    assert (summary.people, summary.memberships, summary.file) == (10, 0, "people-sample.csv")
    assert services.people.count() == 10
    [oberg] = services.people.search("öberg", log=False)
    assert oberg.last_name == "Öberg"
    assert oberg.frivard_status is FrivardStatus.PROBATION
    [mo] = services.people.search("Lillen", log=False)
    assert mo.aliases == ("Mo", "Lillen")  # ';' inside a quoted cell of a ';' file
    [lucas] = services.people.search("Nyström", log=False)
    assert services.people.get(lucas.id).id_kind is IdKind.SAMORDNINGSNUMMER
    [emil] = services.people.search("Karlsson", log=False)
    assert emil.birth_date == date(2004, 6, 27)  # from the 10-digit form
    assert services.people.count(frivard_status=FrivardStatus.PAROLE) == 2


@pytest.mark.parametrize(("delimiter", "encoding", "bom"), [
    (";", "utf-8", False), (",", "utf-8", False), ("\t", "utf-8", False),
    (";", "utf-8", True), (";", "cp1252", False), (",", "cp1252", False),
])
def test_csv_delimiters_and_encodings(services: Services, tmp_path: Path, delimiter: str,
                                      encoding: str, bom: bool) -> None:
    d = delimiter
    text = (f"Förnamn{d}EFTERNAMN{d} personnummer {d}Ort{d}Frivårdsstatus\r\n"
            f"Åsa{d}Öberg{d}{PNR_C}{d}Malmö{d}Villkorligt frigiven\r\n"
            f"Jörgen{d}Ärlig{d}{d}Örebro{d}ingen\r\n")
    path = tmp_path / "people.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    assert import_people(services, path).people == 2
    [asa] = services.people.search("åsa", log=False)
    assert (asa.first_name, asa.last_name) == ("Åsa", "Öberg")
    assert asa.frivard_status is FrivardStatus.PAROLE
    assert services.people.search("Ärlig", log=False)[0].first_name == "Jörgen"


def test_english_headers_and_status_codes(services: Services, tmp_path: Path) -> None:
    path = _write(tmp_path, "en.csv", "first_name,last_name,personal_number,frivard_status,"
                  "postal_code\nAdam,Berg,199902142315,probation,211 45\n")
    import_people(services, path)
    [adam] = services.people.search("Berg", log=False)
    assert adam.frivard_status is FrivardStatus.PROBATION
    assert services.people.get(adam.id).postal_code == "21145"


def test_xlsx_with_excel_dates_and_number_cells(services: Services, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["förnamn", "efternamn", "personnummer", "postnummer", "frivårdsstatus",
                  "frivård_från", "frivård_till", "födelsedatum"])
    sheet.append(["Sara", "Åkesson", 199703301268, 21452, "skyddstillsyn",
                  datetime(2024, 1, 15), "2025-01-14", None])
    sheet.append([None] * 8)  # a blank line inside the sheet is skipped
    sheet.append(["Johan", "Lindqvist", None, None, None, None, None, date(1998, 11, 23)])
    path = tmp_path / "people.xlsx"
    book.save(path)

    summary = import_people(services, path)
    assert summary.people == 2
    [sara] = services.people.search("Åkesson", log=False)
    full = services.people.get(sara.id)
    assert full.birth_date == date(1997, 3, 30)
    assert (full.frivard_from, full.frivard_to) == (date(2024, 1, 15), date(2025, 1, 14))
    assert full.postal_code == "21452"
    assert services.people.search("Lindqvist", log=False)[0].birth_date == date(1998, 11, 23)
    assert _import_events(services)[0].detail == {"rows": 2, "memberships": 0, "format": "xlsx"}


def test_memberships_are_created_for_existing_groups(services: Services, tmp_path: Path) -> None:
    nord = services.groups.create({"name": "Grupp Nord"})
    path = _write(tmp_path, "m.csv", "förnamn;efternamn;grupp;roll;medlem_från\n"
                  "Amir;Hassan;Grupp Nord;ledare;2024-05-01\n"
                  "Elias;Öberg;grupp nord;;\n"
                  "Sara;Åkesson;;;\n")
    summary = import_people(services, path)
    assert (summary.people, summary.memberships) == (3, 2)
    members = services.groups.memberships(group_id=nord.id)
    by_name = {m.person_name: m for m in members}
    assert set(by_name) == {"Amir Hassan", "Elias Öberg"}
    assert by_name["Amir Hassan"].role == "ledare"
    assert by_name["Amir Hassan"].valid_from == date(2024, 5, 1)
    assert _import_events(services)[0].detail == {"rows": 3, "memberships": 2, "format": "csv"}


def test_the_documented_example_imports(services: Services, tmp_path: Path) -> None:
    doc = (SAMPLE.parents[2] / "docs" / "import-format.md").read_text(encoding="utf-8")
    example = doc.split("```csv\n", 1)[1].split("```", 1)[0]
    services.groups.create({"name": "Grupp Nord"})
    summary = import_people(services, _write(tmp_path, "example.csv", example))
    assert (summary.people, summary.memberships) == (3, 2)


# ---- all or nothing -------------------------------------------------------------------------
def test_bad_rows_are_all_reported_and_nothing_is_written(services: Services,
                                                          tmp_path: Path) -> None:
    services.groups.create({"name": "Grupp Nord"})
    services.people.create({"first_name": "Redan", "last_name": "Finns", "personnummer": PNR_B})
    people_before = _rows_in(services, Person)
    members_before = _rows_in(services, Membership)
    events_before = audit.count_events(services.db)
    path = _write(tmp_path, "bad.csv", "\n".join([
        "förnamn;efternamn;personnummer;födelsedatum;grupp",
        "Amir;Hassan;19990214-2316;;",            # 2: wrong check digit
        "Elias;;;;",                              # 3: no last name
        "Sara;Åkesson;;1997-02-30;",              # 4: no such date
        "Omar;Ali;;;Grupp Syd",                   # 5: unknown group
        f"Ida;Sandberg;{PNR_A};;Grupp Nord",      # 6: fine
        f"Ida;Sandberg;{PNR_A.replace('-', '')};;",  # 7: same number as line 6
        f"Emil;Karlsson;{PNR_B};;",               # 8: already in the vault
        "Leo;Berg;;;",                            # 9: fine
    ]) + "\n")

    with pytest.raises(ImportRejected) as caught:
        import_people(services, path)

    rows = caught.value.rows
    assert [r.line for r in rows] == [2, 3, 4, 5, 7, 8]
    reasons = {r.line: r.reason for r in rows}
    assert reasons[2].startswith("personnummer:") and "kontrollsiffran" in reasons[2]
    assert reasons[3].startswith("efternamn:")
    assert reasons[4].startswith("födelsedatum:")
    assert "Grupp Syd" in reasons[5]
    assert "rad 6" in reasons[7]
    assert "registret" in reasons[8]
    assert "6 rader" in str(caught.value)
    assert _rows_in(services, Person) == people_before
    assert _rows_in(services, Membership) == members_before
    assert audit.count_events(services.db) == events_before


def test_a_bad_row_after_many_batches_still_writes_nothing(services: Services,
                                                           tmp_path: Path) -> None:
    lines = ["förnamn;efternamn"] + [f"Namn{i};Efternamn{i}" for i in range(12_000)]
    lines.append("Sist;")  # line 12,002: the inserts of earlier batches must be rolled back
    path = _write(tmp_path, "long.csv", "\n".join(lines))
    with pytest.raises(ImportRejected) as caught:
        import_people(services, path)
    assert [r.line for r in caught.value.rows] == [12_002]
    assert _rows_in(services, Person) == 0


def test_a_deleted_person_still_holds_the_number(services: Services, tmp_path: Path) -> None:
    gone = services.people.create({"first_name": "A", "last_name": "B", "personnummer": PNR_A})
    services.people.delete(gone.id)
    path = _write(tmp_path, "p.csv", f"förnamn;efternamn;personnummer\nC;D;{PNR_A}\n")
    with pytest.raises(ImportRejected) as caught:
        import_people(services, path)
    assert "borttagen" in caught.value.rows[0].reason


def test_unknown_status_and_membership_columns_without_group(services: Services,
                                                             tmp_path: Path) -> None:
    path = _write(tmp_path, "p.csv", "förnamn;efternamn;frivårdsstatus;grupp;roll\n"
                  "A;B;fotboja;;\nC;D;;;ledare\n")
    with pytest.raises(ImportRejected) as caught:
        import_people(services, path)
    assert [r.line for r in caught.value.rows] == [2, 3]
    assert "fotboja" in caught.value.rows[0].reason
    assert caught.value.rows[1].reason.startswith("grupp:")


def test_dry_run_validates_and_writes_nothing(services: Services) -> None:
    events_before = audit.count_events(services.db)
    summary = import_people(services, SAMPLE, dry_run=True)
    assert summary.people == 10
    assert _rows_in(services, Person) == 0
    assert audit.count_events(services.db) == events_before


def test_dry_run_reports_bad_rows_too(services: Services, tmp_path: Path) -> None:
    path = _write(tmp_path, "p.csv", "förnamn;efternamn\nA;\n")
    with pytest.raises(ImportRejected) as caught:
        import_people(services, path, dry_run=True)
    assert [r.line for r in caught.value.rows] == [2]


def test_one_audit_event_without_personal_data(services: Services) -> None:
    import_people(services, SAMPLE)
    [event] = _import_events(services)
    assert (event.entity_type, event.entity_id) == ("person", None)
    assert event.detail == {"rows": 10, "memberships": 0, "format": "csv"}
    with services.db.read() as s:
        stored = s.execute(select(AuditEvent).where(AuditEvent.seq == event.seq)).scalar_one()
        logged = json.dumps([stored.purpose, stored.detail, stored.entity_id, stored.user],
                            ensure_ascii=False)
    for word in ("Hassan", "Öberg", "19990214", "Malmö", "people-sample", ".csv"):
        assert word not in logged
    assert audit.verify(services.db).ok


def test_cancel_writes_nothing(services: Services) -> None:
    with pytest.raises(Cancelled):
        import_people(services, SAMPLE, cancel=lambda: True)
    assert _rows_in(services, Person) == 0
    assert _import_events(services) == []


def test_progress_reaches_the_end(services: Services, tmp_path: Path) -> None:
    lines = ["förnamn;efternamn"] + [f"N{i};E{i}" for i in range(2500)]
    path = _write(tmp_path, "p.csv", "\n".join(lines) + "\n")
    seen: list[tuple[int, int]] = []
    import_people(services, path, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 3
    assert all(done <= total for done, total in seen)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert seen[-1][0] == seen[-1][1] == path.stat().st_size


# ---- files that cannot be read --------------------------------------------------------------
@pytest.mark.parametrize(("name", "content", "expected"), [
    ("people.txt", b"f\xc3\xb6rnamn;efternamn\nA;B\n", "Filtypen"),
    ("people.csv", b"", "tom"),
    ("people.csv", b"\xef\xbb\xbf\r\n\r\n", "tom"),
    ("people.csv", "förnamn;efternamn\n".encode(), "inga rader"),
    ("people.csv", "förnamn;efternamn;skonummer\nA;B;42\n".encode(), "okänd kolumn 'skonummer'"),
    ("people.csv", "förnamn;first_name;efternamn\nA;A;B\n".encode(), "två gånger"),
    ("people.csv", "förnamn;ort\nA;Malmö\n".encode(), "'efternamn' saknas"),
    ("people.csv", "förnamn;;efternamn\nA;;B\n".encode(), "kolumn 2 saknar rubrik"),
    ("people.csv", "Amir;Hassan;Malmö\n".encode(), "okänd kolumn 'Amir'"),
    ("people.csv", b"just one word\n", "Hittar inga kolumner"),
    ("people.csv", "förnamn;efternamn\nA;B\x00\n".encode(), "NUL"),
    ("people.csv", b"\xef\xbb\xbff\xc3\xb6rnamn;efternamn\nA;\xc5\n", "UTF-8"),
    ("people.csv", "f\u00f6rnamn;efternamn\n\u00c5;\u00d6\n".encode() + b"\xe5;x\n", "UTF-8"),
    ("people.csv", b"f\x81rnamn;efternamn\n", "ogiltiga tecken"),
    ("people.csv", 'förnamn;efternamn\n"A"x;B\n'.encode(), "citattecken"),
    ("people.csv", 'förnamn;efternamn\n"A;B\n'.encode(), "citattecken"),
    ("people.xlsx", b"PK\x03\x04 this is no workbook", ".xlsx"),
    ("people.xlsx", b"not even a zip file", ".xlsx"),
])
def test_unreadable_files_are_rejected(services: Services, tmp_path: Path, name: str,
                                       content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRejected) as caught:
        import_people(services, path)
    assert expected in str(caught.value)
    assert _rows_in(services, Person) == 0


def test_too_many_cells_in_a_row(services: Services, tmp_path: Path) -> None:
    path = _write(tmp_path, "p.csv", "förnamn;efternamn\nA;B;;\nC;D;extra\n")
    with pytest.raises(ImportRejected) as caught:
        import_people(services, path)
    assert [r.line for r in caught.value.rows] == [3]  # empty trailing cells are fine


def test_missing_file_and_size_cap(services: Services, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImportRejected, match="kan inte läsas"):
        import_people(services, tmp_path / "missing.csv")
    monkeypatch.setattr(import_read, "MAX_BYTES", 100)
    path = _write(tmp_path, "big.csv", "förnamn;efternamn\n" + "A;B\n" * 100)
    with pytest.raises(ImportRejected, match="för stor"):
        import_people(services, path)


def test_xlsx_that_unpacks_too_large_is_refused(services: Services, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 200_000)
    monkeypatch.setattr(import_read, "MAX_UNPACKED_BYTES", 100_000)
    with pytest.raises(ImportRejected, match="uppackad"):
        import_people(services, path)


def test_line_numbers_count_blank_and_multi_line_rows(services: Services,
                                                      tmp_path: Path) -> None:
    path = _write(tmp_path, "p.csv",
                  '\nförnamn;efternamn;anteckningar\nA;B;"två\nrader"\n\nC;;\n')
    with pytest.raises(ImportRejected) as caught:
        import_people(services, path)
    # Spreadsheet lines: blank 1, header 2, A 3 (one row despite the newline), blank 4, C 5.
    assert [r.line for r in caught.value.rows] == [5]


# ---- fuzzing: only our own error, whatever the bytes ----------------------------------------
_FUZZ = settings(max_examples=120, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
_HEADERS = ["förnamn", "efternamn", "personnummer", "alias", "grupp", "frivårdsstatus",
            "födelsedatum", "x"]


@_FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes_raise_only_import_rejected(services: Services, tmp_path: Path,
                                                 data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    with contextlib.suppress(ImportRejected):
        import_people(services, path, dry_run=True)


@_FUZZ
@given(header=st.lists(st.sampled_from(_HEADERS), min_size=1, max_size=5),
       body=st.text(alphabet=st.sampled_from(list('ab;,\t"\n\r 0123456789-+Åö\x00\x1b')),
                    max_size=300),
       dry_run=st.booleans())
def test_random_csv_text_raises_only_import_rejected(services: Services, tmp_path: Path,
                                                     header: list[str], body: str,
                                                     dry_run: bool) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_text(";".join(header) + "\n" + body, encoding="utf-8")
    with contextlib.suppress(ImportRejected):
        import_people(services, path, dry_run=dry_run)
