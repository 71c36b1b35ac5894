"""Planning a call-in, step by step: when and where → groups → invitees → programme →
logistics → review and create.

Every step is checked before Next, with the message on the step. "Spara utkast" saves the
plan as it is (a draft may be incomplete) and closes; opening the wizard with a draft's id
brings everything back and goes on at the first step that is not done. "Skapa" saves the
finished plan; if the service refuses it, the wizard goes back to the step concerned and
shows why. Every read and write runs on the lane.

Locking the vault keeps an unsaved plan: ``draft()`` hands it over (the plan, the step the
user was on, the names shown) and ``restore_draft`` brings it back on that step, unsaved.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget, QWizard

from app.errors import FieldError, ValidationError
from app.models.enums import CallInStatus, FrivardStatus, InviteeStatus
from app.services.callin_dto import CallInDTO, CallInPlan, PlannedInvitee, PlannedSpeaker
from app.services.callin_plan import PLANNING_STATUSES
from app.services.callin_plan_json import plan_from_json, plan_to_json
from app.services.drafts import Draft
from app.ui.crash import user_message
from app.ui.dialogs.callin_wizard_candidates import CandidatesPage
from app.ui.dialogs.callin_wizard_details import DetailsPage, LogisticsPage, PlanPage
from app.ui.dialogs.callin_wizard_groups import GroupsPage
from app.ui.dialogs.callin_wizard_programme import ProgrammePage
from app.ui.dialogs.callin_wizard_review import Review, ReviewPage
from app.ui.pages.base import PageContext
from app.ui.table_models.candidates import CandidateRow

DETAILS, GROUPS, CANDIDATES, PROGRAMME, LOGISTICS, REVIEW = range(6)
SAVE_DRAFT = QWizard.WizardButton.CustomButton1


class CallInWizard(QWizard):
    saved = Signal(str)  # the call-in's id, after a draft or the finished plan is saved

    def __init__(self, context: PageContext, call_in_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.call_in_id = call_in_id
        self._busy = False
        self._resume_at: int | None = None
        self._had_date = True
        self._ready = call_in_id is None  # an existing call-in is shown once it is read
        self._pending: Draft | None = None  # a draft waiting for its call-in to be read
        self._notice = ""  # said on the step the wizard resumes at
        self.setWindowTitle(self.tr("Ny call-in") if call_in_id is None
                            else self.tr("Planera call-in"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(SAVE_DRAFT, self.tr("Spara utkast"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Nästa >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Tillbaka"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Skapa"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Avbryt"))
        self.button(SAVE_DRAFT).setToolTip(self.tr("Spara planen som utkast och stäng; "
                                                   "du kan fortsätta senare"))
        self.details = DetailsPage(context)
        self.groups = GroupsPage(context)
        self.candidates = CandidatesPage(context, self._candidate_query)
        self.programme = ProgrammePage(context)
        self.logistics = LogisticsPage(context)
        self.review = ReviewPage(context, self._review)
        for step, page in enumerate(self.steps()):
            self.setPage(step, page)
        self.customButtonClicked.connect(self._custom_button)
        for page in self.steps():
            page.edited.connect(self._mark)
        self.groups.dropped.connect(self._groups_dropped)
        self.resize(1080, 640)  # the candidates' columns in view; fits 1366×768
        self.setMinimumSize(760, 520)
        self.groups.load()
        self._baseline = self.current_plan()
        if call_in_id is not None:
            self.setEnabled(False)
            context.runner.run(context.services.callins.get, call_in_id,
                               on_done=self._loaded, on_error=self._load_failed, owner=self)

    def steps(self) -> list[PlanPage]:
        return [self.details, self.groups, self.candidates, self.programme, self.logistics,
                self.review]

    # ---- the plan as entered -------------------------------------------------------------------
    def current_plan(self) -> CallInPlan:
        v = self.details.values()
        return CallInPlan(
            title=str(v["title"]), starts_at=self.details.starts_at(),
            venue=v["venue"] or None,  # type: ignore[arg-type]
            security_plan=v["security_plan"] or None,  # type: ignore[arg-type]
            practical_notes=v["practical_notes"] or None,  # type: ignore[arg-type]
            group_ids=self.groups.group_ids(), invitees=self.candidates.model.invitees(),
            speakers=self.programme.speakers(), logistics=self.logistics.logistics())

    def has_changes(self) -> bool:
        return self.current_plan() != self._baseline

    def _candidate_query(self) -> tuple[tuple[str, ...], date, str | None]:
        return self.groups.group_ids(), self.details.starts_at().date(), self.call_in_id

    def _review(self) -> Review:
        plan = self.current_plan()
        names = {inv.person_id: self.candidates.model.name_of(inv.person_id)
                 for inv in plan.invitees}
        return Review(plan, self.groups.model.checked_names(), names, self.logistics.labels())

    # ---- resuming a draft ----------------------------------------------------------------------
    def _loaded(self, dto: CallInDTO) -> None:
        self.setEnabled(True)
        plan = _plan_of(dto)
        self._had_date = dto.starts_at is not None
        self.details.apply(plan)
        self.groups.apply(plan, {g.group_id: g.name for g in dto.groups})
        self.candidates.model.set_invitees(list(plan.invitees), [
            CandidateRow(i.person_id, i.name, frivard_status=i.frivard_status)
            for i in dto.invitees])
        self.programme.apply(plan)
        self.logistics.apply(plan)
        if dto.status is not CallInStatus.DRAFT:
            # A call-in already planned is edited whole; it is never a draft again.
            self.setOption(QWizard.WizardOption.HaveCustomButton1, False)
            self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Spara"))
        self.setWindowTitle(self.tr("Planera call-in: %1").replace("%1", dto.title or "–"))
        self._baseline = self.current_plan()
        self._resume_at = self.first_incomplete()
        self._ready = True
        if self._pending is not None:
            self._apply_draft(self._pending, gone=False)
        elif self.currentId() >= 0:
            self._resume()

    def _load_failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        if self._pending is not None:
            # Deleted while the vault was locked: keep what was typed, as a new plan.
            self.call_in_id, self._ready = None, True
            self.setWindowTitle(self.tr("Ny call-in"))
            self._apply_draft(self._pending, gone=True)
            return
        self.details.show_errors([FieldError("", user_message(exc))])
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, False)

    def first_incomplete(self) -> int:
        if not self._had_date:
            return DETAILS
        for step in (DETAILS, GROUPS, CANDIDATES, PROGRAMME):
            if self.steps()[step].problems():
                return step
        return REVIEW if self.logistics.logistics() else LOGISTICS

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._resume()

    def _resume(self) -> None:
        target, self._resume_at = self._resume_at, None
        while target is not None and self.currentId() > target:
            before = self.currentId()
            self.back()  # a kept plan was on an earlier step than the first one not done
            if self.currentId() == before:
                break
        while target is not None and self.currentId() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break
        notice, self._notice = self._notice, ""
        if notice and self.currentId() >= 0:
            self.steps()[self.currentId()].show_errors([FieldError("", notice)])

    def _groups_dropped(self) -> None:
        """A ticked group is gone: show the groups step, where it says which."""
        if self._resume_at is not None:
            self._resume_at = min(self._resume_at, GROUPS)
        while self.currentId() > GROUPS:
            self.back()

    # ---- drafts across a lock ------------------------------------------------------------------
    def draft(self) -> Draft | None:
        """The unsaved plan and the step it is on, or None when nothing is unsaved."""
        if self._pending is not None:
            return self._pending  # restored, but the call-in has not been read back yet
        if not self._ready or not self.has_changes():
            return None
        plan = self.current_plan()
        model = self.candidates.model
        people = {i.person_id: [model.name_of(i.person_id), model.frivard_of(i.person_id)]
                  for i in plan.invitees}
        groups = dict(zip(self.groups.group_ids(), self.groups.model.checked_names(),
                          strict=True))
        return Draft("callin_plan", self.call_in_id, {
            "plan": plan_to_json(plan), "step": str(max(self.currentId(), DETAILS)),
            "people": json.dumps(people, ensure_ascii=False),
            "groups": json.dumps(groups, ensure_ascii=False)})

    def restore_draft(self, draft: Draft) -> None:
        """Bring a kept plan back (over the call-in once it is read, if it is one)."""
        if self._ready:
            self._apply_draft(draft, gone=draft.record_gone)
        else:
            self._pending = draft

    def _apply_draft(self, draft: Draft, *, gone: bool) -> None:
        self._pending = None
        try:
            plan = plan_from_json(draft.fields.get("plan", ""))
            step = min(max(int(draft.fields.get("step", "0")), DETAILS), REVIEW)
            people = dict(json.loads(draft.fields.get("people", "{}")))
            names = {str(k): str(v) for k, v in json.loads(
                draft.fields.get("groups", "{}")).items()}
        except (ValueError, TypeError, AttributeError):
            self.details.show_errors([FieldError("", self.tr(
                "Planen som sparades när valvet låstes kunde inte läsas tillbaka."))])
            return
        if gone:
            plan = _as_new(plan)
            self._notice = self.tr("Call-in togs bort medan valvet var låst. Planen visas här "
                                   "som en ny call-in: spara den för att lägga upp den igen, "
                                   "eller stäng och kasta den.")
        self.details.apply(plan)
        self._had_date = True
        self.candidates.model.set_invitees(list(plan.invitees), [
            CandidateRow(pid, str(name), frivard_status=_frivard(status))
            for pid, (name, status) in people.items()])
        self.programme.apply(plan)
        self.logistics.apply(plan)
        self._resume_at = step
        self.groups.apply(plan, names)  # last: a group gone meanwhile sends it to its step
        self._mark()
        if self.currentId() >= 0:
            self._resume()

    def _mark(self) -> None:
        """A star in the title while something is unsaved."""
        title = self.windowTitle().removesuffix(" *")
        self.setWindowTitle(f"{title} *" if self._ready and self.has_changes() else title)

    # ---- saving --------------------------------------------------------------------------------
    def _custom_button(self, which: int) -> None:
        if which == SAVE_DRAFT.value:
            self.save_draft()

    def save_draft(self) -> None:
        self._save(finish=False)

    def accept(self) -> None:
        """Finish (on the last step, after its check): save the finished plan."""
        self._save(finish=True)

    def _save(self, *, finish: bool) -> None:
        if self._busy:
            return
        self._busy = True
        plan, call_in_id = self.current_plan(), self.call_in_id
        callins = self.context.services.callins
        for page in self.steps():
            page.show_errors([])
        self.context.runner.run(
            lambda: callins.save_plan(plan, call_in_id=call_in_id, finish=finish),
            on_done=self._saved, on_error=self._save_failed, owner=self)

    def _saved(self, call_in_id: str) -> None:
        self._busy = False
        self.call_in_id = call_in_id
        self._baseline = self.current_plan()
        self._mark()
        self.context.events.changed("callin")
        self.saved.emit(call_in_id)
        # Past QWizard.done, which would check the current step again: a draft may be
        # saved from a step that is not complete.
        QDialog.done(self, QDialog.DialogCode.Accepted.value)

    def _save_failed(self, exc: BaseException) -> None:
        self._busy = False
        current = max(self.currentId(), 0)
        if not isinstance(exc, ValidationError):
            self.steps()[current].show_errors([FieldError("", user_message(exc))])
            return
        by_step: dict[int, list[FieldError]] = {}
        for error in exc.errors:
            step = next((n for n, page in enumerate(self.steps()) if error.field in page.fields),
                        current)
            by_step.setdefault(step, []).append(error)
        target = min(by_step)
        while self.currentId() > target:
            self.back()
        if self.currentId() == target:
            self.steps()[target].show_errors(by_step[target])
        else:
            # A later step is concerned (a draft saved early): say so here, with its label.
            self.steps()[current].show_errors([FieldError(e.field, str(e), e.label)
                                            for e in exc.errors])

    # ---- closing -------------------------------------------------------------------------------
    def reject(self) -> None:
        if self._busy:
            return
        if self.has_changes():
            choice = self.ask_unsaved()
            if choice == QMessageBox.StandardButton.Cancel:
                return
            if choice == QMessageBox.StandardButton.Save:
                self.save_draft()
                return
        super().reject()

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Osparade ändringar"),
                          self.tr("Planen har ändringar som inte är sparade. Vill du spara "
                                  "dem som utkast?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Spara utkast"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Släng ändringarna"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Fortsätt planera"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def discard(self) -> None:
        """The vault is locking: forget everything typed and close without asking."""
        self._pending = None
        for page in self.steps():
            page.clear()
        self._baseline = self.current_plan()
        self._busy = False
        super().reject()


def _plan_of(dto: CallInDTO) -> CallInPlan:
    """The plan in a call-in read in full (one audited read gives the names too)."""
    return CallInPlan(
        title=dto.title, starts_at=dto.starts_at, venue=dto.venue,
        security_plan=dto.security_plan, practical_notes=dto.practical_notes,
        group_ids=tuple(g.group_id for g in dto.groups),
        invitees=tuple(PlannedInvitee(i.person_id, i.reason, i.status) for i in dto.invitees),
        speakers=tuple(PlannedSpeaker(sp.role, sp.name, sp.minutes, sp.id)
                       for sp in dto.speakers),
        logistics=tuple(item.key for item in dto.logistics if item.done))


def _as_new(plan: CallInPlan) -> CallInPlan:
    """A plan of a call-in that is gone, made fit to be saved as a new one: its programme
    slots get new ids and invitees further down the pipeline go back to approved."""
    return CallInPlan(
        title=plan.title, starts_at=plan.starts_at, venue=plan.venue,
        security_plan=plan.security_plan, practical_notes=plan.practical_notes,
        group_ids=plan.group_ids,
        invitees=tuple(i if i.status in PLANNING_STATUSES
                       else PlannedInvitee(i.person_id, i.reason, InviteeStatus.APPROVED)
                       for i in plan.invitees),
        speakers=tuple(PlannedSpeaker(sp.role, sp.name, sp.minutes) for sp in plan.speakers),
        logistics=plan.logistics)


def _frivard(value: object) -> FrivardStatus:
    try:
        return FrivardStatus(str(value))
    except ValueError:
        return FrivardStatus.NONE
