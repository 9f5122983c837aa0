"""Request parameters and API errors shared by the emulator modules."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import BodyPartReader, MultipartReader, StreamReader

INT_KEYS = frozenset(
    {
        "chat_id",
        "from_chat_id",
        "message_id",
        "user_id",
        "message_thread_id",
        "reply_to_message_id",
        "offset",
        "limit",
        "timeout",
        "cache_time",
    }
)


class ApiError(Exception):
    """An error answer of the Bot API: HTTP status, description and optional parameters."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(message: str) -> ApiError:
    return ApiError(400, f"Bad Request: {message}")


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str
    content: bytes
    content_type: str | None = None


class Params:
    """Typed access to request parameters coming from a query, a form or a JSON body."""

    def __init__(self, values: dict[str, Any], files: dict[str, Upload] | None = None) -> None:
        self.values = values
        self.files = files or {}

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "") or name in self.files

    def get_str(self, name: str, default: str | None = None) -> str | None:
        value = self.values.get(name)
        if value is None:
            return default
        return value if isinstance(value, str) else str(value)

    def get_int(self, name: str, default: int | None = None) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return int(value)
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def require_int(self, name: str) -> int:
        value = self.get_int(name)
        if value is None:
            raise bad_request(f"{name} is empty")
        return value

    def get_bool(self, name: str, default: bool = False) -> bool:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)

    def get_json(self, name: str) -> Any:
        value = self.values.get(name)
        if not isinstance(value, str):
            return value
        if value == "":
            return None
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None

    def get_chat_id(self, name: str = "chat_id") -> int | str:
        value = self.values.get(name)
        if value is None or value == "":
            raise bad_request("chat_id is empty")
        if isinstance(value, str) and value.startswith("@"):
            return value
        return self.require_int(name)

    def resolve_file(self, value: Any) -> Upload | str | None:
        """Resolve ``attach://name``, an uploaded part or a file_id/URL string."""
        if isinstance(value, str) and value.startswith("attach://"):
            upload = self.files.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            return upload
        return value if isinstance(value, str) and value else None

    def get_file(self, name: str) -> Upload | str | None:
        if name in self.files:
            return self.files[name]
        return self.resolve_file(self.values.get(name))

    def record(self) -> dict[str, Any]:
        """A readable copy of the parameters for ``emu.calls``."""
        out: dict[str, Any] = {}
        for key, value in self.values.items():
            out[key] = _decode_for_record(key, value)
        for key, upload in self.files.items():
            out[key] = {"filename": upload.filename, "size": len(upload.content)}
        return out


def _decode_for_record(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in INT_KEYS:
        try:
            return int(value)
        except ValueError:
            return value
    return value


async def read_params(
    headers: Mapping[str, str], stream: StreamReader, query: Mapping[str, str] | None = None
) -> Params:
    """Parse a query plus a JSON, urlencoded or multipart body into Params."""
    values: dict[str, Any] = dict(query or {})
    content_type = headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type.startswith("multipart/"):
        return await _read_multipart(headers, stream, values)
    raw = await stream.read()
    if not raw:
        return Params(values)
    if content_type == "application/json":
        try:
            body = json.loads(raw)
        except ValueError:
            raise bad_request("can't parse JSON object") from None
        if not isinstance(body, dict):
            raise bad_request("JSON object expected")
        values.update(body)
    else:
        values.update(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    return Params(values)


async def _read_multipart(
    headers: Mapping[str, str], stream: StreamReader, values: dict[str, Any]
) -> Params:
    files: dict[str, Upload] = {}
    reader = MultipartReader(headers, stream)
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader):
            continue
        data = bytes(await part.read(decode=True))
        name = part.name or ""
        if part.filename:
            files[name] = Upload(part.filename, data, part.headers.get("Content-Type"))
        else:
            values[name] = data.decode(part.get_charset("utf-8"))
    return Params(values, files)
