"""An embedded bot (SQLite, no Redis, polling) does not load what it does not use.

Each of these costs megabytes of resident memory for as long as the bot runs (measured by
bench/memory.py); they are imported where they are needed instead.
"""

from __future__ import annotations

import json
import subprocess
import sys

NOT_AT_START = ("redis", "limits", "aiohttp.web", "matplotlib", "PIL", "numpy", "icalendar",
                "segno", "alembic", "jinja2", "babel.localedata_loaded")


def test_starting_the_app_imports_nothing_it_does_not_need() -> None:
    probe = (
        "import json, sys\n"
        "import bot.lazy_types, bot.app\n"
        "from bot.i18n import make_core\n"
        "import asyncio\n"
        "core = make_core('zh-Hans'); asyncio.run(core.startup())\n"
        "core.get('tk-group-created', 'zh-Hans', number=3, category='c', team='t')\n"
        "from babel import localedata\n"
        "loaded = ['babel.localedata_loaded'] if localedata._cache else []\n"
        "print(json.dumps(sorted(set(sys.modules) | set(loaded))))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120)
    modules = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert sorted(m for m in NOT_AT_START if m in modules) == []
