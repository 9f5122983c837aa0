"""A small service-level scene: one compound, a repairs team of two, a resident."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.roles import Role, Team
from services.clock import FrozenClock
from services.policy import Actor
from services.tickets import intake
from services.tickets.categories import Category
from tests.tickets import factories as f


@dataclass
class Scene:
    compound_id: int
    building_id: int
    household_id: int
    team: Team
    mei: Person
    lan: Person
    wang: Person
    li: Person
    zhao: Person

    def actor(self, who: Person) -> Actor:
        return Actor(who)

    def draft(self, text: str = "楼道灯不亮了", category: Category = Category.REPAIR,
              reporter: Person | None = None) -> intake.Draft:
        return intake.Draft(compound_id=self.compound_id, category=category, text=text,
                            reporter_id=(reporter or self.mei).id, building_id=self.building_id,
                            household_id=self.household_id, area="home")


async def make(session: AsyncSession, clock: FrozenClock, *, round_robin: bool = False,
               hours: tuple[int, int] | None = None) -> Scene:
    mei = await f.person(session, clock, 5001, "Mei")
    lan = await f.person(session, clock, 5002, "Lan")
    wang = await f.person(session, clock, 5003, "Wang")
    li = await f.person(session, clock, 5004, "Li")
    zhao = await f.person(session, clock, 5005, "Zhao")
    place = await f.compound(session, clock)
    await f.reside(session, clock, mei, place.households[0])
    team = await f.team(session, clock, place.compound, "repairs", [wang, li],
                        round_robin=round_robin)
    await f.grant(session, clock, zhao, place.compound, Role.PARTY_BRANCH)
    if hours is not None:
        from models.tickets_config import TicketTeamHours

        session.add(TicketTeamHours(team_id=team.id, open_minute=hours[0],
                                    close_minute=hours[1]))
    await session.commit()
    return Scene(place.compound.id, place.building.id, place.households[0].id, team,
                 mei, lan, wang, li, zhao)
