"""Recording a custom notification (riktat samtal), step by step: who and when → why → where
and with whom → the message → the outcome → review and save.

Every step is checked before Next, with the message under the field. Saving sends the whole
notification to the service (``create``, or ``update`` for one opened for editing); if the
service refuses, the wizard goes back to the first step concerned and shows why there. The
wizard may open with people already chosen (from a person's window). Every read and write
runs on the lane.

Locking the vault keeps what was entered: ``draft()`` hands the state over (as JSON, with the
step) and ``restore_draft`` brings it back on that step, unsaved. Someone chosen who was
deleted meanwhile is dropped and named on the first step; a notification deleted meanwhile
comes back as a new one.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.errors import FieldError, ValidationError
from app.services.drafts import Draft
from app.services.notifications import NotificationDTO
from app.ui.crash import user_message
from app.ui.dialogs.notification_draft import WizardState, state_from_json, state_to_json
from app.ui.dialogs.notification_message import MessageStep, OutcomeStep
from app.ui.dialogs.notification_steps import Step, WhereStep, WhoStep, WhyStep
from app.ui.labels import (
    message_part_label,
    notification_setting_label,
    notification_trigger_label,
    team_role_label,
)
from app.ui.pages.base import PageContext

WHO, WHY, WHERE, MESSAGE, OUTCOME, REVIEW = range(6)


class ReviewStep(Step):
    def __init__(self, context: PageContext, wizard: NotificationWizard,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Granska"))
        self.setSubTitle(self.tr("Kontrollera uppgifterna och spara."))
        self._wizard = wizard
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        self.summary.setText(self._wizard.review_html())


class NotificationWizard(QWizard):
    saved = Signal(str)  # the notification's id

    def __init__(self, context: PageContext, notification_id: str | None = None,
                 people: list[tuple[str, str]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.notification_id = notification_id
        self._busy = False
        self._ready = notification_id is None  # one being changed is shown once it is read
        self._pending: Draft | None = None  # a draft waiting for its notification to be read
        self._resume_at: int | None = None
        self._notices: dict[int, str] = {}  # said on the step a restored draft resumes at
        self.setWindowTitle(self.tr("Nytt riktat samtal") if notification_id is None
                            else self.tr("Ändra riktat samtal"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Nästa >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Tillbaka"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Spara"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Avbryt"))
        self.who = WhoStep(context)
        self.why = WhyStep(context, self.who.chosen.ids)
        self.where = WhereStep(context)
        self.message = MessageStep(context)
        self.outcome = OutcomeStep(context)
        self.review = ReviewStep(context, self)
        for n, step in enumerate(self.steps()):
            self.setPage(n, step)
        self.resize(820, 600)
        self.setMinimumSize(700, 500)
        for person_id, name in people or ():
            self.who.add_person(person_id, name)
        self._baseline = self.values()
        for step in self.steps():
            step.edited.connect(self._mark)
        if notification_id is not None:
            self.setEnabled(False)
            context.runner.run(context.services.notifications.get, notification_id,
                               on_done=self._loaded, on_error=self._load_failed, owner=self)

    def steps(self) -> list[Step]:
        return [self.who, self.why, self.where, self.message, self.outcome, self.review]

    # ---- values --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        legal = self.message.legal.toPlainText().strip() if self.message.legal.isEnabled() \
            else ""
        return {
            "person_ids": self.who.chosen.ids(), "delivered_at": self.who.delivered_at(),
            **self.why.values(), "setting": self.where.setting.currentData(),
            "team": [{"name": m.name, "role": m.role.value} for m in self.where.team.members()],
            "message_parts": self.message.chosen(), "legal_assessment": legal or None,
            "help_offered": self.message.help.toPlainText().strip() or None,
            "reaction": self.outcome.reaction.toPlainText().strip() or None,
            "next_step": self.outcome.next_step.toPlainText().strip() or None,
        }

    def has_changes(self) -> bool:
        return self.values() != self._baseline

    def _loaded(self, dto: NotificationDTO) -> None:
        self.setEnabled(True)
        self.who.chosen.set_people([(p.person_id, p.name) for p in dto.persons])
        if dto.delivered_at is not None:
            at = dto.delivered_at
            self.who.when.setDateTime(QDateTime(QDate(at.year, at.month, at.day),
                                                QTime(at.hour, at.minute)))
        self.why.apply(dto.trigger.value, dto.trigger_incident_id, dto.callin_id)
        self.where.setting.setCurrentIndex(max(self.where.setting.findData(
            dto.setting.value if dto.setting else None), 0))
        self.where.team.set_members(dto.team)
        for part, check in self.message.parts.items():
            check.setChecked(part in dto.message_parts)
        self.message.legal.setPlainText(dto.legal_assessment or "")
        self.message.help.setPlainText(dto.help_offered or "")
        self.outcome.reaction.setPlainText(dto.reaction or "")
        self.outcome.next_step.setPlainText(dto.next_step or "")
        self._baseline = self.values()
        self._ready = True
        if self._pending is not None:
            self._apply_draft(self._pending, gone=False)
        self._mark()

    def _load_failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        if self._pending is not None:
            # Deleted while the vault was locked: keep what was entered, as a new one.
            self._ready = True
            self._apply_draft(self._pending, gone=True)
            return
        self.who.show_errors([FieldError("", user_message(exc))])
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)

    def review_html(self) -> str:
        v = self.values()
        e = html.escape
        why = notification_trigger_label(v["trigger"])
        for combo, key in ((self.why.incident, "trigger_incident_id"),
                           (self.why.callin, "callin_id")):
            if v[key]:
                why += f" – {combo.itemText(combo.findData(v[key]))}"
        rows = [
            (self.tr("Personer"), ", ".join(name for _id, name in self.who.chosen.people())),
            (self.tr("Genomfört"), v["delivered_at"].strftime("%Y-%m-%d %H:%M")),
            (self.tr("Anledning"), why),
            (self.tr("Plats"), notification_setting_label(v["setting"])),
            (self.tr("Team"), ", ".join(f"{m.name} ({team_role_label(m.role)})"
                                        for m in self.where.team.members())),
            (self.tr("Budskap"), ", ".join(message_part_label(p) for p in v["message_parts"])),
            (self.tr("Rättslig bedömning"), v["legal_assessment"] or ""),
            (self.tr("Erbjuden hjälp"), v["help_offered"] or ""),
            (self.tr("Reaktion"), v["reaction"] or ""),
            (self.tr("Nästa steg"), v["next_step"] or ""),
        ]
        body = "".join(f"<tr><td style='padding-right:12px'><b>{e(k)}</b></td>"
                       f"<td>{e(val).replace(chr(10), '<br>') or '–'}</td></tr>"
                       for k, val in rows)
        return f"<table>{body}</table>"

    # ---- drafts across a lock -------------------------------------------------------------
    def state(self) -> WizardState:
        why = self.why.values()
        return WizardState(
            people=tuple(self.who.chosen.people()), delivered_at=self.who.delivered_at(),
            trigger=why["trigger"], trigger_incident_id=why["trigger_incident_id"],
            callin_id=why["callin_id"], setting=self.where.setting.currentData(),
            team=self.where.team.members(), message_parts=tuple(self.message.chosen()),
            texts={"legal_assessment": self.message.legal.toPlainText(),
                   "help_offered": self.message.help.toPlainText(),
                   "reaction": self.outcome.reaction.toPlainText(),
                   "next_step": self.outcome.next_step.toPlainText()},
            step=max(self.currentId(), WHO))

    def draft(self) -> Draft | None:
        """What is entered and not saved, with the step it is on; None when nothing is."""
        if self._pending is not None:
            return self._pending  # restored, but the notification has not been read back yet
        if not self._ready or not self.has_changes():
            return None
        return Draft("notification", self.notification_id, {"state": state_to_json(self.state())})

    def restore_draft(self, draft: Draft) -> None:
        """Bring kept values back (over the notification once it is read, if one is changed)."""
        if self._ready:
            self._apply_draft(draft, gone=draft.record_gone)
        else:
            self._pending = draft

    def _apply_draft(self, draft: Draft, *, gone: bool) -> None:
        self._pending = None
        try:
            state = state_from_json(draft.fields.get("state", ""))
        except ValueError:
            self.who.show_errors([FieldError("", self.tr(
                "Samtalet som sparades när valvet låstes kunde inte läsas tillbaka."))])
            return
        self._resume_at = min(max(state.step, WHO), REVIEW)
        if gone:
            self.notification_id = None
            self.setWindowTitle(self.tr("Nytt riktat samtal"))
            self._notices[self._resume_at] = self.tr(
                "Samtalet togs bort medan valvet var låst. Det du fyllt i visas här som ett nytt "
                "samtal: spara det för att registrera det igen, eller stäng och kasta det.")
        self.who.chosen.set_people(list(state.people))
        if state.delivered_at is not None:
            at = state.delivered_at
            self.who.when.setDateTime(QDateTime(QDate(at.year, at.month, at.day),
                                                QTime(at.hour, at.minute)))
        self.why.apply(state.trigger, state.trigger_incident_id, state.callin_id)
        self.where.setting.setCurrentIndex(max(self.where.setting.findData(state.setting), 0))
        self.where.team.set_members(state.team)
        for part, check in self.message.parts.items():
            check.setChecked(part.value in state.message_parts)
        for edit, key in ((self.message.legal, "legal_assessment"),
                          (self.message.help, "help_offered"),
                          (self.outcome.reaction, "reaction"),
                          (self.outcome.next_step, "next_step")):
            edit.setPlainText(state.texts.get(key, ""))
        self._mark()
        self.context.runner.run(self.context.services.notifications.live_people,
                                [pid for pid, _name in state.people],
                                on_done=self._people_checked, owner=self)

    def _people_checked(self, alive: list[str]) -> None:
        """Drop the people deleted while the vault was locked, and say so on the first step."""
        chosen = self.who.chosen.people()
        gone = [name for pid, name in chosen if pid not in alive]
        if gone:
            self.who.chosen.set_people([(pid, name) for pid, name in chosen if pid in alive])
            self._notices[WHO] = self.tr(
                "Borttagna ur registret medan valvet var låst, och därför inte längre med i "
                "samtalet: %1").replace("%1", ", ".join(gone))
            self._resume_at = WHO
            self._mark()
        if self.currentId() >= 0:
            self._resume()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._resume()

    def _resume(self) -> None:
        """Go to the step a restored draft was on (each Next checks its step, as by hand)."""
        target, self._resume_at = self._resume_at, None
        while target is not None and self.currentId() > target:
            self.back()
        while target is not None and self.currentId() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break  # a step that does not pass its check shows why, and stays
        if self._notices and self.currentId() >= 0:
            notices = [n for _step, n in sorted(self._notices.items())]
            self._notices.clear()
            self.steps()[self.currentId()].show_errors([FieldError("", n) for n in notices])

    def _mark(self) -> None:
        """A star in the title while something is unsaved."""
        title = self.windowTitle().removesuffix(" *")
        self.setWindowTitle(f"{title} *" if self._ready and self.has_changes() else title)

    # ---- saving --------------------------------------------------------------------------
    def accept(self) -> None:
        if self._busy:
            return
        self._busy = True
        values, notification_id = self.values(), self.notification_id
        service = self.context.services.notifications
        for step in self.steps():
            step.show_errors([])
        if notification_id is None:
            self.context.runner.run(service.create, values, on_done=self._saved,
                                    on_error=self._save_failed, owner=self)
        else:
            self.context.runner.run(service.update, notification_id, values,
                                    on_done=self._saved, on_error=self._save_failed, owner=self)

    def _saved(self, dto: NotificationDTO) -> None:
        self._busy = False
        self.notification_id = dto.id
        self._baseline = self.values()
        self._mark()
        self.context.events.changed("notification")
        self.saved.emit(dto.id)
        QDialog.done(self, QDialog.DialogCode.Accepted.value)

    def _save_failed(self, exc: BaseException) -> None:
        self._busy = False
        current = max(self.currentId(), 0)
        if not isinstance(exc, ValidationError):
            self.steps()[current].show_errors([FieldError("", user_message(exc))])
            return
        by_step: dict[int, list[FieldError]] = {}
        for error in exc.errors:
            step = next((n for n, s in enumerate(self.steps()) if error.field in s.fields),
                        current)
            by_step.setdefault(step, []).append(error)
        target = min(by_step)
        while self.currentId() > target:
            self.back()
        self.steps()[target].show_errors(by_step[target])

    # ---- closing -------------------------------------------------------------------------
    def reject(self) -> None:
        if self._busy:
            return
        if self.has_changes() and not self.ask_discard():
            return
        super().reject()

    def ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Osparade uppgifter"),
            self.tr("Samtalet är inte sparat. Vill du slänga det du fyllt i?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def discard(self) -> None:
        """The vault is locking: forget everything typed and close without asking."""
        self._pending, self._resume_at = None, None
        self._notices.clear()
        self.who.chosen.set_people([])
        self.who.found.set_people([])
        self.who.search.clear()
        self.where.team.set_members([])
        for edit in (self.message.legal, self.message.help, self.outcome.reaction,
                     self.outcome.next_step):
            edit.clear()
        self._baseline = self.values()
        self._busy = False
        super().reject()
