"""The red/black list as a picture: every ranked compound's score as a bar, the red list in
red, the black list in black, the rest grey, best at the top.

Drawn with matplotlib's Agg canvas, imported only when a list is drawn (once a quarter), in
a worker thread. Compound names are Chinese: they are set in the Noto Sans CJK face shipped
with the poster code; without it the bars carry their rank, which the text lists beside.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

RED, BLACK, GREY = "#c0392b", "#222222", "#b0b0b0"


@dataclass(frozen=True)
class Bar:
    name: str
    score: Decimal
    band: str  # "red" | "black" | ""


def ranking_png(bars: list[Bar]) -> bytes:
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from services.qr import _font_path

    path = _font_path()
    font = FontProperties(fname=path) if path else None
    labels = [b.name if font else str(i) for i, b in enumerate(bars, start=1)]
    fig = Figure(figsize=(7.2, 1.2 + 0.42 * len(bars)), dpi=110)
    ax = fig.subplots()
    y = list(range(len(bars)))[::-1]  # the first (best) on top
    colours = [RED if b.band == "red" else BLACK if b.band == "black" else GREY for b in bars]
    shown = ax.barh(y, [float(b.score) for b in bars], color=colours)
    ax.bar_label(shown, labels=[str(b.score) for b in bars], fontsize=8, padding=3)
    ax.set_yticks(y, labels, fontproperties=font)
    ax.set_xlim(0, 110)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
