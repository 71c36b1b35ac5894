"""The groups network drawn with QGraphicsView: nodes sized by members, edges coloured by kind
and thickened by intensity; wheel zoom, drag pan, hover highlighting, click to open."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QTransform, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from app.models.enums import GroupStatus, RelationKind
from app.services.network import NetworkEdge, NetworkGraph, NetworkNode
from app.ui.labels import date_text, group_status_label, relation_kind_label

CONFLICT = QColor("#d32f2f")
ALLIANCE = QColor("#1e88e5")
NODE_FILL = {GroupStatus.ACTIVE: QColor("#455a64"), GroupStatus.DORMANT: QColor("#90a4ae"),
             GroupStatus.DISSOLVED: QColor("#cfd8dc")}
HIGHLIGHT = QColor("#ff8f00")
translate = QCoreApplication.translate


def node_radius(members: int) -> float:
    """Area grows with members, so a group of 40 is not drawn 40 times wider than one of 1."""
    return 8.0 + 4.0 * math.sqrt(max(members, 0))


def edge_color(kind: RelationKind) -> QColor:
    return CONFLICT if kind == RelationKind.CONFLICT else ALLIANCE


def edge_width(intensity: int) -> float:
    return 1.0 + 1.2 * (max(1, min(intensity, 5)) - 1)


class EdgeItem(QGraphicsLineItem):
    def __init__(self, edge: NetworkEdge, a: QPointF, b: QPointF, names: tuple[str, str]) -> None:
        super().__init__(a.x(), a.y(), b.x(), b.y())
        self.edge = edge
        self._pen = QPen(edge_color(edge.kind), edge_width(edge.intensity))
        self._pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(self._pen)
        self.setZValue(0)
        since = date_text(edge.since) or "–"
        self.setToolTip(f"{names[0]} – {names[1]}\n{relation_kind_label(edge.kind)}, "
                        + translate("network", "intensitet %1 av 5, sedan %2")
                        .replace("%1", str(edge.intensity)).replace("%2", since))

    def set_highlighted(self, on: bool) -> None:
        pen = QPen(self._pen)
        if on:
            pen.setWidthF(self._pen.widthF() + 2.5)
        self.setPen(pen)
        self.setZValue(1 if on else 0)


class NodeItem(QGraphicsEllipseItem):
    def __init__(self, node: NetworkNode, scene: NetworkScene) -> None:
        r = node_radius(node.members)
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.node = node
        self.edges: list[EdgeItem] = []
        self._scene = scene
        self.setPos(node.x, node.y)
        self.setBrush(QBrush(NODE_FILL.get(node.status, NODE_FILL[GroupStatus.ACTIVE])))
        self.setPen(QPen(QColor("white"), 1.5))
        self.setZValue(2)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        label = QGraphicsSimpleTextItem(node.name, self)
        font = QFont(label.font())
        font.setPointSizeF(8.5)
        label.setFont(font)
        # Names stay readable at any zoom; the label hangs centred below the circle.
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        label.setPos(0, r)
        label.setTransform(QTransform.fromTranslate(-label.boundingRect().width() / 2, 2))
        self.label = label
        self.setToolTip(scene.node_tooltip(node))

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.set_highlighted(True)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.set_highlighted(False)
        super().hoverLeaveEvent(event)

    def set_highlighted(self, on: bool) -> None:
        self.setPen(QPen(HIGHLIGHT if on else QColor("white"), 3 if on else 1.5))
        for edge in self.edges:
            edge.set_highlighted(on)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._scene.node_clicked.emit(self.node.id)
            event.accept()
            return
        super().mousePressEvent(event)


class NetworkScene(QGraphicsScene):
    node_clicked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: list[EdgeItem] = []

    def node_tooltip(self, node: NetworkNode) -> str:
        members = self.tr("%1 nuvarande medlemmar").replace("%1", str(node.members))
        parts = [node.name, group_status_label(node.status), members]
        if node.priority is not None:
            parts.append(self.tr("prioritet %1").replace("%1", str(node.priority)))
        return "\n".join(parts)

    def show_graph(self, graph: NetworkGraph) -> None:
        self.clear_graph()
        for node in graph.nodes:
            node_item = NodeItem(node, self)
            self.addItem(node_item)
            self.nodes[node.id] = node_item
        for edge in graph.edges:
            a, b = self.nodes.get(edge.group_a_id), self.nodes.get(edge.group_b_id)
            if a is None or b is None:
                continue
            item = EdgeItem(edge, a.pos(), b.pos(), (a.node.name, b.node.name))
            self.addItem(item)
            a.edges.append(item)
            b.edges.append(item)
            self.edges.append(item)
        rect = self.itemsBoundingRect()
        self.setSceneRect(rect.adjusted(-80, -80, 80, 80) if not rect.isNull()
                          else QRectF(-100, -100, 200, 200))

    def clear_graph(self) -> None:
        self.clear()
        self.nodes = {}
        self.edges = []


class NetworkView(QGraphicsView):
    """Wheel zooms around the pointer; dragging the background pans."""

    MIN_SCALE, MAX_SCALE = 0.05, 6.0

    def __init__(self, scene: NetworkScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setBackgroundBrush(QBrush(QColor("#fafafa")))

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        scale = self.transform().m11() * factor
        if self.MIN_SCALE <= scale <= self.MAX_SCALE:
            self.scale(factor, factor)
        event.accept()

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect()
        if not rect.isNull():
            self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
            if self.transform().m11() > 1.5:  # a handful of groups: don't blow them up
                self.resetTransform()
                self.centerOn(rect.center())
