"""A calm number on a card: the number big, what it counts below it."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class StatCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Scoped by object name so the labels inside keep the application's own look.
        self.setStyleSheet("QFrame#statCard { background: palette(base); "
                           "border: 1px solid palette(mid); border-radius: 6px; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(130)
        self.number = QLabel("–")
        base = self.number.font().pointSizeF()
        self._big, self._text = self.number.font(), self.number.font()
        self._big.setPointSizeF(base * 2.2)
        self._big.setBold(True)
        # A date or a word is wider than a count: smaller, so a narrow card never cuts it.
        self._text.setPointSizeF(base * 1.6)
        self._text.setBold(True)
        self.number.setFont(self._big)
        self.number.setStyleSheet("color: #2b4a6b;")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption.setMinimumHeight(2 * self.caption.fontMetrics().lineSpacing())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int | str, caption: str) -> None:
        """``value`` is grouped the locale's way when it is a number ("1 234")."""
        self.number.setText(QLocale().toString(value) if isinstance(value, int) else value)
        wide = not isinstance(value, int) and len(value) > 5
        self.number.setFont(self._text if wide else self._big)
        self.caption.setText(caption)
        self.setAccessibleName(f"{self.number.text()} {caption}")

    def clear(self) -> None:
        self.number.setText("–")
        self.caption.clear()
        self.setAccessibleName("")
