"""Build aiogram's Telegram types when first used, not all of them at import.

aiogram declares its ~900 types with pydantic's `defer_build`, then `aiogram.types` calls
`model_rebuild` on every one of them to resolve forward references, which builds every
validator and serializer anyway: about 105 MB of a bot's resident memory, most of it for
types a compound's bot never receives (aiogram/aiogram#1513). Here the rebuild at import is
skipped, and the names it would have resolved are put in each type module's namespace,
where pydantic looks for them when a type is built on first use. A bot then holds the
validators of the few dozen types it meets.

`install()` must run before anything imports aiogram (the `bot` package does it); if
aiogram is already imported, or the result does not validate an update, nothing changes.
"""

from __future__ import annotations

import logging
import re
import sys
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

_PACKAGES = ("aiogram.types.", "aiogram.methods.")
_PROBE = {"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "·",
                                      "chat": {"id": 1, "type": "private"}}}


def install() -> bool:
    """Import aiogram with its types left unbuilt; True when that took effect."""
    if "aiogram.types" in sys.modules:
        return False
    from pydantic import BaseModel

    eager = BaseModel.model_rebuild.__func__  # type: ignore[attr-defined]
    namespaces: list[dict[str, Any]] = []

    def deferred(cls: type[BaseModel], *, force: bool = False, raise_errors: bool = True,
                 _parent_namespace_depth: int = 2,
                 _types_namespace: dict[str, Any] | None = None) -> bool | None:
        if (_types_namespace is not None and not force
                and cls.__module__.startswith("aiogram.types")
                and cls.model_config.get("defer_build")):
            if not namespaces:
                namespaces.append(_types_namespace)
            return None
        return eager(cls, force=force, raise_errors=raise_errors,
                     _parent_namespace_depth=_parent_namespace_depth,
                     _types_namespace=_types_namespace)

    BaseModel.model_rebuild = classmethod(deferred)  # type: ignore[method-assign,assignment]
    try:
        import aiogram  # noqa: F401
    finally:
        BaseModel.model_rebuild = classmethod(eager)  # type: ignore[method-assign]
    if not namespaces:
        return False  # an aiogram that builds its types some other way
    for name, module in list(sys.modules.items()):
        if module is not None and name.startswith(_PACKAGES):
            for key in _named_in_annotations(module) & namespaces[0].keys():
                module.__dict__.setdefault(key, namespaces[0][key])
    return _works()


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _named_in_annotations(module: ModuleType) -> set[str]:
    """The names a module's classes mention in their (postponed, so string) annotations:
    all a later build looks up there. Only those are added (all 900 cost every module 4 KB)."""
    names: set[str] = set()
    for value in vars(module).values():
        if isinstance(value, type) and value.__module__ == module.__name__:
            for annotation in vars(value).get("__annotations__", {}).values():
                if isinstance(annotation, str):
                    names.update(_NAME.findall(annotation))
    return names


def _works() -> bool:
    """Validate an update; should this aiogram or pydantic resolve names differently,
    build every type the way aiogram would have."""
    from aiogram import types

    try:
        types.Update.model_validate(_PROBE)
        return True
    except Exception:  # any failure means the lazy path is unusable here
        log.warning("aiogram types built eagerly: lazy building failed", exc_info=True)
        for name in types.__all__:
            entity = getattr(types, name)
            if hasattr(entity, "model_rebuild"):
                entity.model_rebuild(force=True)
        return False


# pydantic caches parametrized generics weakly: under a busy bot's garbage collection,
# aiogram's Response[Message] was freed and rebuilt (about 8 ms each) every few sends
# (bench/intake.py). Held here, the response models of the calls every update makes are
# built once.
_HELD: list[Any] = []


def hold_response_models() -> None:
    from aiogram import methods
    from aiogram.methods.base import Response

    if _HELD:
        return
    for method in (methods.SendMessage, methods.EditMessageText, methods.AnswerCallbackQuery,
                   methods.GetUpdates, methods.GetMe, methods.SendMediaGroup,
                   methods.CopyMessage, methods.SendPhoto, methods.SendDocument,
                   methods.EditMessageReplyMarkup, methods.DeleteMessage,
                   methods.GetChatMember):
        _HELD.append(Response[method.__returning__])  # type: ignore[name-defined]
