"""The working group's measures, month by month over a chosen period, counted in SQL.

``MeasuresService.compute(start, end)`` returns a ``Measures`` tree (frozen dataclasses) that
the measures page and the report (PDF, CSV) both draw from. The months are the calendar months
the period overlaps, the first and last clipped to it; each measure also has a total for the
whole period. Every number is an aggregate (GROUP BY month) — no row is loaded into Python —
and tombstoned rows never count, nor rows of a tombstoned person or group.

What each measure counts (docs/measures.md says the same for readers of the report):

- Violence: incidents of type shooting / explosion, and killings — incidents of type homicide
  *or* with someone killed (a fatal shooting is coded as a shooting with ``killed`` > 0) —
  each with "GMI" (group member involvement, ``gmi`` = yes) beside all of them.
- Harm: the share of shootings where someone was injured or killed (``injured``/``killed``
  counts on the incident), for GMI shootings and for all.
- The message: people given a custom notification in the month (distinct), doses delivered
  (as ``doses.py`` defines a dose: a custom notification or a call-in attended), and people
  given a dose in the month who had by then had at least two (counted over all history).
- Call-ins held (status held, dated by their start), and at them: people invited (invited,
  attended, no-show or excused) and attended, and the attendance share.
- Follow-through rounds started in the month, and active in it (started on or before its last
  day and not ended before its first).
- Referrals made (proposed on, else created), accepted and completed: dated by the referral's
  steps (``referral_event``); a referral without any step recorded falls back to its status and
  ``status_changed_on`` (accepted counts a referral now accepted, started or completed).
- Help-line contacts, of which anonymous, and the anonymous share.

A total over the period is the sum of the months for counts of events; for counts of distinct
people or referrals it is the number of distinct ones over the whole period (someone notified
in two months is one person in the total), and a share is taken of the totals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Date,
    String,
    and_,
    distinct,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from app.errors import FieldError, MottryckError, ValidationError, os_error_text
from app.i18n import Labels, _
from app.models import (
    CallIn,
    CallInInvitee,
    EnforcementAction,
    Group,
    HelplineContact,
    Incident,
    Person,
    Referral,
    ReferralEvent,
)
from app.models.enums import (
    CallInStatus,
    Gmi,
    IncidentType,
    InviteeStatus,
    ReferralStatus,
)
from app.services import audit
from app.services.audit import Action
from app.services.db import Db
from app.services.doses import CUSTOM, INVITATION, dose_events, live

MAX_MONTHS = 120  # ten years: beyond that a monthly chart is no longer readable
ENTITY = "measures"


class Style(StrEnum):
    """How a series is shown: bars, a line for comparison, or only in the numbers table (a
    share beside counts, or counts beside shares — one chart has one scale)."""

    BAR = "bar"
    LINE = "line"
    TABLE = "table"


GROUP_TITLES: Mapping[str, str] = Labels({
    "shootings": _("Skjutningar"),
    "explosions": _("Sprängningar"),
    "killings": _("Dödligt våld"),
    "harm": _("Skjutningar där någon skadades eller dödades"),
    "message": _("Riktade samtal och doser"),
    "callins": _("Call-ins"),
    "attendance": _("Närvaro på call-ins"),
    "rounds": _("Ökat fokus (sanktionsrundor)"),
    "referrals": _("Remisser till stöd"),
    "helpline": _("Stödlinjen"),
})

GROUP_NOTES: Mapping[str, str] = Labels({
    "shootings": _("Skjutningar per månad: de med gruppkoppling (GMI) som staplar, alla "
                   "skjutningar som linje."),
    "explosions": _("Sprängningar per månad: de med gruppkoppling (GMI) som staplar, alla "
                    "sprängningar som linje."),
    "killings": _("Händelser med dödligt våld per månad (typ dödligt våld eller någon "
                  "dödad): de med gruppkoppling (GMI) som staplar, alla som linje."),
    "harm": _("Andel av skjutningarna där minst en person skadades eller dödades. Tomt där "
              "månaden inte hade någon skjutning."),
    "message": _("Personer som fått ett riktat samtal, personer som under månaden fått "
                 "minst sin andra dos (räknat över hela historiken) och antal doser (riktade "
                 "samtal och närvaro på call-in)."),
    "callins": _("Call-ins som hållits, efter startdatum."),
    "attendance": _("Inbjudna och närvarande på de call-ins som hållits under månaden."),
    "rounds": _("Sanktionsrundor som startat under månaden, och som pågått någon dag av den."),
    "referrals": _("Remisser som gjorts, accepterats och slutförts under månaden."),
    "helpline": _("Kontakter med stödlinjen, och hur många av dem som var anonyma."),
})

SERIES_TITLES: Mapping[str, str] = Labels({
    "gmi_shootings": _("GMI-skjutningar"),
    "shootings": _("Alla skjutningar"),
    "gmi_explosions": _("GMI-sprängningar"),
    "explosions": _("Alla sprängningar"),
    "gmi_killings": _("GMI-dödligt våld"),
    "killings": _("Allt dödligt våld"),
    "gmi_harm_share": _("Andel av GMI-skjutningarna"),
    "harm_share": _("Andel av alla skjutningar"),
    "gmi_harm": _("GMI-skjutningar med skadade eller döda"),
    "harm": _("Alla skjutningar med skadade eller döda"),
    "people_notified": _("Personer med riktat samtal"),
    "repeat_people": _("Personer med upprepad dos"),
    "doses": _("Doser"),
    "callins_held": _("Hållna call-ins"),
    "invited": _("Inbjudna"),
    "attended": _("Närvarande"),
    "attendance_share": _("Närvaro"),
    "rounds_started": _("Startade rundor"),
    "rounds_active": _("Pågående rundor"),
    "referrals_made": _("Gjorda remisser"),
    "referrals_accepted": _("Accepterade remisser"),
    "referrals_completed": _("Slutförda remisser"),
    "helpline_contacts": _("Kontakter"),
    "helpline_anonymous": _("Anonyma kontakter"),
    "anonymous_share": _("Andel anonyma"),
})

UNITS: Mapping[str, str] = Labels({
    "incidents": _("händelser"),
    "percent": _("procent"),
    "people": _("personer"),
    "doses": _("doser"),
    "callins": _("call-ins"),
    "rounds": _("rundor"),
    "referrals": _("remisser"),
    "contacts": _("kontakter"),
})

MONTH_ABBREVIATIONS = Labels({
    "1": _("jan"), "2": _("feb"), "3": _("mar"), "4": _("apr"), "5": _("maj"), "6": _("jun"),
    "7": _("jul"), "8": _("aug"), "9": _("sep"), "10": _("okt"), "11": _("nov"),
    "12": _("dec"),
})


@dataclass(frozen=True)
class Month:
    """A calendar month as far as it lies within the period."""

    start: date
    end: date  # inclusive

    @property
    def key(self) -> str:
        """"2025-03", as SQL groups it."""
        return f"{self.start.year:04d}-{self.start.month:02d}"

    @property
    def partial(self) -> bool:
        return self.start.day != 1 or (self.end + timedelta(days=1)).day != 1

    @property
    def label(self) -> str:
        """"2025-03", or "2025-03 (15–31)" for a month the period only partly covers."""
        if not self.partial:
            return self.key
        return f"{self.key} ({self.start.day}–{self.end.day})"

    @property
    def short(self) -> str:
        """The month's abbreviation ("mar"), for a chart axis."""
        return MONTH_ABBREVIATIONS[str(self.start.month)]


