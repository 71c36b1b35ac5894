"""Merge fields in letter templates: ``{förnamn}`` is replaced, ``{{`` and ``}}`` are literal
braces, and anything else between braces is a problem reported before a letter is printed.

A field never spans lines. Names are matched without regard to case or surrounding spaces, so
``{ Förnamn }`` is ``{förnamn}``; the English aliases (``{first_name}`` …) are there for staff
who write the English templates.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.i18n import Labels, _
from app.models.enums import LetterKind

# Canonical (Swedish) name → what it holds, as staff read it in the template editor.
FIELD_HELP: Mapping[str, str] = Labels({
    "förnamn": _("mottagarens förnamn"),
    "efternamn": _("mottagarens efternamn"),
    "namn": _("mottagarens för- och efternamn"),
    "grupp": _("mottagarens aktuella grupp (flera förenas med ”och”)"),
    "datum": _("dagens datum"),
    "kontaktperson": _("kontaktpersonen i brevhuvudet"),
    "telefon": _("telefonnumret i brevhuvudet"),
    "öppettider": _("öppettiderna i brevhuvudet"),
    "avsändare": _("samverkansparterna i brevhuvudet"),
    "ort": _("orten i brevhuvudet"),
    "plats": _("lokalen för call-in (bara brev om en call-in)"),
    "tid": _("datum och klockslag för call-in (bara brev om en call-in)"),
})

ALIASES: Mapping[str, str] = {
    "first_name": "förnamn",
    "last_name": "efternamn",
    "name": "namn",
    "group": "grupp",
    "date": "datum",
    "contact_person": "kontaktperson",
    "phone": "telefon",
    "opening_hours": "öppettider",
    "sender": "avsändare",
    "city": "ort",
    "place": "plats",
    "time": "tid",
}

CALLIN_ONLY = frozenset({"plats", "tid"})
CALLIN_KINDS = frozenset({LetterKind.CALLIN_HANDOUT, LetterKind.CALLIN_INVITATION})
_ALL_NAMES = sorted([*FIELD_HELP, *ALIASES])


@dataclass(frozen=True)
class MergeField:
    name: str  # canonical Swedish name, written {name} in a template
    alias: str  # English alias
    description: str
    callin_only: bool


@dataclass(frozen=True)
class Field:
    """A merge field found in a template, by its canonical name and where it was written."""

    name: str
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class TemplateProblem:
    """One thing wrong in a template body; ``line`` and ``column`` count from 1."""

    line: int
    column: int
    found: str
    message: str
    suggestion: str | None = None

    def __str__(self) -> str:
        text = _("rad {line}: {message}").format(line=self.line, message=self.message)
        if self.suggestion:
            text += " " + _("(menade du {{{s}}}?)").format(s=self.suggestion)
        return text


Segment = str | Field


def merge_fields() -> list[MergeField]:
    by_name = {v: k for k, v in ALIASES.items()}
    return [MergeField(n, by_name[n], FIELD_HELP[n], n in CALLIN_ONLY) for n in FIELD_HELP]


def canonical(name: str) -> str | None:
    key = unicodedata.normalize("NFC", name.strip()).casefold()
    if key in FIELD_HELP:
        return key
    return ALIASES.get(key)


def parse(body: str) -> tuple[list[Segment], list[TemplateProblem]]:
    """Split a body into text and fields; every problem is collected, nothing raises."""
    segments: list[Segment] = []
    problems: list[TemplateProblem] = []
    text: list[str] = []
    for line_no, line in enumerate(body.split("\n"), start=1):
        if line_no > 1:
            text.append("\n")
        i = 0
        while i < len(line):
            ch = line[i]
            if ch == "{" and line.startswith("{{", i):
                text.append("{")
                i += 2
            elif ch == "}" and line.startswith("}}", i):
                text.append("}")
                i += 2
            elif ch == "{":
                end = line.find("}", i + 1)
                inner_open = line.find("{", i + 1)
                if end < 0 or (0 <= inner_open < end):
                    problems.append(TemplateProblem(
                        line_no, i + 1, "{",
                        _("”{o}” utan avslutande ”{c}” (skriv {o}{o} för en klammer i texten)")
                        .format(o="{", c="}")))
                    text.append("{")
                    i += 1
                    continue
                written = line[i + 1:end]
                name = canonical(written)
                if name is None:
                    problems.append(_unknown(line_no, i + 1, written))
                else:
                    if text:
                        segments.append("".join(text))
                        text = []
                    segments.append(Field(name, line_no, i + 1))
                i = end + 1
            elif ch == "}":
                problems.append(TemplateProblem(
                    line_no, i + 1, "}",
                    _("”{c}” utan inledande ”{o}” (skriv {c}{c} för en klammer i texten)")
                    .format(o="{", c="}")))
                text.append("}")
                i += 1
            else:
                text.append(ch)
                i += 1
    if text:
        segments.append("".join(text))
    return segments, problems


def _unknown(line: int, column: int, written: str) -> TemplateProblem:
    if not written.strip():
        return TemplateProblem(line, column, "{}", _("tomt fält {} (skriv {{}} för klamrar)"))
    key = unicodedata.normalize("NFC", written.strip()).casefold()
    close = difflib.get_close_matches(key, _ALL_NAMES, n=1, cutoff=0.6)
    suggestion = canonical(close[0]) if close else None
    return TemplateProblem(line, column, f"{{{written}}}",
                           _("okänt fält {{{name}}}").format(name=written), suggestion)


def check(body: str, kind: LetterKind | None = None) -> list[TemplateProblem]:
    """Every unknown or misspelt field and unbalanced brace; with ``kind``, also the call-in
    fields in a letter that has no call-in."""
    segments, problems = parse(body)
    if kind is not None and kind not in CALLIN_KINDS:
        problems += [
            TemplateProblem(seg.line, seg.column, f"{{{seg.name}}}",
                            _("fältet {{{name}}} finns bara i brev om en call-in").format(
                                name=seg.name))
            for seg in segments if isinstance(seg, Field) and seg.name in CALLIN_ONLY]
    return sorted(problems, key=lambda p: (p.line, p.column))


def used_fields(body: str) -> set[str]:
    segments, _problems = parse(body)
    return {s.name for s in segments if isinstance(s, Field)}


def fill(segments: list[Segment], values: Mapping[str, str]) -> str:
    return "".join(s if isinstance(s, str) else values.get(s.name, "") for s in segments)
