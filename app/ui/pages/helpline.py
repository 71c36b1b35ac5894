"""Avhopparlinjen: the help-line register. Every contact newest first — when, channel, who
(anonymous, the name given or the linked person), what was asked, the follow-up day (red once
it has come) and who took it — filtered by period, channel, anonymous only and follow-ups to
do, and by words in the question, the offer or the name given.

"Ny kontakt…" opens a form made for typing while the caller is on the line. A caller who
later says who they are is linked to a person with "Koppla till person…" (and a wrong link
undone); the service logs both. A promised follow-up is marked done with "Uppföljd…".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import HelplineChannel
from app.services.drafts import Draft
from app.services.helpline import HelplineContactDTO, HelplineService
from app.services.people import PersonSummary
from app.ui.crash import user_message
from app.ui.dialogs.callin_wizard_candidates import PersonPickDialog
from app.ui.dialogs.helpline_contact import DRAFT_KIND, FollowedUpDialog, HelplineContactDialog
from app.ui.icons import page_icon
from app.ui.pages.base import Page, PageContext
from app.ui.period import PeriodFilter
from app.ui.table_models.helpline import HelplineModel, channel_label
from app.ui.widgets.empty_state import EmptyState
from app.ui.widgets.field_errors import error_label

SEARCH_DELAY_MS = 250
# A year holds hundreds of contacts: the whole chosen period is listed (the newest when there
# are more), so "follow-ups to do" is picked from all of it.
LIST_LIMIT = 5000


@dataclass(frozen=True)
class HelplineFilter:
    since: date | None = None
    until: date | None = None
    channel: str | None = None
    anonymous_only: bool = False
    due_only: bool = False
    text: str = ""

    def active(self) -> bool:
        return any((self.since, self.until, self.channel, self.anonymous_only, self.due_only,
                    self.text))


def _load(service: HelplineService, f: HelplineFilter) -> tuple[list[HelplineContactDTO], int]:
    """Runs on the lane: the contacts to show and how many the period held (the listing is
    logged by the service)."""
    rows = service.list(f.since, f.until, channel=f.channel, anonymous_only=f.anonymous_only,
                        search=f.text or None, limit=LIST_LIMIT)
    listed = len(rows)
    if f.due_only:
        today = date.today()
        rows = [r for r in rows if r.follow_up_due(today)]
    return rows, listed


class HelplinePage(Page):
    key = "helpline"
    watches = ("helpline_contact", "person")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._service = context.services.helpline
        self.model = HelplineModel(self)
        self.dialog: HelplineContactDialog | None = None
        self.picker: PersonPickDialog | None = None
        self.followed: FollowedUpDialog | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök i frågor, erbjudanden och uppgivna namn"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.channel_filter = QComboBox()
        self.channel_filter.addItem(self.tr("Alla kanaler"), None)
        for channel in HelplineChannel:
            self.channel_filter.addItem(channel_label(channel), channel.value)
        self.channel_filter.activated.connect(self.reload)
        self.anonymous_filter = QCheckBox(self.tr("Bara anonyma"))
        self.anonymous_filter.toggled.connect(self.reload)
        self.due_filter = QCheckBox(self.tr("Uppföljning att göra"))
        self.due_filter.setToolTip(self.tr("Kontakter vars uppföljningsdag har kommit och som "
                                           "inte markerats som uppföljda"))
        self.due_filter.toggled.connect(self.reload)
        self.period = PeriodFilter()
        self.period.changed.connect(self.reload)

        self.new_button = QPushButton(page_icon("add"), self.tr("Ny kontakt…"))
        self.new_button.setToolTip(self.tr("Registrera ett samtal, ett sms eller ett besök "
                                           "medan det pågår (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_contact)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_contact)
        self.open_button = QPushButton(page_icon("edit"), self.tr("Öppna"))
        self.open_button.setToolTip(self.tr("Öppna den valda kontakten (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.link_button = QPushButton(self.tr("Koppla till person…"))
        self.link_button.setToolTip(self.tr("Den som hörde av sig har sagt vem hen är: koppla "
                                            "kontakten till personen i registret"))
        self.link_button.clicked.connect(self.link_selected)
        self.unlink_button = QPushButton(self.tr("Ta bort koppling"))
        self.unlink_button.setToolTip(self.tr("Kontakten kopplades till fel person"))
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.followed_button = QPushButton(self.tr("Uppföljd…"))
        self.followed_button.setToolTip(self.tr("Markera den utlovade uppföljningen som gjord"))
        self.followed_button.clicked.connect(self.mark_followed_up)
        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel()
        self.error_label = error_label()

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._size_columns()
        self.view.activated.connect(self._open_index)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.activated.connect(self.delete_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.model.layoutChanged.connect(self._selection_changed)
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.channel_filter)
        filters.addWidget(self.anonymous_filter)
        filters.addWidget(self.due_filter)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.link_button, self.unlink_button,
                       self.followed_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.period)
        layout.addLayout(actions)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.reload)
        self._selection_changed()

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        metrics = self.fontMetrics()
        pad = metrics.horizontalAdvance("MM")

        def fits(*texts: str) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + pad

        model = HelplineModel
        widths = {model.WHEN: fits("2026-12-31 23:59"),
                  model.CHANNEL: fits(*(channel_label(c) for c in HelplineChannel)),
                  model.CALLER: fits("Förnamn Efternamnsson"),
                  model.FOLLOW_UP: fits("2026-12-31", self.tr("Följs upp")),
                  model.HANDLED_BY: fits("Förnamn Efternamnsson")}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # The question is what the list is read for: it takes the room that is left.
        header.setSectionResizeMode(model.ASKED, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order

    # ---- page life cycle -------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Avhopparlinjen")

    def icon(self) -> QIcon:
        return page_icon("helpline")

    def load(self) -> None:
        self.reload()

    def current_filter(self) -> HelplineFilter:
        return HelplineFilter(since=self.period.since, until=self.period.until,
                              channel=self.channel_filter.currentData() or None,
                              anonymous_only=self.anonymous_filter.isChecked(),
                              due_only=self.due_filter.isChecked(),
                              text=self.search.text().strip())

    def reload(self) -> None:
        self._debounce.stop()
        if not self.period.is_valid():
            return
        f = self.current_filter()
        self.context.runner.run(_load, self._service, f,
                                on_done=lambda loaded: self._show(loaded, f),
                                on_error=self._show_exc, owner=self)

    def clear(self) -> None:
        super().clear()
        self._debounce.stop()
        if self.dialog is not None:
            self.dialog.discard()  # its draft was collected first; nothing typed may stay
            self.dialog = None
        if self.picker is not None:
            self.picker.search.clear()
            self.picker.close()
            self.picker = None
        if self.followed is not None:
            self.followed.clear()
            self.followed = None
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for box in (self.anonymous_filter, self.due_filter):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.channel_filter.setCurrentIndex(0)
        self.period.clear()
        self.model.clear()
        self.count_label.clear()
        self.error_label.hide()

    def show_record(self, record_id: str) -> None:
        self._open(record_id)

    def drafts(self) -> list[Draft]:
        draft = self.dialog.draft() if self.dialog is not None else None
        return [draft] if draft is not None else []

    def restore_draft(self, draft: Draft) -> bool:
        if draft.kind != DRAFT_KIND:
            return False
        gone = draft.record_id is None or draft.record_gone
        self._open(None if gone else draft.record_id).restore_draft(draft)
        return True

    # ---- showing ---------------------------------------------------------------------------
    def _show(self, loaded: tuple[list[HelplineContactDTO], int], f: HelplineFilter) -> None:
        rows, listed = loaded
        chosen = self.selected()
        self.error_label.hide()
        self.model.set_contacts(rows)
        if chosen is not None and (row := self.model.row_of(chosen.id)) >= 0:
            self.view.selectRow(row)
        shown = len(rows)
        locale = QLocale()
        text = self.tr("1 kontakt") if shown == 1 else self.tr("%1 kontakter").replace(
            "%1", locale.toString(shown))
        if listed >= LIST_LIMIT:
            text += " " + self.tr("(bland de %1 senaste)").replace("%1",
                                                                   locale.toString(listed))
        self.count_label.setText(text)
        if shown:
            self.stack.setCurrentWidget(self.view)
            return
        if f == HelplineFilter(due_only=True):
            title = self.tr("Ingen uppföljning att göra")
            body = self.tr("Alla utlovade uppföljningar är gjorda eller ligger längre fram.")
        elif f.active():
            title = self.tr("Ingen kontakt matchar filtret")
            body = self.tr("Töm sökrutan, välj ”Alla kanaler”, ta bort bockarna och välj "
                           "perioden ”Allt” för att se fler.")
        else:
            title = self.tr("Inga kontakter med avhopparlinjen ännu")
            body = self.tr("Registrera ett samtal medan det pågår med ”Ny kontakt…” (Ctrl+N). "
                           "Den som ringer är anonym tills hen själv uppger sitt namn.")
        self.empty.say(title, body)
        self.stack.setCurrentWidget(self.empty)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _show_exc(self, exc: BaseException) -> None:
        self._show_error(user_message(exc))

    # ---- selection -------------------------------------------------------------------------
    def selected(self) -> HelplineContactDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.contact(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        contact = self.selected()
        has = contact is not None
        for button in (self.open_button, self.delete_button):
            button.setEnabled(has)
        self.link_button.setEnabled(has and contact is not None and contact.person_id is None)
        self.unlink_button.setEnabled(has and contact is not None
                                      and contact.person_id is not None)
        self.followed_button.setEnabled(has and contact is not None
                                        and contact.follow_up_on is not None)

    # ---- the form --------------------------------------------------------------------------
    def new_contact(self) -> HelplineContactDialog:
        return self._open(None)

    def open_selected(self) -> None:
        contact = self.selected()
        if contact is not None:
            self._open(contact.id)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open(self.model.contact(index.row()).id)

    def _open(self, contact_id: str | None) -> HelplineContactDialog:
        if self.dialog is not None:
            if contact_id is not None and self.dialog.contact_id == contact_id:
                self.dialog.raise_()
                self.dialog.activateWindow()
                return self.dialog
            self.dialog.close()
            if self.dialog is not None and self.dialog.isVisible():
                return self.dialog  # the user kept the open form (unsaved text)
        dialog = HelplineContactDialog(self.context, contact_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open_record.connect(self.open_record)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _dialog_finished(self) -> None:
        if self.sender() is self.dialog:
            self.dialog = None

    def _saved(self, _contact_id: str) -> None:
        self.status_message.emit(self.tr("Kontakten är sparad."))
        self.context.events.changed("helpline_contact")

    # ---- linking ---------------------------------------------------------------------------
    def link_selected(self) -> PersonPickDialog | None:
        contact = self.selected()
        if contact is None or contact.person_id is not None:
            return None
        if self.picker is not None:
            self.picker.close()
        picker = PersonPickDialog(self.context, self)
        picker.setWindowTitle(self.tr("Koppla kontakten till en person"))
        picker.ok.setText(self.tr("Koppla"))
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(lambda person: self._link(contact.id, person))
        picker.finished.connect(lambda _r: setattr(self, "picker", None))
        self.picker = picker
        picker.show()
        return picker

    def _link(self, contact_id: str, person: PersonSummary) -> None:
        self.error_label.hide()
        self.context.runner.run(
            self._service.link_person, contact_id, person.id,
            on_done=lambda _c: self._changed(self.tr("Kontakten är kopplad till %1.").replace(
                "%1", f"{person.first_name} {person.last_name}")),
            on_error=self._show_exc, owner=self)

    def unlink_selected(self) -> None:
        contact = self.selected()
        if contact is None or contact.person_id is None:
            return
        name = contact.person_name or self.tr("personen")
        left = (self.tr("Kontakten behåller namnet som uppgavs (%1).").replace(
            "%1", contact.caller_name) if contact.caller_name
            else self.tr("Kontakten blir anonym igen."))
        answer = QMessageBox.question(
            self, self.tr("Ta bort koppling"),
            self.tr("Ta bort kopplingen mellan kontakten och %1?").replace("%1", name)
            + "\n\n" + left,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.run(
            self._service.unlink_person, contact.id,
            on_done=lambda _c: self._changed(self.tr("Kopplingen är borttagen.")),
            on_error=self._show_exc, owner=self)

    def _changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.context.events.changed("helpline_contact")

    # ---- follow-up and delete --------------------------------------------------------------
    def mark_followed_up(self) -> FollowedUpDialog | None:
        contact = self.selected()
        if contact is None or contact.follow_up_on is None:
            return None
        if self.followed is not None:
            self.followed.close()
        dialog = FollowedUpDialog(self.context, contact, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.followed_up.connect(lambda _c: self._changed(self.tr("Uppföljningen är markerad som "
                                                             "gjord.")))
        dialog.finished.connect(lambda _r: setattr(self, "followed", None))
        self.followed = dialog
        dialog.show()
        return dialog

    def delete_selected(self) -> None:
        contact = self.selected()
        if contact is None:
            return
        question = self.tr("Ta bort kontakten %1 (%2)?").replace(
            "%1", contact.contacted_at.strftime("%Y-%m-%d %H:%M")).replace(
            "%2", self.model.caller_text(contact))
        answer = QMessageBox.question(
            self, self.tr("Ta bort kontakt"),
            question + "\n\n" + self.tr("Kontakten försvinner ur listor, mått och tidslinjer."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.run(self._service.delete, contact.id,
                                on_done=lambda _r: self._changed(self.tr("Kontakten är "
                                                                         "borttagen.")),
                                on_error=self._show_exc, owner=self)