Value = int | float | None


@dataclass(frozen=True)
class Series:
    key: str
    unit_key: str
    style: Style
    values: tuple[Value, ...]  # one per month of ``Measures.months``; None: no share to take
    total: Value

    @property
    def title(self) -> str:
        return SERIES_TITLES[self.key]

    @property
    def unit(self) -> str:
        return UNITS[self.unit_key]

    @property
    def percent(self) -> bool:
        return self.unit_key == "percent"

    def text(self, value: Value) -> str:
        """A value as the table shows it: "12", "33 %", or "–" where there is none."""
        if value is None:
            return "–"
        if self.percent:
            return _("{value} %").format(value=round(value))
        return str(value)


@dataclass(frozen=True)
class MeasureGroup:
    """The measures one chart shows (bars and lines share its one scale) and one table."""

    key: str
    series: tuple[Series, ...]

    @property
    def title(self) -> str:
        return GROUP_TITLES[self.key]

    @property
    def note(self) -> str:
        return GROUP_NOTES[self.key]

    @property
    def charted(self) -> tuple[Series, ...]:
        return tuple(s for s in self.series if s.style is not Style.TABLE)

    @property
    def percent(self) -> bool:
        """The chart's scale is 0–100 %."""
        return any(s.percent for s in self.charted)


