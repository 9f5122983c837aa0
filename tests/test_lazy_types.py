"""aiogram's types built on first use read and write updates exactly as eagerly built ones.

Each side runs in a fresh interpreter: this one imported aiogram long ago.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

UPDATE = {
    "update_id": 7,
    "message": {
        "message_id": 5, "date": 1700000000, "text": "#报修 3号楼电梯坏了 @wang",
        "chat": {"id": -100123, "type": "supergroup", "title": "3号楼", "is_forum": True},
        "from": {"id": 42, "is_bot": False, "first_name": "李", "language_code": "zh-hans"},
        "entities": [{"type": "hashtag", "offset": 0, "length": 3},
                     {"type": "mention", "offset": 13, "length": 5}],
        "photo": [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}],
        "reply_to_message": {
            "message_id": 4, "date": 1699999999, "chat": {"id": -100123, "type": "supergroup"},
            "contact": {"phone_number": "13800000000", "first_name": "王师傅"},
            "location": {"latitude": 31.23, "longitude": 121.47},
        },
        "reply_markup": {"inline_keyboard": [[{"text": "受理", "callback_data": "t:1"}]]},
    },
}

SCRIPT = """
import json, sys
{prelude}
from aiogram.methods import SendMessage
from aiogram.methods.base import Response
from aiogram.types import Message, Sticker, Update
lazy = not Sticker.__pydantic_complete__
raw = json.loads(sys.argv[1])
update = Update.model_validate(raw)
sent = Response[Message].model_validate({{"ok": True, "result": raw["message"]}})
request = SendMessage(chat_id=1, text="好", reply_markup=update.message.reply_markup)
print(json.dumps({{"lazy": lazy,
                  "update": update.model_dump(mode="json", exclude_none=True),
                  "sent": sent.result.model_dump(mode="json", exclude_none=True),
                  "request": repr(request.model_dump(exclude_none=True))}}))
"""


def run(prelude: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(prelude=prelude),
                          json.dumps(UPDATE)], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_types_built_on_first_use_match_eager_ones() -> None:
    lazy = run("import bot")
    eager = run("import aiogram")
    assert lazy.pop("lazy") is True
    assert eager.pop("lazy") is False
    assert lazy == eager
    assert lazy["update"]["message"]["reply_to_message"]["contact"]["first_name"] == "王师傅"
    assert "'callback_data': 't:1'" in str(lazy["request"])
