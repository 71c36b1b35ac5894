"""A chart given as SVG, scaled to the widget's width with its aspect ratio kept.

The measures page gets each chart as SVG from the report module (the very drawing the PDF
prints; QtCharts is GPL-only and stays out). ``QSvgRenderer`` paints it once per size into a
pixmap, so scrolling a page of charts repaints pixmaps, not SVG. Until the SVG arrives the
widget holds the chart's place with a short text, so the page does not jump when it comes.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_WIDTH = 320


class SvgChart(QWidget):
    drawn = Signal()  # a newly set chart reached the screen (painted for the first time)

    def __init__(self, aspect: float, parent: QWidget | None = None) -> None:
        """``aspect``: height / width of the drawing (the place held before it arrives)."""
        super().__init__(parent)
        self.aspect = aspect
        self.svg: bytes | None = None  # the chart shown
        self._renderer: QSvgRenderer | None = None
        self._pixmap: QPixmap | None = None
        self._placeholder = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(MIN_WIDTH)
        self.setFixedHeight(self.height_for(MIN_WIDTH))

    # ---- content -------------------------------------------------------------------------
    @property
    def has_chart(self) -> bool:
        return self._renderer is not None

    @property
    def painted(self) -> bool:
        """The chart has been drawn on screen at least once since it was set."""
        return self._pixmap is not None

    def set_svg(self, svg: bytes) -> bool:
        """Show ``svg``; False (and the placeholder kept) if it cannot be read."""
        renderer = QSvgRenderer(QByteArray(svg))
        if not renderer.isValid():
            return False
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        size = renderer.defaultSize()
        if size.width() > 0:
            self.aspect = size.height() / size.width()
        self.svg, self._renderer, self._pixmap = svg, renderer, None
        self._fit_height()
        self.update()
        return True

    def set_placeholder(self, text: str, aspect: float | None = None) -> None:
        """Drop the chart and hold its place with ``text`` (while the next one is drawn);
        ``aspect``: the shape the next one will have."""
        self.svg, self._renderer, self._pixmap, self._placeholder = None, None, None, text
        if aspect is not None and aspect != self.aspect:
            self.aspect = aspect
            self._fit_height()
        self.update()

    # ---- size ----------------------------------------------------------------------------
    # The height follows the width by a fixed height set on each resize, not by overriding
    # heightForWidth: layouts ask that hundreds of times per pass, and each question from Qt
    # into Python waits for the interpreter lock while the lane draws the next chart.
    def height_for(self, width: int) -> int:
        return round(width * self.aspect)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        height = self.height_for(self.width())
        if height != self.height():
            self.setFixedHeight(height)

    # ---- painting ------------------------------------------------------------------------
    def _target(self) -> QRectF:
        """The largest rectangle of the chart's shape in the widget, at its top left."""
        width = min(float(self.width()), self.height() / self.aspect)
        return QRectF(0, 0, width, width * self.aspect)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        target = self._target()
        if self._renderer is None:
            painter.setPen(QColor(self.palette().color(QPalette.ColorRole.Mid)))
            painter.drawRect(target.adjusted(0.5, 0.5, -0.5, -0.5))
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter, self._placeholder)
            return
        ratio = self.devicePixelRatioF()
        wanted = QSize(round(target.width() * ratio), round(target.height() * ratio))
        if self._pixmap is None or self._pixmap.size() != wanted:
            pixmap = QPixmap(wanted)
            pixmap.fill(Qt.GlobalColor.white)
            with_svg = QPainter(pixmap)
            with_svg.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(with_svg, QRectF(0, 0, wanted.width(), wanted.height()))
            with_svg.end()
            pixmap.setDevicePixelRatio(ratio)
            first, self._pixmap = self._pixmap is None, pixmap
        else:
            first = False
        painter.drawPixmap(target.topLeft(), self._pixmap)
        if first:
            self.drawn.emit()
