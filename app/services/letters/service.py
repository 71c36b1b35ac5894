"""LetterService: templates, letterhead, and letters for a call-in, a notification or a person.

A preview renders and records no letter (it is logged once as a READ: it shows people's
names). Printing renders first and then, in one transaction, writes one ``Letter`` row and one
PRINT audit event per letter — so a failed or cancelled batch records nothing, and each
printed letter is recorded exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, NotFound, ValidationError
from app.i18n import _
from app.models import Letter, LetterTemplate, VaultMeta
from app.models.base import new_id
from app.models.enums import LetterKind
from app.services import audit
from app.services.audit import Action
from app.services.bulk import insert_rows
from app.services.db import Db, utcnow
from app.services.letters import recipients as rcp
from app.services.letters import templates as tpl
from app.services.letters.fields import (
    CALLIN_KINDS,
    MergeField,
    TemplateProblem,
    check,
    fill,
    merge_fields,
    parse,
    used_fields,
)
from app.services.letters.letterhead import META_KEY, Letterhead, clean_letterhead
from app.services.letters.render import IsCancelled, LetterText, Progress, render_letters
from app.services.letters.templates import TemplateDTO, TemplateSummary
from app.services.letters.words import WORDS
from app.services.validate import Checker

OUTPUTS = ("pdf", "printer")
Deliver = Callable[[bytes], None]
LETTER_TABLE: Table = Letter.__table__  # type: ignore[assignment]
_TEMPLATE_LABEL = _("brevmall")
# The made-up recipient of a sample letter: plainly not a real person.
_SAMPLE_FIRST = "Exempel"
_SAMPLE_LAST = "Exempelsson"
_SAMPLE_GROUP = "Exempelgruppen"
_SAMPLE_VENUE = "Exempelsalen, Stadshuset"


@dataclass(frozen=True)
class LetterRecord:
    """One printed letter, as recorded (ids only: the screens look the person up)."""

    id: str
    person_id: str
    kind: LetterKind
    template_name: str
    template_version: int
    language: str
    call_in_id: str | None
    notification_id: str | None
    printed_at: datetime
    printed_by: str
    output: str


@dataclass(frozen=True)
class _Batch:
    template: TemplateDTO
    people: list[rcp.Recipient]
    context: dict[str, str]  # fields that are the same in every letter of the batch
    call_in_id: str | None = None
    notification_id: str | None = None


class LetterService:
    def __init__(self, db: Db) -> None:
        self.db = db

    # ---- templates ------------------------------------------------------------------------
    @staticmethod
    def merge_fields() -> list[MergeField]:
        return merge_fields()

    @staticmethod
    def check(body: str, kind: LetterKind | None = None) -> list[TemplateProblem]:
        """Every problem in a template body (unknown fields with a suggestion, braces)."""
        return check(body, kind)

    def templates(self) -> list[TemplateSummary]:
        """The latest version of every template, by name and language."""
        self._seed()
        with self.db.read() as s:
            rows = tpl.latest_rows(s)
            return [TemplateSummary(r.name, r.kind, r.language, r.version, r.created_at)
                    for _key, r in sorted(rows.items())]

    def template(self, name: str, language: str, version: int | None = None) -> TemplateDTO:
        self._seed()
        with self.db.read() as s:
            return tpl.to_dto(self._template_row(s, name, language, version))

    def versions(self, name: str, language: str) -> list[TemplateDTO]:
        """Every stored version, newest first."""
        self._seed()
        with self.db.read() as s:
            rows = s.execute(select(LetterTemplate).where(
                LetterTemplate.name == name, LetterTemplate.language == language,
                LetterTemplate.deleted.is_(False))
                .order_by(LetterTemplate.version.desc(), LetterTemplate.hlc.desc())
            ).scalars().all()
            if not rows:
                raise NotFound(_missing_template(name, language))
            return [tpl.to_dto(r) for r in rows]

    def save_template(self, name: str, language: str, body: str, *,
                      kind: LetterKind | str | None = None) -> int:
        """Store ``body`` as the next version (a new template needs ``kind``); returns the
        version. An unchanged body stores nothing and returns the current version."""
        c = Checker()
        clean_name = c.text("name", _("namn"), name, required=True, max_len=100)
        lang = _check_language(c, language)
        text = c.text("body", _("brevtext"), body, required=True, max_len=20000)
        wanted_kind = c.enum("kind", _("brevtyp"), kind, LetterKind, required=False)
        c.done()
        assert clean_name is not None and lang is not None and text is not None
        self._seed()
        with self.db.write() as s:
            latest = tpl.latest_rows(s, clean_name, lang).get((clean_name, lang))
            if latest is None and wanted_kind is None:
                raise ValidationError(FieldError("kind", _("måste väljas för en ny mall"),
                                                 _("brevtyp")))
            if latest is not None and wanted_kind not in (None, latest.kind):
                raise ValidationError(FieldError(
                    "kind", _("mallen finns redan med en annan brevtyp"), _("brevtyp")))
            the_kind = latest.kind if latest is not None else wanted_kind
            assert the_kind is not None
            _refuse_problems(text, the_kind)
            if latest is not None and latest.body == text:
                return latest.version
            top = s.execute(select(func.max(LetterTemplate.version)).where(
                LetterTemplate.name == clean_name, LetterTemplate.language == lang)).scalar()
            row = LetterTemplate(name=clean_name, kind=the_kind, language=lang,
                                 version=(top or 0) + 1, body=text)
            s.add(row)
            s.flush()
            audit.record(s, Action.CREATE, tpl.ENTITY, row.id,
                         detail={"version": row.version, "language": lang})
            return row.version

    def preview_sample(self, name: str, language: str, body: str | None = None) -> bytes:
        """The template (or ``body``, unsaved edits of it) as a letter to a made-up person,
        for the template editor. Refuses a body with problems; records nothing: no real
        person is named."""
        self._seed()
        with self.db.read() as s:
            found = tpl.to_dto(self._template_row(s, name, language))
        if body is not None:
            found = replace(found, body=body)
        words = WORDS[found.language]
        sample = rcp.Recipient("", _SAMPLE_FIRST, _SAMPLE_LAST, (_SAMPLE_GROUP,))
        context = {"plats": _SAMPLE_VENUE,
                   "tid": words.time(datetime.combine(date.today(), time(18, 0)))}
        batch = _Batch(found, [sample], context if found.kind in CALLIN_KINDS else {})
        return self._render(batch, self._letters(batch, preview=True), None, None)

    # ---- letterhead -----------------------------------------------------------------------
    def letterhead(self) -> Letterhead:
        return Letterhead.from_json(self.db.meta(META_KEY))

    def save_letterhead(self, values: dict[str, Any] | Letterhead) -> Letterhead:
        """Validate and store the letterhead (fields as in ``Letterhead``); audited with the
        names of the fields that changed."""
        raw = values.__dict__ if isinstance(values, Letterhead) else values
        head = clean_letterhead(raw)
        with self.db.write() as s:
            row = s.get(VaultMeta, META_KEY)
            old = Letterhead.from_json(row.value if row else None)
            changed = sorted(f for f in head.__dataclass_fields__
                             if getattr(head, f) != getattr(old, f))
            if not changed:
                return head
            if row is None:
                s.add(VaultMeta(key=META_KEY, value=head.to_json()))
            else:
                row.value = head.to_json()
            audit.record(s, Action.UPDATE, "letterhead", None, detail={"fields": changed})
        return head

    # ---- letters --------------------------------------------------------------------------
    def preview_callin(self, call_in_id: str, *, template: str | None = None,
                       language: str = "sv", invitees: bool = False,
                       progress: Progress | None = None,
                       cancelled: IsCancelled | None = None) -> bytes:
        batch = self._callin_batch(call_in_id, template, language, invitees)
        return self._preview(batch, "callin", call_in_id, progress, cancelled)

    def print_callin(self, call_in_id: str, *, template: str | None = None,
                     language: str = "sv", invitees: bool = False, output: str = "pdf",
                     progress: Progress | None = None, cancelled: IsCancelled | None = None,
                     deliver: Deliver | None = None) -> bytes:
        """One PDF, a letter per attendee (or per invited person with ``invitees``), each
        recorded as printed. ``deliver(pdf)`` (write the file, hand it to the printer) runs
        before the records are committed: if it raises, nothing is recorded."""
        _check_output(output)
        batch = self._callin_batch(call_in_id, template, language, invitees)
        return self._print(batch, output, progress, cancelled, deliver)

    def preview_notification(self, notification_id: str, *, template: str | None = None,
                             language: str = "sv", progress: Progress | None = None,
                             cancelled: IsCancelled | None = None) -> bytes:
        batch = self._notification_batch(notification_id, template, language)
        return self._preview(batch, "notification", notification_id, progress, cancelled)

    def print_notification(self, notification_id: str, *, template: str | None = None,
                           language: str = "sv", output: str = "pdf",
                           progress: Progress | None = None,
                           cancelled: IsCancelled | None = None,
                           deliver: Deliver | None = None) -> bytes:
        """A letter per person of the notification; recorded as ``print_callin`` does."""
        _check_output(output)
        batch = self._notification_batch(notification_id, template, language)
        return self._print(batch, output, progress, cancelled, deliver)

    def preview_person(self, person_id: str, *, template: str, language: str = "sv",
                       call_in_id: str | None = None,
                       notification_id: str | None = None) -> bytes:
        batch = self._person_batch(person_id, template, language, call_in_id, notification_id)
        return self._preview(batch, "person", person_id, None, None)

    def print_person(self, person_id: str, *, template: str, language: str = "sv",
                     call_in_id: str | None = None, notification_id: str | None = None,
                     output: str = "pdf", deliver: Deliver | None = None) -> bytes:
        """One letter to one person; a call-in template needs ``call_in_id``."""
        _check_output(output)
        batch = self._person_batch(person_id, template, language, call_in_id, notification_id)
        return self._print(batch, output, None, None, deliver)

    def printed(self, *, person_id: str | None = None, call_in_id: str | None = None,
                notification_id: str | None = None) -> list[LetterRecord]:
        """Recorded letters, newest first, filtered by any of the ids given."""
        stmt = select(Letter).where(Letter.deleted.is_(False))
        if person_id:
            stmt = stmt.where(Letter.person_id == person_id)
        if call_in_id:
            stmt = stmt.where(Letter.callin_id == call_in_id)
        if notification_id:
            stmt = stmt.where(Letter.notification_id == notification_id)
        with self.db.read() as s:
            rows = s.execute(stmt.order_by(Letter.printed_at.desc(), Letter.id)).scalars()
            return [LetterRecord(r.id, r.person_id, r.kind, r.template_name, r.template_version,
                                 r.language, r.callin_id, r.notification_id, r.printed_at,
                                 r.printed_by, r.output) for r in rows]

    # ---- internals ------------------------------------------------------------------------
    def _seed(self) -> None:
        with self.db.read() as s:
            if not tpl.missing_shipped(s):
                return
        with self.db.write() as s:
            tpl.seed_shipped(s)

    @staticmethod
    def _template_row(s: Session, name: str, language: str,
                      version: int | None = None) -> LetterTemplate:
        if version is None:
            row = tpl.latest_rows(s, name, language).get((name, language))
        else:
            row = s.execute(select(LetterTemplate).where(
                LetterTemplate.name == name, LetterTemplate.language == language,
                LetterTemplate.version == version, LetterTemplate.deleted.is_(False))
                .order_by(LetterTemplate.hlc.desc())).scalars().first()
        if row is None:
            raise NotFound(_missing_template(name, language, version))
        return row

    def _resolve(self, s: Session, name: str | None, language: str, default: LetterKind,
                 allowed: frozenset[LetterKind] | None) -> TemplateDTO:
        c = Checker()
        _check_language(c, language)
        c.done()
        found = tpl.to_dto(self._template_row(s, name or tpl.DEFAULT_FOR_KIND[default],
                                              language))
        if allowed is not None and found.kind not in allowed:
            raise ValidationError(FieldError("template", _("mallen {name} passar inte här "
                                                           "(den är för {kind})").format(
                name=found.name, kind=_kind_text(found.kind)), _TEMPLATE_LABEL))
        return found

    def _callin_batch(self, call_in_id: str, template: str | None, language: str,
                      invitees: bool) -> _Batch:
        self._seed()
        default = LetterKind.CALLIN_INVITATION if invitees else LetterKind.CALLIN_HANDOUT
        with self.db.read() as s:
            callin = rcp.load_callin(s, call_in_id)
            found = self._resolve(s, template, language, default, CALLIN_KINDS)
            people = rcp.callin_recipients(s, call_in_id, invitees=invitees)
            context = _callin_context(callin.venue, callin.starts_at, language)
        if not people:
            raise ValidationError(FieldError("recipients", (
                _("ingen har fått inbjudan till denna call-in") if invitees
                else _("ingen är registrerad som närvarande på denna call-in")), _("mottagare")))
        return _Batch(found, people, context, call_in_id=call_in_id)

    def _notification_batch(self, notification_id: str, template: str | None,
                            language: str) -> _Batch:
        self._seed()
        with self.db.read() as s:
            rcp.load_notification(s, notification_id)
            found = self._resolve(s, template, language, LetterKind.CUSTOM_NOTIFICATION,
                                  frozenset({LetterKind.CUSTOM_NOTIFICATION}))
            people = rcp.notification_recipients(s, notification_id)
        if not people:
            raise ValidationError(FieldError("recipients", _(
                "det riktade samtalet har ingen person"), _("mottagare")))
        return _Batch(found, people, {}, notification_id=notification_id)

    def _person_batch(self, person_id: str, template: str, language: str,
                      call_in_id: str | None, notification_id: str | None) -> _Batch:
        self._seed()
        with self.db.read() as s:
            person = rcp.person_recipient(s, person_id)
            found = self._resolve(s, template, language, LetterKind.CUSTOM_NOTIFICATION, None)
            context: dict[str, str] = {}
            if found.kind in CALLIN_KINDS:
                if not call_in_id:
                    raise ValidationError(FieldError("call_in_id", _(
                        "ett brev om en call-in behöver en call-in"), _("call-in")))
                callin = rcp.load_callin(s, call_in_id)
                context = _callin_context(callin.venue, callin.starts_at, language)
            if notification_id:
                rcp.load_notification(s, notification_id)
        return _Batch(found, [person], context, call_in_id=call_in_id,
                      notification_id=notification_id)

    def _letters(self, batch: _Batch, *, preview: bool) -> list[LetterText]:
        """Merge every letter, or refuse: template problems, missing letterhead or values."""
        t = batch.template
        _refuse_problems(t.body, t.kind)
        head = self.letterhead()
        words = WORDS[t.language]
        errors: list[FieldError] = [] if preview else head.missing_for_print()
        heading, paragraphs = tpl.split_layout(t.body)
        parts = [parse(heading)[0], *(parse(p)[0] for p in paragraphs)]
        used = used_fields(t.body)
        shared = {
            "datum": words.date(date.today()), "kontaktperson": head.contact_person,
            "telefon": head.phone, "öppettider": head.opening_hours,
            "avsändare": words.join(head.partners), "ort": head.place, **batch.context,
        }
        for name in sorted(used & (set(shared) | {"plats", "tid"})):
            if not shared.get(name) and not preview:
                errors.append(FieldError("template", _("{{{name}}} har inget värde att "
                                                       "skriva ut").format(name=name),
                                         _TEMPLATE_LABEL))
        no_group = [p.name for p in batch.people if not p.groups]
        if "grupp" in used and no_group and not preview:
            errors.append(FieldError("recipients", _("saknar aktuell grupp för {{grupp}}: "
                                                     "{names}").format(
                names=", ".join(no_group[:10]) + (" …" if len(no_group) > 10 else "")),
                _("mottagare")))
        if errors:
            raise ValidationError(errors)
        out: list[LetterText] = []
        for person in batch.people:
            values = {**shared, "förnamn": person.first_name, "efternamn": person.last_name,
                      "namn": person.name, "grupp": words.join(person.groups)}
            if preview:  # show what is missing instead of a silent gap
                values = {k: v or f"[{k}]" for k, v in values.items()}
                values.update({n: f"[{n}]" for n in used if n not in values})
            texts = [fill(segments, values) for segments in parts]
            out.append(LetterText(person.name, texts[0], tuple(texts[1:])))
        return out

    def _render(self, batch: _Batch, letters: list[LetterText], progress: Progress | None,
                cancelled: IsCancelled | None) -> bytes:
        t = batch.template
        return render_letters(letters, self.letterhead(), WORDS[t.language], date.today(),
                              title=t.heading, progress=progress, cancelled=cancelled)

    def _preview(self, batch: _Batch, entity: str, entity_id: str, progress: Progress | None,
                 cancelled: IsCancelled | None) -> bytes:
        pdf = self._render(batch, self._letters(batch, preview=True), progress, cancelled)
        with self.db.write() as s:
            audit.record(s, Action.READ, entity, entity_id,
                         detail={"letter_preview": len(batch.people)})
        return pdf

    def _print(self, batch: _Batch, output: str, progress: Progress | None,
               cancelled: IsCancelled | None, deliver: Deliver | None) -> bytes:
        pdf = self._render(batch, self._letters(batch, preview=False), progress, cancelled)
        t = batch.template
        now = utcnow()
        rows: list[dict[str, Any]] = [{"id": new_id(), "person_id": p.person_id, "kind": t.kind,
                 "template_name": t.name, "template_version": t.version,
                 "language": t.language, "callin_id": batch.call_in_id,
                 "notification_id": batch.notification_id, "printed_at": now,
                 "printed_by": self.db.user, "output": output} for p in batch.people]
        with self.db.write() as s:
            # Core bulk insert for the rows (the ORM is several times slower for a batch);
            # one PRINT event per letter, so each person's audit trail shows it.
            insert_rows(s, LETTER_TABLE, rows)
            for row in rows:
                audit.record(s, Action.PRINT, "person", row["person_id"], detail={
                    "letter": row["id"], "template": t.name, "version": t.version,
                    "language": t.language, "output": output})
            if deliver is not None:
                deliver(pdf)
        return pdf


def _callin_context(venue: str | None, starts_at: datetime | None,
                    language: str) -> dict[str, str]:
    words = WORDS[language]
    return {"plats": venue or "", "tid": words.time(starts_at) if starts_at else ""}


def _refuse_problems(body: str, kind: LetterKind) -> None:
    problems = check(body, kind)
    errors = [FieldError("body", str(p), _("brevtext")) for p in problems]
    layout = tpl.layout_problem(body)
    if layout:
        errors.append(FieldError("body", layout, _("brevtext")))
    if errors:
        raise ValidationError(errors)


def _check_language(c: Checker, language: Any) -> str | None:
    if language not in tpl.LANGUAGES:
        c.fail("language", _("språk"), _("brev finns på svenska (sv) och engelska (en)"))
        return None
    return str(language)


def _check_output(output: str) -> None:
    if output not in OUTPUTS:
        raise ValidationError(FieldError("output", _("ska vara pdf eller printer"),
                                         _("utskrift")))


def _kind_text(kind: LetterKind) -> str:
    return {
        LetterKind.CALLIN_HANDOUT: _("brev efter call-in"),
        LetterKind.CALLIN_INVITATION: _("inbjudan till call-in"),
        LetterKind.CUSTOM_NOTIFICATION: _("brev efter riktat samtal"),
    }[kind]


def _missing_template(name: str, language: str, version: int | None = None) -> str:
    if version is not None:
        return _("Brevmallen {name} ({language}) har ingen version {version}.").format(
            name=name, language=language, version=version)
    return _("Det finns ingen brevmall {name} på språket {language}.").format(
        name=name, language=language)


