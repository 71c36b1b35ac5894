"""The measures report: the PDF's text (titles, numbers, and nothing about a person), the CSV
files, the charts and their SVG, and the logged export."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.errors import MottryckError
from app.services import audit
from app.services.measures import Measures
from app.services.report import chart, chart_svg, charts, group_csv, render_report, write_csv
from app.services.report.charts import month_labels, nice_scale
from app.services.session import Services
from tests.unit.measures_fixtures import (
    CALLER,
    END,
    GROUP_NAMES,
    PEOPLE,
    SECRET_TEXT,
    START,
    build,
)


@pytest.fixture
def measures(services: Services) -> Measures:
    build(services)
    return services.measures.compute(START, END)


def _pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_pdf_has_a_title_page_and_a_page_per_group(measures: Measures) -> None:
    pdf = render_report(measures, unit_name="Sluta skjut Norr", generated_by="anna",
                        generated_at=datetime(2025, 4, 1, 9, 30))
    pages = [_flat(t) for t in _pdf_text(pdf)]
    assert len(pages) == 1 + len(measures.groups)
    first = pages[0]
    for text in ("Arbetsgruppens mått", "Sluta skjut Norr", "2025-01-10 – 2025-03-20",
                 "Skapad 2025-04-01 09:30 av anna", "GMI-skjutningar 3", "Doser 7",
                 "Andel av GMI-skjutningarna 67 %", "Kontakter 4"):
        assert text in first, text
    for page, group in zip(pages[1:], measures.groups, strict=True):
        assert group.title in page
        assert "Totalt" in page and "2025-01 (10–31)" in page and "2025-03 (1–20)" in page
        assert "Sida" in page
    shootings = pages[1]
    # Month rows: January 2 GMI of 3 in all, February 1 of 1, March none; the total.
    assert "2025-01 (10–31) 2 3" in shootings
    assert "2025-02 1 1" in shootings
    assert "Totalt 3 4" in shootings
    harm = pages[1 + [g.key for g in measures.groups].index("harm")]
    assert "2025-01 (10–31) 50 % 67 % 1 2" in harm
    assert "2025-03 (1–20) – – 0 0" in harm


def test_the_pdf_holds_no_personal_data(measures: Measures) -> None:
    text = " ".join(_pdf_text(render_report(measures, unit_name="Enheten",
                                            generated_by="anna")))
    words = [CALLER, SECRET_TEXT, "Storgatan", "Folkets hus", *GROUP_NAMES]
    for first, last, pnr in PEOPLE.values():
        words += [first, last]
        if pnr:
            digits = pnr.replace("-", "")
            words += [pnr, pnr[2:], digits, digits[2:], pnr[-4:]]
    found = [w for w in words if w.lower() in text.lower()]
    assert found == []


def test_write_report_replaces_a_file_atomically(measures: Measures, services: Services,
                                                 tmp_path: Path) -> None:
    folder = tmp_path / "ut"
    folder.mkdir()
    out = folder / "rapport.pdf"
    out.write_bytes(b"old")
    result = services.measures.export(measures, pdf=out)
    assert result.pdf == out and result.csv == ()
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["rapport.pdf"]  # no temporary left


def test_csv_files_for_swedish_excel(measures: Measures, tmp_path: Path) -> None:
    paths = write_csv(measures, tmp_path)
    assert [p.name for p in paths] == [
        "01-skjutningar.csv", "02-sprangningar.csv", "03-dodligt-vald.csv",
        "04-skjutningar-skadade-doda.csv", "05-riktade-samtal-doser.csv", "06-call-ins.csv",
        "07-narvaro.csv", "08-sanktionsrundor.csv", "09-remisser.csv", "10-stodlinjen.csv"]
    raw = paths[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Månad", "Från", "Till", "GMI-skjutningar (händelser)", "Alla skjutningar (händelser)"],
        ["2025-01", "2025-01-10", "2025-01-31", "2", "3"],
        ["2025-02", "2025-02-01", "2025-02-28", "1", "1"],
        ["2025-03", "2025-03-01", "2025-03-20", "0", "0"],
        ["Totalt", "2025-01-10", "2025-03-20", "3", "4"],
    ]
    harm = list(csv.reader(io.StringIO(paths[3].read_text("utf-8-sig")), delimiter=";"))
    assert harm[0][3:5] == ["Andel av GMI-skjutningarna (%)", "Andel av alla skjutningar (%)"]
    assert [r[3] for r in harm[1:]] == ["50,0", "100,0", "", "66,7"]
    attendance = group_csv(measures.group("attendance"), measures).decode("utf-8-sig")
    assert attendance.splitlines()[2] == "2025-02;2025-02-01;2025-02-28;3;1;33,3"


def test_export_is_logged_with_the_period_and_never_a_path(measures: Measures,
                                                           services: Services,
                                                           tmp_path: Path) -> None:
    (tmp_path / "csv").mkdir()
    result = services.measures.export(measures, pdf=tmp_path / "r.pdf",
                                      csv_dir=tmp_path / "csv")
    assert len(result.csv) == 10
    event = audit.list_events(services.db, limit=1)[0]
    assert (event.action, event.entity_type, event.entity_id) == ("export", "measures", None)
    assert event.detail == {"from": "2025-01-10", "to": "2025-03-20",
                            "outputs": ["pdf", "csv"], "csv_files": 10}
    assert audit.verify(services.db).ok


def test_an_export_that_cannot_be_written_is_not_logged(measures: Measures,
                                                        services: Services,
                                                        tmp_path: Path) -> None:
    before = len(audit.list_events(services.db, limit=10_000))
    with pytest.raises(MottryckError, match="Kan inte skriva"):
        services.measures.export(measures, pdf=tmp_path / "saknas" / "r.pdf")
    with pytest.raises(MottryckError, match="Kan inte skriva"):
        services.measures.export(measures, csv_dir=tmp_path / "saknas")
    assert len(audit.list_events(services.db, limit=10_000)) == before


def test_the_report_names_the_unit(services: Services) -> None:
    assert services.measures.unit_name() == "Testenheten"


def test_a_chart_per_group_and_its_svg(measures: Measures) -> None:
    drawn = charts(measures)
    assert [g.key for g, _d in drawn] == [g.key for g in measures.groups]
    svg = chart_svg(chart(measures.group("harm"), measures.months)).decode("utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    for text in ("Andel av GMI-skjutningarna", "Andel av alla skjutningar", "100 %", "jan",
                 "2025", "feb", "mar"):
        assert text in svg, text
    assert "DejaVu Sans" in svg
    assert "fill: None" not in svg  # an unfilled line must not be painted black


def test_axis_scale_and_month_labels(measures: Measures) -> None:
    assert nice_scale(0) == (5.0, 1.0)
    assert nice_scale(3) == (3.0, 1.0)
    assert nice_scale(149) == (150.0, 50.0)
    assert nice_scale(11933) == (12500.0, 2500.0)
    assert month_labels(measures.months) == ["jan\n2025", "feb", "mar"]


def test_the_report_and_its_charts_follow_the_language(measures: Measures,
                                                       tmp_path: Path) -> None:
    from app import i18n, i18n_catalogue

    i18n_catalogue.compile_catalogues(out=tmp_path)
    i18n.set_language("en", localedir=tmp_path)
    try:
        first, shootings = _pdf_text(render_report(measures, unit_name="North",
                                                   generated_by="anna"))[:2]
        svg = chart_svg(chart(measures.group("harm"), measures.months)).decode("utf-8")
        rows = group_csv(measures.group("shootings"), measures).decode("utf-8-sig")
    finally:
        i18n.set_language("sv")
    assert "The working group's measures" in _flat(first)
    assert "Share of GMI shootings 67%" in _flat(first)
    assert "Shootings" in shootings and "Total 3 4" in _flat(shootings)
    assert "Jan" in svg and "100%" in svg
    assert rows.splitlines()[0] == ("Month;From;To;GMI shootings (incidents);"
                                    "All shootings (incidents)")