@dataclass(frozen=True)
class Measures:
    start: date
    end: date
    months: tuple[Month, ...]
    groups: tuple[MeasureGroup, ...]
    computed_at: datetime

    def group(self, key: str) -> MeasureGroup:
        for g in self.groups:
            if g.key == key:
                return g
        raise KeyError(key)

    def series(self, key: str) -> Series:
        for g in self.groups:
            for s in g.series:
                if s.key == key:
                    return s
        raise KeyError(key)


@dataclass(frozen=True)
class ExportResult:
    pdf: Path | None
    csv: tuple[Path, ...]


def months_between(start: date, end: date) -> tuple[Month, ...]:
    """The calendar months from ``start`` to ``end`` (inclusive), the ends clipped."""
    months = []
    first = start.replace(day=1)
    while first <= end:
        following = (first + timedelta(days=32)).replace(day=1)
        months.append(Month(max(first, start), min(following - timedelta(days=1), end)))
        first = following
    return tuple(months)


def check_period(start: date | None, end: date | None) -> None:
    """Refuse a period the measures cannot cover, naming the field to fix."""
    errors = []
    if start is None:
        errors.append(FieldError("start", _("måste anges"), _("från och med")))
    if end is None:
        errors.append(FieldError("end", _("måste anges"), _("till och med")))
    if end is not None and end.year >= date.max.year:  # no "day after" to count up to
        errors.append(FieldError("end", _("ligger för långt fram"), _("till och med")))
    elif start is not None and end is not None:
        if end < start:
            errors.append(FieldError("end", _("får inte vara före från-datumet"),
                                     _("till och med")))
        elif len(months_between(start, end)) > MAX_MONTHS:
            errors.append(FieldError("end", _("perioden får vara högst {n} månader").format(
                n=MAX_MONTHS), _("till och med")))
    if errors:
        raise ValidationError(errors)


def _moments(start: date, end: date) -> tuple[datetime, datetime]:
    """Inclusive days as a half-open span of moments."""
    return datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)


def _month(col: Any) -> Any:
    """SQL: "YYYY-MM" of a stored date or datetime (both are ISO text in the vault)."""
    return func.substr(col, 1, 7)


def _not_deleted(model: Any, id_col: Any) -> Any:
    """SQL: ``id_col`` names no tombstoned ``model`` row (few are, so the list is short)."""
    return id_col.not_in(select(model.id).where(model.deleted.is_(True)))


def _count_if(cond: Any) -> Any:
    return func.count().filter(cond)


def _distinct_if(col: Any, cond: Any) -> Any:
    return func.count(distinct(col)).filter(cond)


Row = Sequence[Any]


class _Table:
    """Per-month rows of one aggregate query, read by column."""

    def __init__(self, rows: Iterable[Row], months: Sequence[Month]) -> None:
        self.by_month = {str(r[0]): tuple(r[1:]) for r in rows}
        self.months = months

    def column(self, i: int) -> tuple[int, ...]:
        """The ``i``-th aggregate for every month; a month without rows has 0."""
        return tuple(int(self.by_month[m.key][i] or 0) if m.key in self.by_month else 0
                     for m in self.months)


def _with_total(s: Session, month: Any, aggregates: Sequence[Any], where: Any,
                months: Sequence[Month]) -> tuple[_Table, Row]:
    """The aggregates by month and over the whole period (distinct counts do not add up)
    in one statement: a source given as a materialized CTE is then computed once."""
    by_month = select(month.label("m"), *aggregates).where(where).group_by(month)
    whole = select(literal(None, String).label("m"), *aggregates).where(where)
    rows = s.execute(union_all(by_month, whole)).all()
    total = next(r for r in rows if r[0] is None)
    return (_Table((r for r in rows if r[0] is not None), months),
            tuple(int(v or 0) for v in total[1:]))


