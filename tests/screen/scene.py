"""A compound with a lobby screen: an admin, one open repair, a duty shift today with Mei on
it, an activity next week and an open vote; the bot's web server listens on a free local port."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from models.activities import Activity
from models.polls import Poll
from models.registry import Compound
from models.roles import Role, RoleGrant
from models.rosters import Assignment, Roster, Shift
from tests.harness import Harness, HarnessFactory
from tests.test_e2e_web import free_port
from tests.tickets.world import REPORT, World, build

COMPLAINT = "#complaint the shop downstairs is loud at night"
URL = re.compile(r"http://127\.0\.0\.1:\d+/screen/[A-Za-z0-9_-]+")


@dataclass
class Scene:
    h: Harness
    w: World
    port: int

    def url_in(self, text: str) -> str:
        found = URL.search(text)
        assert found, text
        return found.group(0)

    async def screen_url(self) -> str:
        """What the admin is told by /screen."""
        await self.h.send(self.w.zhao, "/screen")
        return self.url_in(self.w.last(self.w.zhao).text or "")

    async def file_ticket(self, second: bool = False) -> None:
        """Mei's repair, or (second) Lan's complaint: a new matter, not a duplicate."""
        who, text = (self.w.lan, COMPLAINT) if second else (self.w.mei, REPORT[self.w.locale])
        await self.h.send(who, text, chat=self.w.group)
        await self.h.deliver()


async def scene(make_harness: HarnessFactory, locale: str = "zh-Hans") -> Scene:
    port = free_port()
    h = await make_harness(web_enabled=True, web_host="127.0.0.1", web_port=port)
    w = await build(h, locale)
    now = h.clock.now()
    async with h.app.sessions() as s:
        s.add(RoleGrant(compound_id=w.compound_id, person_id=w.person_ids["zhao"],
                        role=Role.ADMIN.value, granted_at=now))
        roster = Roster(compound_id=w.compound_id, name="Crossing", place="Gate", times=[],
                        per_shift=2, recurrence="", leads=[], organizer_id=w.person_ids["zhao"],
                        created_at=now, updated_at=now)
        s.add(roster)
        await s.flush()
        compound = await s.get(Compound, w.compound_id)
        assert compound is not None
        today = now.astimezone(ZoneInfo(compound.timezone)).date()
        shift = Shift(roster_id=roster.id, day=today, slot=0,
                      starts_at=now + timedelta(hours=1), ends_at=now + timedelta(hours=2),
                      capacity=2, taken=1, created_at=now)
        s.add(shift)
        await s.flush()
        s.add(Assignment(shift_id=shift.id, person_id=w.person_ids["mei"], source="take",
                         created_at=now))
        s.add(Activity(compound_id=w.compound_id, organizer_id=w.person_ids["zhao"],
                       title="Garden clean-up", place="Garden",
                       starts_at=now + timedelta(days=7),
                       ends_at=now + timedelta(days=7, hours=2), capacity=10, taken=3,
                       signup_deadline=now + timedelta(days=6),
                       cancel_cutoff=now + timedelta(days=6), points=5, created_at=now))
        s.add(Poll(compound_id=w.compound_id, kind="resident", status="open",
                   question="Paint the fence?", audience="compound", vote_unit="household",
                   salt="0" * 32, created_at=now, opens_at=now,
                   closes_at=now + timedelta(days=3)))
        await s.commit()
    sc = Scene(h, w, port)
    await sc.file_ticket()
    return sc

