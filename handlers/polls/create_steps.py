"""The creation dialogue's questions: which steps each kind asks, and how each is asked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from aiogram.types import InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from handlers.polls.callbacks import PollNewCb
from models.chat import Chat
from models.polls import Matter
from models.registry import ChatBinding
from services.clock import Clock
from services.polls import cards
from services.registry import buildings

STEPS: dict[str, tuple[str, ...]] = {
    "quick": ("question", "description", "options", "multi", "secret", "change", "live",
              "deadline", "chats", "preview"),
    "council": ("question", "description", "change", "live", "deadline", "chats", "preview"),
    "resident": ("question", "description", "fee", "options", "maxk", "audience", "buildings",
                 "audchat", "unit", "secret", "change", "live", "deadline", "chats", "preview"),
    "assembly": ("question", "description", "fee", "matter", "secret", "change", "live",
                 "deadline", "chats", "preview"),
}
TEXT_STEPS = frozenset({"question", "description", "fee", "options", "deadline"})
# Steps answered by one press: step -> the values its buttons may carry.
CHOICE_STEPS: dict[str, tuple[str, ...]] = {
    "multi": ("one", "many"),
    "secret": ("open", "secret"),
    "change": ("yes", "no"),
    "live": ("live", "after"),
    "audience": ("compound", "buildings", "chat"),
    "unit": ("person", "household"),
    "matter": tuple(m.value for m in Matter),
}

Ask = Callable[[Message, I18nContext, AsyncSession, Clock, dict[str, Any]], Awaitable[None]]


def skipped(step: str, data: dict[str, Any]) -> bool:
    if step == "buildings":
        return data.get("audience") != "buildings"
    if step == "audchat":
        return data.get("audience") != "chat"
    if step == "live":
        return bool(data.get("secret"))  # a secret ballot's counts are shown after the close
    if step == "change":
        return int(data.get("max_choices", 1)) > 1
    return False


def next_step(data: dict[str, Any]) -> str:
    steps = STEPS[data["kind"]]
    current = data.get("step")
    i = steps.index(current) + 1 if current in steps else 0
    while skipped(steps[i], data):
        i += 1
    return steps[i]


def _buttons(i18n: I18nContext, step: str, values: tuple[str, ...], columns: int = 1,
             prefix: str | None = None) -> InlineKeyboardMarkup:
    return choices([(i18n.get(f"{prefix or 'poll-' + step}-{v}"), PollNewCb(step=step, val=v))
                    for v in values], columns=columns)


def _skip(i18n: I18nContext, step: str) -> InlineKeyboardMarkup:
    return choices([(i18n.get("poll-btn-skip"), PollNewCb(step=step, val="skip"))])


async def ask_text(message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock,
                   data: dict[str, Any]) -> None:
    step = data["step"]
    if step == "question":
        await message.answer(i18n.get("poll-ask-question",
                                      kind=i18n.get(f"poll-kind-{data['kind']}")))
    elif step == "description":
        await message.answer(i18n.get("poll-ask-description"), reply_markup=_skip(i18n, step))
    elif step == "fee":
        await message.answer(i18n.get("poll-ask-fee"), reply_markup=_skip(i18n, step))
    elif step == "options":
        await message.answer(i18n.get("poll-ask-options"))
    else:
        tz = await cards.timezone_of(session, data["compound_id"])
        example = cards.local(clock.now() + timedelta(days=3), tz)
        await message.answer(i18n.get("poll-ask-deadline", example=example))


async def ask_choice(message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock,
                     data: dict[str, Any]) -> None:
    step = data["step"]
    prefix = "poll-matter" if step == "matter" else None
    await message.answer(i18n.get(f"poll-ask-{step}"),
                         reply_markup=_buttons(i18n, step, CHOICE_STEPS[step], prefix=prefix))


async def ask_maxk(message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock,
                   data: dict[str, Any]) -> None:
    n = len(data["options"])
    await message.answer(i18n.get("poll-ask-maxk"), reply_markup=choices(
        [(str(k), PollNewCb(step="maxk", val=str(k))) for k in range(1, n + 1)], columns=5))


async def building_keyboard(i18n: I18nContext, session: AsyncSession, compound_id: int,
                            selected: list[int]) -> InlineKeyboardMarkup:
    items = [(i18n.get("poll-btn-toggle-on" if b.id in selected else "poll-btn-toggle-off",
                       name=b.name), PollNewCb(step="buildings", val=str(b.id)))
             for b in await buildings(session, compound_id)]
    items.append((i18n.get("poll-btn-done"), PollNewCb(step="buildings", val="done")))
    return choices(items, columns=1)


async def ask_buildings(message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock,
                        data: dict[str, Any]) -> None:
    markup = await building_keyboard(i18n, session, data["compound_id"], data.get("buildings", []))
    await message.answer(i18n.get("poll-ask-buildings"), reply_markup=markup)


async def groups_of(session: AsyncSession, compound_id: int) -> list[tuple[int, str]]:
    rows = await session.execute(
        select(ChatBinding.chat_id, Chat.title).join(Chat, Chat.id == ChatBinding.chat_id)
        .where(ChatBinding.compound_id == compound_id).order_by(ChatBinding.bound_at)
    )
    return [(chat_id, title or str(chat_id)) for chat_id, title in rows]


async def ask_audchat(message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock,
                      data: dict[str, Any]) -> None:
    groups = await groups_of(session, data["compound_id"])
    await message.answer(i18n.get("poll-ask-audchat"), reply_markup=choices(
        [(title, PollNewCb(step="audchat", val=str(cid))) for cid, title in groups]))


async def chats_keyboard(i18n: I18nContext, session: AsyncSession, compound_id: int,
                         selected: list[int]) -> InlineKeyboardMarkup:
    items = [(i18n.get("poll-btn-toggle-on" if cid in selected else "poll-btn-toggle-off",
                       name=title), PollNewCb(step="chats", val=str(cid)))
             for cid, title in await groups_of(session, compound_id)]
    items.append((i18n.get("poll-btn-done"), PollNewCb(step="chats", val="done")))
    return choices(items, columns=1)


async def ask_chats(message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock,
                    data: dict[str, Any]) -> None:
    markup = await chats_keyboard(i18n, session, data["compound_id"], data.get("chats", []))
    await message.answer(i18n.get("poll-ask-chats"), reply_markup=markup)


ASK: dict[str, Ask] = {
    **{s: ask_text for s in TEXT_STEPS},
    **{s: ask_choice for s in CHOICE_STEPS},
    "maxk": ask_maxk,
    "buildings": ask_buildings,
    "audchat": ask_audchat,
    "chats": ask_chats,
}
