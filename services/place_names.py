"""One way to name a place: compound, building, entrance and room, in the reader's language.

"幸福里 3号楼 2单元 301室", "幸福里 3號樓 2單元 301室", "Xingfuli, Block 3, Entrance 2, Room 301".
A register may call a building "3", "A座" or "3号楼": a bare number or code gets the word
for it (号楼, Block), a name stands as it is written, so nothing reads "3号楼号楼".
The result is a fragment (services.outbox), rendered in whoever reads it.
"""

from __future__ import annotations

import re
from typing import Any

from services.outbox import fragment

# "3", "12", "A", "B2", "3-1": a number or code that needs the word beside it.
_CODE = re.compile(r"^[0-9A-Za-z]{1,6}(?:-[0-9A-Za-z]{1,6})?$")
_KINDS = ("compound", "building", "entrance", "room")


def place(
    *, compound: str | None = None, building: str | None = None,
    entrance: str | None = None, room: str | None = None,
) -> dict[str, Any]:
    """The parts given, from the largest to the smallest; "—" when none is known."""
    names = (compound, building, entrance, room)
    parts = [
        fragment(f"place-{kind}", name=name.strip(),
                 code="yes" if kind != "compound" and _CODE.match(name.strip()) else "no")
        for kind, name in zip(_KINDS, names, strict=True) if name and name.strip()
    ]
    if not parts:
        return fragment("place-none")
    return fragment(f"place-{len(parts)}", **{f"p{i}": p for i, p in enumerate(parts, 1)})
