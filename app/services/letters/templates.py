"""Letter templates: the shipped texts, their structure, and the versioned rows in the vault.

A template body is plain text (see resources/letters/README.md): the first non-empty line is
the heading, the rest are paragraphs separated by blank lines; a single line break inside a
paragraph is kept. Every save is a new ``LetterTemplate`` row with the next version number,
so a printed letter can always name the exact text it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import LetterTemplate
from app.models.enums import LetterKind
from app.paths import resources_dir
from app.services import audit
from app.services.audit import Action

ENTITY = "letter_template"
LANGUAGES = ("sv", "en")

# Shipped template name → its kind; one file per language in resources/letters/<lang>/.
SHIPPED: dict[str, LetterKind] = {
    "forum": LetterKind.CALLIN_HANDOUT,
    "inbjudan": LetterKind.CALLIN_INVITATION,
    "riktat-samtal": LetterKind.CUSTOM_NOTIFICATION,
}
DEFAULT_FOR_KIND: dict[LetterKind, str] = {kind: name for name, kind in SHIPPED.items()}


@dataclass(frozen=True)
class TemplateSummary:
    name: str
    kind: LetterKind
    language: str
    version: int  # the latest
    updated_at: datetime


@dataclass(frozen=True)
class TemplateDTO:
    id: str
    name: str
    kind: LetterKind
    language: str
    version: int
    body: str
    created_at: datetime

    @property
    def heading(self) -> str:
        return split_layout(self.body)[0]


def to_dto(row: LetterTemplate) -> TemplateDTO:
    return TemplateDTO(row.id, row.name, row.kind, row.language, row.version, row.body,
                       row.created_at)


def split_layout(body: str) -> tuple[str, list[str]]:
    """(heading, paragraphs) of a body; blank lines separate paragraphs."""
    lines = body.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    heading = lines.pop(0).strip() if lines else ""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return heading, paragraphs


def layout_problem(body: str) -> str | None:
    heading, paragraphs = split_layout(body)
    if not heading or not paragraphs:
        return _("brevet behöver en rubrik på första raden och minst ett stycke under den")
    return None


def shipped_body(name: str, language: str) -> str:
    path = resources_dir() / "letters" / language / f"{name}.txt"
    return path.read_text(encoding="utf-8")


def latest_rows(s: Session, name: str | None = None,
                language: str | None = None) -> dict[tuple[str, str], LetterTemplate]:
    """The newest live version per (name, language); ties (two vaults saving the same version
    before a merge) go to the later stamp, then the id, the same on every laptop."""
    stmt = select(LetterTemplate).where(LetterTemplate.deleted.is_(False))
    if name is not None:
        stmt = stmt.where(LetterTemplate.name == name)
    if language is not None:
        stmt = stmt.where(LetterTemplate.language == language)
    best: dict[tuple[str, str], LetterTemplate] = {}
    for row in s.execute(stmt).scalars():
        key = (row.name, row.language)
        held = best.get(key)
        if held is None or (row.version, row.hlc, row.id) > (held.version, held.hlc, held.id):
            best[key] = row
    return best


def missing_shipped(s: Session) -> list[tuple[str, str]]:
    """Shipped (name, language) pairs that have never been stored, deleted rows included, so
    a template staff removed is not brought back."""
    have = {(n, lang) for n, lang in s.execute(select(LetterTemplate.name,
                                                     LetterTemplate.language))}
    return [(n, lang) for n in SHIPPED for lang in LANGUAGES if (n, lang) not in have]


def seed_shipped(s: Session) -> int:
    """Store the shipped templates missing from the vault as version 1 (idempotent)."""
    added = 0
    for name, language in missing_shipped(s):
        row = LetterTemplate(name=name, kind=SHIPPED[name], language=language, version=1,
                             body=shipped_body(name, language))
        s.add(row)
        s.flush()
        audit.record(s, Action.CREATE, ENTITY, row.id,
                     detail={"version": 1, "language": language, "shipped": True})
        added += 1
    return added
