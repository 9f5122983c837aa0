"""Settings from the environment and `.env`, validated into one immutable object."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LOCALES = ("zh-Hans", "zh-Hant", "en")
TOKEN_RE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{30,}$")


class ConfigError(Exception):
    """A setting is missing or malformed; `setting` names it for the one-line message."""

    def __init__(self, setting: str, reason: str) -> None:
        super().__init__(f"{setting}: {reason}")
        self.setting = setting
        self.reason = reason


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    bot_token: str = ""
    database_url: str = "sqlite+aiosqlite:///data/steward.db"
    redis_url: str | None = None
    bot_api_base: str | None = None
    timezone: str = "Asia/Shanghai"
    default_locale: str = "zh-Hans"
    superadmin_ids: Annotated[tuple[int, ...], NoDecode] = ()

    webhook_url: str | None = None
    webhook_path: str = "/webhook"
    webhook_secret: str | None = None
    web_host: str = "0.0.0.0"
    web_port: int = Field(default=8080, ge=1, le=65535)
    web_enabled: bool = False
    # /metrics: its own server on METRICS_HOST:METRICS_PORT, or a bearer token (bot/web.py).
    metrics_host: str = "127.0.0.1"
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_token: str | None = None

    log_level: str = "INFO"
    log_json: bool = False

    # Telegram's published ceilings; lower them if a bot shares its token's budget.
    outbox_rate_per_second: float = Field(default=30, gt=0)
    outbox_group_per_minute: float = Field(default=20, gt=0)
    outbox_chat_per_second: float = Field(default=1, gt=0)
    outbox_max_attempts: int = Field(default=8, ge=1)
    outbox_concurrency: int = Field(default=8, ge=1, le=64)
    outbox_poll_seconds: float = Field(default=1.0, gt=0)
    # Off only where something else drains the outbox (the test harness does it by hand).
    outbox_sender: bool = True

    throttle_burst: int = Field(default=6, ge=1)
    throttle_period_seconds: float = Field(default=4.0, gt=0)
    sweep_seconds: int = Field(default=20, ge=1)
    migrate_on_start: bool = True

    @field_validator("superadmin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p for p in re.split(r"[\s,;]+", value.strip()) if p]
            if not all(re.fullmatch(r"-?\d+", p) for p in parts):
                raise ValueError("expected Telegram user ids separated by commas")
            return tuple(int(p) for p in parts)
        if isinstance(value, int):
            return (value,)
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith("postgresql")


def _check_url(setting: str, url: str, schemes: tuple[str, ...]) -> None:
    parts = urlsplit(url)
    if parts.scheme not in schemes:
        raise ConfigError(setting, f"malformed URL {mask_url(url)!r}: scheme must be one of "
                          + ", ".join(schemes))
    if not parts.scheme.startswith("sqlite") and not parts.hostname:
        raise ConfigError(setting, f"malformed URL {mask_url(url)!r}: no host")


def validate(settings: Settings, *, need_token: bool = True) -> Settings:
    """Check what pydantic cannot: URL shapes, token shape, timezone, locale."""
    if need_token:
        if not settings.bot_token:
            raise ConfigError("BOT_TOKEN", "missing; get one from @BotFather and put it in .env")
        if not TOKEN_RE.match(settings.bot_token):
            raise ConfigError("BOT_TOKEN", "malformed; expected <digits>:<secret> from @BotFather")
    _check_url("DATABASE_URL", settings.database_url,
               ("sqlite+aiosqlite", "postgresql+asyncpg"))
    if settings.redis_url:
        _check_url("REDIS_URL", settings.redis_url, ("redis", "rediss", "unix"))
    if settings.bot_api_base:
        _check_url("BOT_API_BASE", settings.bot_api_base, ("http", "https"))
    if settings.webhook_url:
        _check_url("WEBHOOK_URL", settings.webhook_url, ("https", "http"))
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError("TIMEZONE", f"unknown time zone {settings.timezone!r}") from None
    if settings.default_locale not in LOCALES:
        raise ConfigError("DEFAULT_LOCALE", "must be one of " + ", ".join(LOCALES))
    if not settings.webhook_path.startswith("/"):
        raise ConfigError("WEBHOOK_PATH", "must start with /")
    return settings


def load_settings(*, need_token: bool = True, **overrides: object) -> Settings:
    """Read the environment and `.env`; raise ConfigError naming the first bad setting."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise ConfigError(name, first["msg"]) from None
    return validate(settings, need_token=need_token)


def mask_secret(value: str | None) -> str:
    if not value:
        return "(unset)"
    return value[:4] + "…" + value[-2:] if len(value) > 8 else "****"


def mask_url(url: str) -> str:
    """Hide the password of a URL; keep the rest so an operator can recognise it."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":****@")
        return parts._replace(netloc=netloc).geturl()
    return url
