"""The call-in window's logistics checklist: the fixed items (meal, transport, sign-out list,
help-line cards, …) and items staff add themselves. Each tick is saved at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.callin_dto import CallInDTO
from app.ui.dialogs.callin_tab import CallInTab
from app.ui.icons import page_icon
from app.ui.pages.base import PageContext


class LogisticsTab(CallInTab):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.list_box = QGroupBox(self.tr("Checklista"))
        self.list_layout = QVBoxLayout(self.list_box)
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText(self.tr("Egen punkt, t.ex. ”Nyckel till lokalen”"))
        self.new_item.returnPressed.connect(self.add_item)
        self.add_button = QPushButton(page_icon("add"), self.tr("Lägg till punkt"))
        self.add_button.clicked.connect(self.add_item)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_item, 1)
        add_row.addWidget(self.add_button)
        hint = QLabel(self.tr("Kryssa i det som är ordnat. Egna punkter tas bort genom att "
                              "kryssa ur dem."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list_box)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def show_callin(self, callin: CallInDTO) -> None:
        super().show_callin(callin)
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes.clear()
        for item in callin.logistics:
            box = QCheckBox(item.label)
            box.setChecked(item.done)
            box.toggled.connect(self._save)
            self.list_layout.addWidget(box)
            self.boxes[item.key] = box

    def clear(self) -> None:
        super().clear()
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes.clear()
        self.new_item.clear()

    def ticked(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def _save(self) -> None:
        self._write(self.ticked())

    def add_item(self) -> None:
        text = self.new_item.text().strip()
        if not text or self.callin is None:
            return
        if text in self.boxes:
            self.boxes[text].setChecked(True)
        else:
            self._write([*self.ticked(), text])
        self.new_item.clear()

    def _write(self, items: list[str]) -> None:
        if self.callin is not None:
            self.write(self.context.services.callins.update_details, self.callin.id,
                       {"logistics": items})