def _share(part: Value, whole: Value) -> float | None:
    if not whole or part is None:
        return None
    return 100.0 * float(part) / float(whole)


def _shares(parts: Sequence[Value], wholes: Sequence[Value]) -> tuple[float | None, ...]:
    return tuple(_share(p, w) for p, w in zip(parts, wholes, strict=True))


class MeasuresService:
    def __init__(self, db: Db) -> None:
        self.db = db

    # ---- computing -----------------------------------------------------------------------
    def compute(self, start: date, end: date) -> Measures:
        """Every measure for the period, by month and in total. Counts only: nothing here
        names a person, so reading them is not logged (exporting them is)."""
        check_period(start, end)
        months = months_between(start, end)
        with self.db.read() as s:
            groups = [*_violence(s, start, end, months), _message(s, start, end, months),
                      *_callins(s, start, end, months), _rounds(s, start, end, months),
                      _referrals(s, start, end, months), _helpline(s, start, end, months)]
        return Measures(start, end, months, tuple(groups), datetime.now())

    # ---- the report ---------------------------------------------------------------------
    def unit_name(self) -> str:
        """The name the report is from: the unit's name, else the letterhead's partners."""
        name = (self.db.meta("unit_name") or "").strip()
        if name:
            return name
        from app.services.letters.letterhead import META_KEY, Letterhead

        head = Letterhead.from_json(self.db.meta(META_KEY))
        return ", ".join(head.partners)

    def export(self, measures: Measures, *, pdf: Path | None = None,
               csv_dir: Path | None = None) -> ExportResult:
        """Write the report as PDF and/or one CSV file per table, and log who exported which
        period. The measures hold counts only — no personal data — so this is not a
        disclosure for the register; the export is still logged (an EXPORT event naming the
        period and what was written, never a path). Files are written inside the transaction
        that logs them: one that cannot be written leaves no record (and the error)."""
        from app.services.report.pdf import write_report
        from app.services.report.tables import write_csv

        if pdf is None and csv_dir is None:
            raise ValueError("nothing to export")
        unit = self.unit_name()
        written: tuple[Path, ...] = ()
        with self.db.write() as s:
            if pdf is not None:
                _writing(pdf, lambda: write_report(measures, pdf, unit_name=unit,
                                                   generated_by=self.db.user))
            if csv_dir is not None:
                written = _writing(csv_dir, lambda: tuple(write_csv(measures, csv_dir)))
            outputs = (["pdf"] if pdf is not None else []) + (["csv"] if csv_dir else [])
            audit.record(s, Action.EXPORT, ENTITY, None, detail={
                "from": measures.start.isoformat(), "to": measures.end.isoformat(),
                "outputs": outputs, "csv_files": len(written)})
        return ExportResult(pdf, written)


T = TypeVar("T")


def _writing(path: Path, write: Callable[[], T]) -> T:
    try:
        return write()
    except OSError as exc:
        raise MottryckError(_("Kan inte skriva {path}: {reason}.").format(
            path=path, reason=os_error_text(exc))) from exc


# ---- the queries ----------------------------------------------------------------------------
def _violence(s: Session, start: date, end: date,
              months: Sequence[Month]) -> list[MeasureGroup]:
    lo, hi = _moments(start, end)
    gmi = Incident.gmi == Gmi.YES
    shooting = Incident.type == IncidentType.SHOOTING
    explosion = Incident.type == IncidentType.EXPLOSION
    killing = or_(Incident.type == IncidentType.HOMICIDE, Incident.killed > 0)
    harm = and_(shooting, or_(Incident.injured > 0, Incident.killed > 0))
    m = _month(Incident.occurred_at)
    t = _Table(s.execute(
        select(m, _count_if(shooting & gmi), _count_if(shooting), _count_if(explosion & gmi),
               _count_if(explosion), _count_if(killing & gmi), _count_if(killing),
               _count_if(harm & gmi), _count_if(harm))
        .where(live(Incident), Incident.occurred_at >= lo, Incident.occurred_at < hi)
        .group_by(m)).all(), months)
    c = [t.column(i) for i in range(8)]
    tot = [sum(col) for col in c]

    def counts(key: str, gmi_col: int) -> MeasureGroup:
        return MeasureGroup(key, (
            Series(f"gmi_{key}", "incidents", Style.BAR, c[gmi_col], tot[gmi_col]),
            Series(key, "incidents", Style.LINE, c[gmi_col + 1], tot[gmi_col + 1])))

    harm_group = MeasureGroup("harm", (
        Series("gmi_harm_share", "percent", Style.BAR, _shares(c[6], c[0]),
               _share(tot[6], tot[0])),
        Series("harm_share", "percent", Style.LINE, _shares(c[7], c[1]), _share(tot[7], tot[1])),
        Series("gmi_harm", "incidents", Style.TABLE, c[6], tot[6]),
        Series("harm", "incidents", Style.TABLE, c[7], tot[7])))
    return [counts("shootings", 0), counts("explosions", 2), counts("killings", 4), harm_group]


