"""Printable join posters (一码通): a QR code of the registration link, names underneath.

The names are Chinese, so the text is set in Noto Sans CJK, shipped as a pip package
(noto-cjk-sans-otc) rather than expected from the host's fonts; its collection holds
separate Simplified and Traditional faces, and the poster uses the reader's.
"""

from __future__ import annotations

import functools
import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import ImageFont

    FontType = ImageFont.FreeTypeFont | ImageFont.ImageFont

# Pillow and segno are imported where a code is drawn: a bot that never draws one keeps
# 4 MB.

log = logging.getLogger(__name__)

WIDTH = 1240  # A4 at 150 dpi: sharp on paper, small enough to send as a photo
MARGIN = 80
QR_BORDER = 4  # the quiet zone the standard asks for, in modules
ERROR_LEVEL = "q"  # survives a creased, taped-up, rained-on notice
TITLE_SIZE, SUBTITLE_SIZE, HINT_SIZE = 76, 60, 38
MAX_LINES = 3
_FACES = {"traditional": "Noto Sans CJK TC", "simplified": "Noto Sans CJK SC"}


def join_link(bot_username: str, compound_id: int, building_id: int | None) -> str:
    """The deep link the registration flow understands."""
    return f"https://t.me/{bot_username}?start=reg_{compound_id}_{building_id or 0}"


@dataclass(frozen=True)
class Poster:
    png: bytes
    size: tuple[int, int]
    # Where the code sits, so a reader (or a test) can find its modules again.
    qr_left: int
    qr_top: int
    scale: int
    side: int  # the code's width and height in pixels, quiet zone included
    cjk_font: bool


@functools.cache
def _font_path() -> str | None:
    try:
        import noto_cjk_sans_otc
    except ImportError:
        log.warning("noto-cjk-sans-otc is not installed: posters fall back to a Latin font")
        return None
    return str(noto_cjk_sans_otc.FONT_PATH)


@functools.cache
def _font(size: int, traditional: bool) -> tuple[FontType, bool]:
    from PIL import ImageFont

    path = _font_path()
    if path is None:
        return ImageFont.load_default(size), False
    wanted = _FACES["traditional" if traditional else "simplified"]
    for i in range(10):  # the collection's faces: JP, KR, SC, TC, HK, then the mono ones
        try:
            face = ImageFont.truetype(path, size, index=i)
        except OSError:
            break
        if face.getname()[0] == wanted:
            return face, True
    return ImageFont.truetype(path, size), True


def _wrap(text: str, font: FontType, width: int) -> list[str]:
    """Greedy by character (Chinese has no spaces), preferring a space when there is one."""
    out: list[str] = []
    line = ""
    for ch in text:
        if font.getlength(line + ch) <= width:
            line += ch
            continue
        cut = line.rfind(" ")
        if cut > 0:
            out.append(line[:cut])
            line = line[cut + 1:] + ch
        else:
            out.append(line)
            line = ch
    if line:
        out.append(line)
    if len(out) > MAX_LINES:
        out = out[:MAX_LINES]
        out[-1] = out[-1][:-1] + "…"
    return out


def make_poster(
    url: str, title: str, subtitle: str | None, hint: str, traditional: bool = False
) -> Poster:
    """The code on top, then the compound's name, the building's, and how to use it."""
    import segno
    from PIL import Image, ImageDraw

    qr = segno.make(url, error=ERROR_LEVEL, micro=False)
    modules = qr.symbol_size(scale=1, border=QR_BORDER)[0]
    scale = (WIDTH - 2 * MARGIN) // modules
    side = modules * scale
    blocks: list[tuple[list[str], FontType, int]] = []
    for text, size in ((title, TITLE_SIZE), (subtitle, SUBTITLE_SIZE), (hint, HINT_SIZE)):
        if text:
            font, _ = _font(size, traditional)
            blocks.append((_wrap(text, font, WIDTH - 2 * MARGIN), font, int(size * 1.35)))
    text_height = sum(len(lines) * step for lines, _f, step in blocks) + 24 * len(blocks)
    # The code's own quiet zone is margin enough above it.
    left, top = (WIDTH - side) // 2, MARGIN // 2
    image = Image.new("L", (WIDTH, top + side + text_height + MARGIN), 255)
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=QR_BORDER)
    buffer.seek(0)
    image.paste(Image.open(buffer).convert("L"), (left, top))
    draw = ImageDraw.Draw(image)
    y = top + side + 24
    for lines, font, step in blocks:
        for line in lines:
            draw.text((WIDTH // 2, y), line, fill=0, font=font, anchor="mt")
            y += step
        y += 24
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return Poster(out.getvalue(), image.size, left, top, scale, side,
                  _font(TITLE_SIZE, traditional)[1])
