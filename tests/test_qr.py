"""The join poster: a printable PNG whose code reads back as the registration link."""

from __future__ import annotations

import io

import pytest
import segno
from PIL import Image

from services import qr

URL = qr.join_link("red_steward_bot", 12, 345)


def decode(png: bytes) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_join_link_is_the_registration_deep_link() -> None:
    assert URL == "https://t.me/red_steward_bot?start=reg_12_345"
    assert qr.join_link("bot", 7, None) == "https://t.me/bot?start=reg_7_0"
    # Telegram's start payload: at most 64 characters of A-Z a-z 0-9 _ -
    payload = qr.join_link("b", 10**12, 10**12).split("start=")[1]
    assert len(payload) <= 64 and payload.replace("_", "").isalnum()


def test_poster_is_a_printable_png_that_decodes_to_the_link() -> None:
    poster = qr.make_poster(URL, "阳光花园小区", "3号楼", "用手机相机扫一扫")
    image = Image.open(io.BytesIO(poster.png))
    assert image.format == "PNG"
    assert image.size == poster.size
    width, height = image.size
    assert width == qr.WIDTH and height > width  # portrait, code above the names
    assert poster.scale >= 10  # modules large enough to scan from a notice board
    assert len(poster.png) < 10 * 1024 * 1024  # Telegram's photo limit
    assert decode(poster.png) == [URL]


def test_poster_pixels_match_segnos_matrix() -> None:
    """Read every module back from the picture: the code on paper is the code we made."""
    poster = qr.make_poster(URL, "阳光花园", None, "scan me")
    image = Image.open(io.BytesIO(poster.png)).convert("L")
    expected = [[bool(v) for v in row] for row in
                segno.make(URL, error=qr.ERROR_LEVEL, micro=False).matrix_iter(
                    border=qr.QR_BORDER)]
    half = poster.scale // 2
    seen = [[image.getpixel((poster.qr_left + x * poster.scale + half,
                             poster.qr_top + y * poster.scale + half)) < 128
             for x in range(len(expected))] for y in range(len(expected))]
    assert seen == expected


@pytest.mark.parametrize(("traditional", "face"), [(False, "Noto Sans CJK SC"),
                                                  (True, "Noto Sans CJK TC")])
def test_names_are_set_in_a_cjk_face_for_the_readers_script(traditional: bool, face: str) -> None:
    font, cjk = qr._font(qr.TITLE_SIZE, traditional)
    assert cjk
    assert font.getname()[0] == face
    # A real glyph, not the box every missing character gets.
    missing = bytes(font.getmask("\U000f0000"))
    assert all(bytes(font.getmask(ch)) != missing for ch in "阳光花园陽園棟")
    poster = qr.make_poster(URL, "陽光花園社區", "第三棟", "掃一掃", traditional=traditional)
    assert poster.cjk_font


def test_the_names_are_drawn_below_the_code() -> None:
    poster = qr.make_poster(URL, "阳光花园", "3号楼", "扫一扫")
    image = Image.open(io.BytesIO(poster.png)).convert("L")
    below = image.crop((0, poster.qr_top + poster.side, poster.size[0], poster.size[1]))
    assert below.getextrema()[0] == 0  # there is ink under the code
    bare = qr.make_poster(URL, "", None, "")
    assert bare.size[1] < poster.size[1]


def test_a_long_name_wraps_and_is_cut_with_an_ellipsis() -> None:
    font, _ = qr._font(qr.TITLE_SIZE, False)
    lines = qr._wrap("很长的小区名字" * 20, font, qr.WIDTH - 2 * qr.MARGIN)
    assert len(lines) == qr.MAX_LINES
    assert lines[-1].endswith("…")
    assert all(font.getlength(line) <= qr.WIDTH - 2 * qr.MARGIN for line in lines)
    words = qr._wrap("Sunny Garden Residential Compound North Gate", font, 900)
    assert all(not line.startswith(" ") for line in words)
    assert "".join(words).replace(" ", "") == "SunnyGardenResidentialCompoundNorthGate"
