"""Sealed choices of secret ballots, and the ballot box opened at the close.

Why sealed and not counted as they come: any row that records a plaintext choice (or a
per-option counter) in the same transaction as the voter's "has voted" row is linkable
from the storage itself: SQLite's WAL keeps each commit's pages in order, PostgreSQL stamps
both tuples with the same transaction id (xmin) and keeps the old versions until VACUUM.
So while a secret poll is open, the database holds no plaintext choice and no counter at
all; the only trace of a choice is a ciphertext inside the voter's own ballot row, which
names the voter already and tells nothing else without a key that is not in the database.

Construction (standard library only): encrypt-then-MAC with HMAC-SHA256 as the PRF.
- poll key  = HMAC(server key, "seal:" + poll salt); the server key is derived from the
  bot's token and never stored, the salt is random per poll and replaced at the close.
- enc, mac  = HMAC(poll key, "enc"), HMAC(poll key, "mac")
- body      = 16 bytes, bit p set for chosen option position p (fixed length: the number of
  options chosen does not show in the ciphertext's length)
- nonce     = 16 random bytes per sealing (a re-vote looks like any other ciphertext)
- cipher    = body XOR HMAC(enc, nonce)[:16]
- tag       = HMAC(mac, poll id | voter key | nonce | cipher)[:16], binding the seal to
  its ballot so one voter's seal cannot be moved to another's row.

At the close the box is opened in one transaction: every seal is checked and read, the
choices are written as anonymous rows (no ballot, no token) in a random order, the
counters are set, the seals are erased and the salt replaced, so from then on not even
the holder of the bot's token can recompute the poll key.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from models.polls import Poll

BODY = 16
NONCE = 16
TAG = 16
SEALED_HEX = 2 * (NONCE + BODY + TAG)


class Unreadable(Exception):
    """A seal that does not verify: made under another server key, or altered."""


def _mac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def _keys(server_key: bytes, poll: Poll) -> tuple[bytes, bytes]:
    poll_key = _mac(server_key, b"seal:" + poll.salt.encode())
    return _mac(poll_key, b"enc"), _mac(poll_key, b"mac")


def _bound(poll: Poll, voter_key: str, nonce: bytes, cipher: bytes) -> bytes:
    return f"{poll.id}|{voter_key}|".encode() + nonce + cipher


def seal(server_key: bytes, poll: Poll, voter_key: str, positions: Iterable[int]) -> str:
    bits = 0
    for p in positions:
        if not 1 <= p <= 8 * BODY:
            raise ValueError(f"option position {p} out of range")
        bits |= 1 << (p - 1)
    enc, mac = _keys(server_key, poll)
    nonce = secrets.token_bytes(NONCE)
    pad = _mac(enc, nonce)[:BODY]
    cipher = bytes(a ^ b for a, b in zip(bits.to_bytes(BODY, "big"), pad, strict=True))
    tag = _mac(mac, _bound(poll, voter_key, nonce, cipher))[:TAG]
    return (nonce + cipher + tag).hex()


def unseal(server_key: bytes, poll: Poll, voter_key: str, sealed: str) -> tuple[int, ...]:
    """The chosen option positions, ascending; Unreadable when the seal does not verify."""
    try:
        raw = bytes.fromhex(sealed)
    except ValueError as bad:
        raise Unreadable from bad
    if len(raw) != NONCE + BODY + TAG:
        raise Unreadable
    nonce, cipher, tag = raw[:NONCE], raw[NONCE:NONCE + BODY], raw[NONCE + BODY:]
    enc, mac = _keys(server_key, poll)
    if not hmac.compare_digest(tag, _mac(mac, _bound(poll, voter_key, nonce, cipher))[:TAG]):
        raise Unreadable
    pad = _mac(enc, nonce)[:BODY]
    bits = int.from_bytes(bytes(a ^ b for a, b in zip(cipher, pad, strict=True)), "big")
    return tuple(p for p in range(1, 8 * BODY + 1) if bits >> (p - 1) & 1)