def _message(s: Session, start: date, end: date, months: Sequence[Month]) -> MeasureGroup:
    lo, hi = _moments(start, end)
    # Every dose up to the period's end, numbered per person in time order: a person given a
    # dose numbered 2 or more in a month had by then had at least two.
    e = dose_events(None, hi)
    doses = (select(e.c.person_id, e.c.kind, e.c.at,
                    func.row_number().over(partition_by=e.c.person_id, order_by=e.c.at)
                    .label("n"))
             .where(e.c.kind != INVITATION).cte("dose").prefix_with("MATERIALIZED"))
    custom, repeat = doses.c.kind == CUSTOM, doses.c.n >= 2
    aggregates = (_distinct_if(doses.c.person_id, custom),
                  _distinct_if(doses.c.person_id, repeat), func.count())
    t, total = _with_total(s, _month(doses.c.at), aggregates, doses.c.at >= lo, months)
    return MeasureGroup("message", (
        Series("people_notified", "people", Style.BAR, t.column(0), int(total[0])),
        Series("repeat_people", "people", Style.BAR, t.column(1), int(total[1])),
        Series("doses", "doses", Style.LINE, t.column(2), int(total[2]))))


def _callins(s: Session, start: date, end: date,
             months: Sequence[Month]) -> list[MeasureGroup]:
    lo, hi = _moments(start, end)
    invited = CallInInvitee.status.in_((InviteeStatus.INVITED, InviteeStatus.ATTENDED,
                                        InviteeStatus.NO_SHOW, InviteeStatus.EXCUSED))
    attended = CallInInvitee.status == InviteeStatus.ATTENDED
    m = _month(CallIn.starts_at)
    t = _Table(s.execute(
        select(m, func.count(distinct(CallIn.id)), _count_if(invited), _count_if(attended))
        .select_from(CallIn)
        .outerjoin(CallInInvitee, and_(CallInInvitee.callin_id == CallIn.id,
                                       live(CallInInvitee),
                                       _not_deleted(Person, CallInInvitee.person_id)))
        .where(live(CallIn), CallIn.status == CallInStatus.HELD, CallIn.starts_at >= lo,
               CallIn.starts_at < hi)
        .group_by(m)).all(), months)
    held, asked, came = t.column(0), t.column(1), t.column(2)
    return [
        MeasureGroup("callins", (Series("callins_held", "callins", Style.BAR, held, sum(held)),)),
        MeasureGroup("attendance", (
            Series("invited", "people", Style.BAR, asked, sum(asked)),
            Series("attended", "people", Style.BAR, came, sum(came)),
            Series("attendance_share", "percent", Style.TABLE, _shares(came, asked),
                   _share(sum(came), sum(asked))))),
    ]


