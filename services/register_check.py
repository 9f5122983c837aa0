"""What the household register says about a claimed flat, for the reviewer of a claim: the
owner's name masked (李*兰), the phone's last four digits, and whether the claimant fits."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from models.person import Person
from models.registry import Household, Relation
from services.outbox import fragment

TAIL = 4  # digits of a phone a reviewer sees
SAME_PHONE_DIGITS = 8  # "+86 138 0013 8000" and "13800138000" are one number


def mask_name(name: str) -> str:
    """First and last character kept, the rest starred: 李桂兰 → 李*兰, 李兰 → 李*."""
    chars = list(name.strip())
    if len(chars) <= 1:
        return "*"
    if len(chars) == 2:
        return chars[0] + "*"
    return chars[0] + "".join(" " if c == " " else "*" for c in chars[1:-1]) + chars[-1]


def phone_tail(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "****" + digits[-TAIL:]


def _plain(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def same_name(person: Person, registered: str) -> bool:
    """A Telegram name in either order ("桂兰 李" or "李 桂兰"), spaces and case aside."""
    parts = [p for p in (person.first_name, person.last_name) if p]
    target = _plain(registered)
    return bool(target) and target in {_plain("".join(parts)), _plain("".join(parts[::-1]))}


def same_phone(a: str, b: str) -> bool:
    da, db = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    return da[-SAME_PHONE_DIGITS:] == db[-SAME_PHONE_DIGITS:]


def card_args(household: Household, claimant: Person, relation: str) -> dict[str, Any]:
    """The card's "register" and "check" lines. Only an owner's claim is checked against
    the owner's name: a family member or tenant has a name of their own."""
    name, phone = household.owner_name, household.phone
    register = fragment(
        "reg-register", name=mask_name(name) if name else fragment("reg-register-unknown"),
        phone=phone_tail(phone) if phone else fragment("reg-register-unknown"),
    ) if name or phone else fragment("reg-register-empty")
    return {"register": register, "check": _check(household, claimant, relation)}


def _check(household: Household, claimant: Person, relation: str) -> dict[str, Any]:
    name, phone = household.owner_name, household.phone
    if not name and not phone:
        return fragment("reg-check-none")
    wrong = []
    if relation == Relation.OWNER.value and name and not same_name(claimant, name):
        wrong.append(fragment("reg-mismatch-name"))
    if relation == Relation.OWNER.value and phone and claimant.phone \
            and not same_phone(phone, claimant.phone):
        wrong.append(fragment("reg-mismatch-phone", tail=phone_tail(claimant.phone)))
    if wrong:  # one line each, under the warning
        return fragment("reg-check-mismatch", what={"lines": wrong})
    if relation == Relation.CO_OWNER.value:
        # The register usually names one owner: a co-owner's own name is no mismatch, but
        # the certificate (不动产权证) listing the co-owners should be seen.
        return fragment("reg-check-match" if name and same_name(claimant, name)
                        else "reg-check-co-owner")
    if relation != Relation.OWNER.value:
        return fragment("reg-check-family")
    return fragment("reg-check-match")
