"""Hypothesis strategies for Telegram updates, drawn as specs for `tests.fuzz_cast.Cast`.

A strategy cannot know which messages the bot will have sent by the time an update is fed,
so it draws specs that hold selectors (plain ints). `Cast.render` resolves each selector
modulo the pool that exists at feed time: the world's people and chats, the bot's messages,
the callback data and deep-link payloads it handed out. Same seed and same app: same updates.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiogram.filters.callback_data import CallbackData
from hypothesis import strategies as st

from bot.commands import COMMANDS
from services.tickets.categories import HASHTAG_TAGS
from tests.harness import SUPERADMIN_ID

BOT_USERNAME = "red_steward_bot"
DATA_LIMIT = 64  # bytes of callback data Telegram carries
HUGE = 20_000
PRIVATE = -1  # chat selector: the sender's private chat
ANONYMOUS_ADMIN = 1087968824
CHANNEL_BOT = 136817688
ROOT = Path(__file__).resolve().parent.parent

# What people paste: bidi overrides, joiners, astral and combining characters, NUL,
# full-width and Arabic-Indic digits, markup that must stay text, Fluent's own braces.
EDGE = (
    "\u202egnp.exe", "\u200f\u05e9\u05dc\u05d5\u05dd", "a\u200db", "\u200b", "\ufeff",
    "👨\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈", "𝕳𝖊𝖑𝖑𝖔", "𠀀𪚥", "\x00", "a\x00b", "e\u0301\u0308",
    "１２３", "٣٠١", "３号楼", "\u2028", "\r\n", "\t", " ", "<b>x</b>", "&lt;", "{ $x }", "{", "}",
    "*_`[]()", "\\", "'\";--", "%s%d{0}", "null", "-1", "0", "99999999999999999999",
    "2026-03-02 10:00", "2h", "明天 7:30", "3-2-301", "3号楼2单元301", "@red_steward_bot",
    "https://t.me/red_steward_bot?start=x", "#", "##", "#报修", "/", "//start", "是", "否",
)
ARGS = (
    "1", "2", "3", "0", "-1", "#1", "#2", "40", "1 2", "all", "on", "off", "yes", "no", "en",
    "zh-Hans", "zh-Hant", "admin", "steward", "organizer", "repairs", "3", "3-2-301", "@Mei",
    "9001", "1001", "10", "100", "7:30", "2026-03-05", "weekdays", "+5", "-5", "5 good work",
)
LANGS = (None, "", "zh-hans", "zh-hant", "zh", "zh-cn", "zh-tw", "zh-hk", "en", "en-gb", "ar",
         "he", "ru", "pt-br", "x-klingon")
MEDIA = ("photo", "document", "contact", "contact_other", "location", "sticker", "voice",
         "new_members", "left_member", "migrate", "pinned", "created", "dice", "forward",
         "web_app_data", "topic")
OTHER = ("my_chat_member", "chat_member", "chat_join_request", "inline_query",
         "chosen_inline_result", "poll_answer", "poll", "message_reaction",
         "message_reaction_count", "pre_checkout_query", "shipping_query", "channel_post",
         "edited_channel_post", "future_update_kind")
STATUSES = ("creator", "administrator", "member", "left", "kicked")


def _factories() -> dict[str, list[type]]:
    """Every CallbackData factory of the app: prefix -> field types, in field order."""
    import handlers  # noqa: F401  (importing the package defines every factory)

    found: dict[str, list[type]] = {}
    todo = list(CallbackData.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        found[cls.__prefix__] = [f.annotation for f in cls.model_fields.values()]
    return dict(sorted(found.items()))


def _literals() -> list[str]:
    """Short identifier-like strings in the handlers: the actions their filters compare to."""
    words: set[str] = set()
    for path in sorted((ROOT / "handlers").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = node.value if isinstance(node, ast.Constant) else None
            if isinstance(value, str) and value.isascii() and value.isidentifier() \
                    and len(value) <= 12:
                words.add(value)
    return sorted(words)


FACTORIES = _factories()
WORDS = _literals()


# ---- specs ------------------------------------------------------------------------------
@dataclass(frozen=True)
class NewUser:
    id: int
    first_name: str
    language_code: str | None
    username: str | None = None
    last_name: str | None = None
    is_bot: bool = False


UserRef = int | NewUser


@dataclass(frozen=True)
class Deep:
    """/start with the n-th deep-link payload the bot has handed out."""

    n: int


@dataclass(frozen=True)
class MessageSpec:
    kind: str
    user: UserRef
    chat: int
    text: str | Deep | None
    media: str | None
    reply: int | None  # selector into the chat's messages
    thread: int | None
    n: int  # picks whatever else is left to chance (file content, edited message)


@dataclass(frozen=True)
class DataSpec:
    how: str  # real | mutate | forge | junk | none
    n: int
    value: str


@dataclass(frozen=True)
class PressSpec:
    user: UserRef
    chat: int
    target: int  # selector into the bot's messages in that chat
    data: DataSpec
    faithful: bool  # press a button that is on the target message, when it has one
    inaccessible: bool  # older than 48 h: Telegram sends only chat, id and date 0


@dataclass(frozen=True)
class OtherSpec:
    kind: str
    user: UserRef
    chat: int
    n: int
    text: str
    statuses: tuple[str, str]


Spec = MessageSpec | PressSpec | OtherSpec


@dataclass(frozen=True)
class Mangle:
    """Edits of the rendered update: drop, null, retype a field, or add an unknown one."""

    ops: tuple[tuple[int, str, Any], ...]


# ---- strategies -------------------------------------------------------------------------
def _chars(max_size: int) -> st.SearchStrategy[str]:
    # Lone surrogates cannot travel in JSON; everything else can.
    return st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=max_size)


def short_texts() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(EDGE), _chars(12))
    return st.lists(piece, max_size=5).map(" ".join)


def huge_texts() -> st.SearchStrategy[str]:
    def build(seed: str, size: int, lines: bool) -> str:
        unit = (seed or "楼") + ("\n" if lines else "")
        return (unit * (size // len(unit) + 1))[:size]

    return st.builds(build, st.one_of(st.sampled_from(EDGE), _chars(30)),
                     st.integers(4090, HUGE), st.booleans())


def command_texts() -> st.SearchStrategy[str]:
    names = [c.command for c in COMMANDS] + ["unknown", "START", "start"]
    mention = st.sampled_from(["", "", f"@{BOT_USERNAME}", "@other_bot", "@"])
    args = st.lists(st.one_of(st.sampled_from(ARGS), st.sampled_from(EDGE), _chars(8)),
                    max_size=4).map(" ".join)
    return st.builds(lambda c, m, a: f"/{c}{m} {a}".rstrip(),
                     st.sampled_from(names), mention, args)


def texts() -> st.SearchStrategy[str | Deep]:
    tags = [*sorted(HASHTAG_TAGS), "#unknowntag", "#"]
    report = st.builds(lambda t, s, b: f"{t}{s}{b}", st.sampled_from(tags),
                       st.sampled_from(["", " ", "\n"]), short_texts())
    # Commands open most screens and wizards, so they come up most often.
    return st.one_of(command_texts(), command_texts(), command_texts(),
                     st.builds(Deep, st.integers(0, 10**6)), report, short_texts(), huge_texts())


def users() -> st.SearchStrategy[UserRef]:
    human_ids = st.one_of(st.just(SUPERADMIN_ID), st.integers(1, 2**52 - 1),
                          st.integers(1000, 1040))
    humans = st.builds(NewUser, id=human_ids, first_name=_chars(64).filter(bool),
                       language_code=st.sampled_from(LANGS),
                       username=st.one_of(st.none(), st.from_regex(r"[a-z][a-z0-9_]{4,31}",
                                                                   fullmatch=True)),
                       last_name=st.one_of(st.none(), _chars(64)))
    # Bots never see other bots' messages; these two are how Telegram shows a group's
    # anonymous admin and a post made on behalf of a channel.
    bots = st.sampled_from([NewUser(ANONYMOUS_ADMIN, "Group", None, "GroupAnonymousBot",
                                    is_bot=True),
                            NewUser(CHANNEL_BOT, "Channel", None, "Channel_Bot", is_bot=True)])
    cast = st.integers(0, 10**6)  # the world's people, who hold roles, homes and points
    return st.one_of(cast, cast, cast, cast, humans, bots)


def chats() -> st.SearchStrategy[int]:
    return st.one_of(st.just(PRIVATE), st.integers(0, 10**6))


def _field_value(kind: type) -> st.SearchStrategy[str]:
    ints = st.one_of(st.integers(0, 40), st.sampled_from([-1, 2**31, 2**63 - 1, 2**63, 10**30]))
    if kind is int:
        return ints.map(str)
    if kind is bool:
        return st.sampled_from(["0", "1", "", "true", "2"])
    return st.one_of(st.sampled_from(WORDS), st.sampled_from(["", "x", "-", "∞"]))


def callback_data() -> st.SearchStrategy[DataSpec]:
    def forged(prefix: str, values: list[str]) -> str:
        return ":".join([prefix, *values])

    forge = st.sampled_from(sorted(FACTORIES)).flatmap(
        lambda p: st.tuples(*[_field_value(k) for k in FACTORIES[p]]).map(
            lambda vs, p=p: forged(p, list(vs))))
    junk = st.one_of(_chars(20), st.sampled_from(["", ":", "::::", "tk", "tk:", "pv:1", "x" * 64]))
    garbage = st.one_of(_field_value(int), _field_value(str), _chars(6))
    n = st.integers(0, 10**6)
    real = st.builds(DataSpec, st.just("real"), n, st.just(""))
    return st.one_of(
        real, real, real,
        st.builds(DataSpec, st.just("mutate"), n, garbage),
        st.builds(DataSpec, st.just("forge"), n, forge),
        st.builds(DataSpec, st.just("junk"), n, junk),
        st.builds(DataSpec, st.just("none"), n, st.just("")),
    )


def rare() -> st.SearchStrategy[bool]:
    return st.integers(0, 9).map(lambda x: x == 0)


def messages() -> st.SearchStrategy[MessageSpec]:
    return st.builds(
        MessageSpec,
        kind=st.sampled_from(["message"] * 6 + ["edited_message", "business_message"]),
        user=users(), chat=chats(),
        text=st.one_of(texts(), texts(), st.none()),
        media=st.one_of(st.none(), st.none(), st.none(), st.sampled_from(MEDIA)),
        reply=st.one_of(st.none(), st.none(), st.integers(0, 10**6)),
        thread=st.one_of(st.none(), st.none(), st.none(), st.integers(1, 5)),
        n=st.integers(0, 10**6),
    )


def presses() -> st.SearchStrategy[PressSpec]:
    return st.builds(PressSpec, user=users(), chat=chats(), target=st.integers(0, 10**6),
                     data=callback_data(), faithful=st.booleans(), inaccessible=rare())


def others() -> st.SearchStrategy[OtherSpec]:
    return st.builds(OtherSpec, kind=st.sampled_from(OTHER), user=users(), chat=chats(),
                     n=st.integers(0, 10**6), text=short_texts(),
                     statuses=st.tuples(st.sampled_from(STATUSES), st.sampled_from(STATUSES)))


def specs() -> st.SearchStrategy[Spec]:
    return st.one_of(messages(), messages(), presses(), presses(), others())


def junk_values() -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), _chars(10),
                     st.just([]), st.just({}), st.just([1, "a"]), st.just({"x": None}))


def mangles() -> st.SearchStrategy[Mangle]:
    op = st.tuples(st.integers(0, 10**6), st.sampled_from(["drop", "null", "retype", "extra"]),
                   junk_values())
    return st.lists(op, min_size=1, max_size=3).map(lambda ops: Mangle(tuple(ops)))