def _rounds(s: Session, start: date, end: date, months: Sequence[Month]) -> MeasureGroup:
    ea = EnforcementAction
    counted = and_(live(ea), ea.started_on.is_not(None), _not_deleted(Group, ea.group_id))
    m = _month(ea.started_on)
    started = _Table(s.execute(
        select(m, func.count()).where(counted, ea.started_on >= start, ea.started_on <= end)
        .group_by(m)).all(), months).column(0)

    def overlaps(first: Any, last: Any) -> Any:
        return and_(ea.started_on <= last, or_(ea.ended_on.is_(None), ea.ended_on >= first))

    # The months as a table of literals, so "active in the month" is one join, not a query
    # per month (SQLite does not name the columns of a VALUES list in FROM).
    month_rows = union_all(*(
        select(literal(mo.key, String).label("key"), literal(mo.start, Date).label("first"),
               literal(mo.end, Date).label("last")) for mo in months)).subquery("month")
    active = _Table(s.execute(
        select(month_rows.c.key, func.count(ea.id)).select_from(month_rows)
        .join(ea, and_(counted, overlaps(month_rows.c.first, month_rows.c.last)))
        .group_by(month_rows.c.key)).all(), months).column(0)
    active_total = s.execute(select(func.count()).select_from(ea)
                             .where(counted, overlaps(start, end))).scalar_one()
    return MeasureGroup("rounds", (
        Series("rounds_started", "rounds", Style.BAR, started, sum(started)),
        Series("rounds_active", "rounds", Style.LINE, active, int(active_total))))


def _referrals(s: Session, start: date, end: date, months: Sequence[Month]) -> MeasureGroup:
    counted = and_(live(Referral), _not_deleted(Person, Referral.person_id))
    made_on = func.coalesce(Referral.proposed_on, func.date(Referral.created_at))
    m = _month(made_on)
    made = _Table(s.execute(
        select(m, func.count()).where(counted, made_on >= start, made_on <= end)
        .group_by(m)).all(), months).column(0)

    accepted, completed = ReferralStatus.ACCEPTED.value, ReferralStatus.COMPLETED.value
    stepped = (select(ReferralEvent.referral_id.label("rid"),
                      ReferralEvent.status.label("step"), ReferralEvent.on.label("on"))
               .join(Referral, Referral.id == ReferralEvent.referral_id)
               .where(live(ReferralEvent), counted,
                      ReferralEvent.status.in_((ReferralStatus.ACCEPTED,
                                                ReferralStatus.COMPLETED))))
    # Without any step recorded only the present status and its date are known.
    no_steps = and_(counted, Referral.status_changed_on.is_not(None),
                    Referral.id.not_in(select(ReferralEvent.referral_id)
                                       .where(live(ReferralEvent))))
    reached_accepted = (select(Referral.id, literal(accepted), Referral.status_changed_on)
                        .where(no_steps, Referral.status.in_((ReferralStatus.ACCEPTED,
                                                              ReferralStatus.STARTED,
                                                              ReferralStatus.COMPLETED))))
    reached_completed = (select(Referral.id, literal(completed), Referral.status_changed_on)
                         .where(no_steps, Referral.status == ReferralStatus.COMPLETED))
    steps = (union_all(stepped, reached_accepted, reached_completed).cte("step")
             .prefix_with("MATERIALIZED"))
    in_period = and_(steps.c.on >= start, steps.c.on <= end)
    aggregates = (_distinct_if(steps.c.rid, steps.c.step == accepted),
                  _distinct_if(steps.c.rid, steps.c.step == completed))
    t, total = _with_total(s, _month(steps.c.on), aggregates, in_period, months)
    return MeasureGroup("referrals", (
        Series("referrals_made", "referrals", Style.BAR, made, sum(made)),
        Series("referrals_accepted", "referrals", Style.BAR, t.column(0), int(total[0])),
        Series("referrals_completed", "referrals", Style.BAR, t.column(1), int(total[1]))))


def _helpline(s: Session, start: date, end: date, months: Sequence[Month]) -> MeasureGroup:
    lo, hi = _moments(start, end)
    hc = HelplineContact
    m = _month(hc.contacted_at)
    t = _Table(s.execute(
        select(m, func.count(), _count_if(hc.anonymous.is_(True)))
        .where(live(hc), hc.contacted_at >= lo, hc.contacted_at < hi)
        .group_by(m)).all(), months)
    contacts, anonymous = t.column(0), t.column(1)
    return MeasureGroup("helpline", (
        Series("helpline_contacts", "contacts", Style.BAR, contacts, sum(contacts)),
        Series("helpline_anonymous", "contacts", Style.BAR, anonymous, sum(anonymous)),
        Series("anonymous_share", "percent", Style.TABLE, _shares(anonymous, contacts),
               _share(sum(anonymous), sum(contacts)))))

