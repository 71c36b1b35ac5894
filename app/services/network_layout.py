"""A deterministic force-directed layout (Fruchterman–Reingold) for the groups network.

Pure Python, no Qt, so it runs on the database lane. Repulsion is only computed between nodes
in neighbouring grid cells, which keeps each step linear in the number of nodes: thousands of
groups lay out in seconds instead of minutes. Same input and seed, same picture.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence

Point = tuple[float, float]


def force_layout(node_ids: Sequence[str], edges: Sequence[tuple[str, str, float]], *,
                 seed: int = 1, iterations: int = 80, spacing: float = 160.0) -> dict[str, Point]:
    """Positions for ``node_ids``; ``edges`` are (a, b, weight) and pull their ends together.

    ``spacing`` is the wanted distance between neighbours, in scene units.
    """
    n = len(node_ids)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(node_ids)}
    links = [(index[a], index[b], w) for a, b, w in edges if a in index and b in index and a != b]
    rng = random.Random(seed)
    side = spacing * math.sqrt(n) * 1.2
    xs = [rng.uniform(-side / 2, side / 2) for _ in range(n)]
    ys = [rng.uniform(-side / 2, side / 2) for _ in range(n)]
    k, k2 = spacing, spacing * spacing
    cell = 2 * k
    temperature = side / 8
    cooling = temperature / (iterations + 1)
    for _step in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(n):
            grid[(int(xs[i] // cell), int(ys[i] // cell))].append(i)
        for (cx, cy), members in grid.items():
            near = [j for ox in (-1, 0, 1) for oy in (-1, 0, 1)
                    for j in grid.get((cx + ox, cy + oy), ())]
            for i in members:
                xi, yi = xs[i], ys[i]
                for j in near:
                    if j == i:
                        continue
                    ddx, ddy = xi - xs[j], yi - ys[j]
                    d2 = ddx * ddx + ddy * ddy
                    if d2 < 1e-6:  # two nodes on one spot: nudge them apart by index
                        ddx, ddy, d2 = (i - j) * 0.01, 0.01, 1e-4 + (i - j) ** 2 * 1e-4
                    f = k2 / d2
                    dx[i] += ddx * f
                    dy[i] += ddy * f
        for i, j, w in links:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            d = math.sqrt(ddx * ddx + ddy * ddy) or 0.01
            f = d / k * (0.5 + 0.25 * w)
            dx[i] -= ddx * f
            dy[i] -= ddy * f
            dx[j] += ddx * f
            dy[j] += ddy * f
        for i in range(n):
            # Gravity keeps unrelated groups and separate clusters from drifting away.
            dx[i] -= xs[i] * 0.02
            dy[i] -= ys[i] * 0.02
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if length > 0:
                step = min(length, temperature)
                xs[i] += dx[i] / length * step
                ys[i] += dy[i] / length * step
        temperature = max(temperature - cooling, spacing * 0.05)
    return {node: (round(xs[i], 1), round(ys[i], 1)) for node, i in index.items()}
