"""One line saying how often the message reached a person or a group's members: the doses
(custom notifications and call-ins attended), the invitations beside them, and the latest."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.services.doses import Doses


class DosesLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("color: palette(placeholder-text);")
        self.setToolTip(self.tr("En dos är budskapet framfört ansikte mot ansikte: ett riktat "
                                "samtal eller en call-in personen deltog i. Kallelser räknas "
                                "inte som doser."))

    def show_doses(self, doses: Doses) -> None:
        number = QLocale().toString
        if not doses.total and not doses.invitations:
            self.setText(self.tr("Doser: inga ännu (inget riktat samtal, ingen call-in)"))
            return
        parts = [
            (self.tr("1 riktat samtal") if doses.custom == 1
             else self.tr("%1 riktade samtal").replace("%1", number(doses.custom))),
            (self.tr("1 call-in") if doses.callins_attended == 1
             else self.tr("%1 call-ins").replace("%1", number(doses.callins_attended))),
        ]
        text = self.tr("Doser: %1 (%2)").replace("%1", number(doses.total)).replace(
            "%2", ", ".join(parts))
        if doses.invitations:
            text += " · " + (self.tr("1 kallelse") if doses.invitations == 1 else self.tr(
                "%1 kallelser").replace("%1", number(doses.invitations)))
        if doses.last_at is not None:
            text += " · " + self.tr("senast %1").replace("%1", doses.last_at.date().isoformat())
        self.setText(text)
