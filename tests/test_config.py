from __future__ import annotations

import pytest

from bot.cli import describe
from bot.config import ConfigError, load_settings

TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz012"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("BOT_TOKEN", "DATABASE_URL", "REDIS_URL", "BOT_API_BASE", "TIMEZONE",
                 "DEFAULT_LOCALE", "SUPERADMIN_IDS", "WEBHOOK_URL", "WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_are_the_embedded_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    s = load_settings()
    assert s.database_url == "sqlite+aiosqlite:///data/steward.db"
    assert s.timezone == "Asia/Shanghai"
    assert s.default_locale == "zh-Hans"
    assert s.redis_url is None
    assert s.superadmin_ids == ()


def test_dotenv_file_is_read(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text(f"BOT_TOKEN={TOKEN}\nSUPERADMIN_IDS=7, 8;9\n")
    s = load_settings()
    assert s.bot_token == TOKEN
    assert s.superadmin_ids == (7, 8, 9)


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({}, "BOT_TOKEN"),
        ({"BOT_TOKEN": "not-a-token"}, "BOT_TOKEN"),
        ({"BOT_TOKEN": TOKEN, "DATABASE_URL": "mysql://db/x"}, "DATABASE_URL"),
        ({"BOT_TOKEN": TOKEN, "DATABASE_URL": "postgresql+asyncpg:///nohost"}, "DATABASE_URL"),
        ({"BOT_TOKEN": TOKEN, "REDIS_URL": "http://x"}, "REDIS_URL"),
        ({"BOT_TOKEN": TOKEN, "BOT_API_BASE": "ftp://x"}, "BOT_API_BASE"),
        ({"BOT_TOKEN": TOKEN, "TIMEZONE": "Mars/Olympus"}, "TIMEZONE"),
        ({"BOT_TOKEN": TOKEN, "DEFAULT_LOCALE": "fr"}, "DEFAULT_LOCALE"),
        ({"BOT_TOKEN": TOKEN, "SUPERADMIN_IDS": "12,abc"}, "SUPERADMIN_IDS"),
        ({"BOT_TOKEN": TOKEN, "WEB_PORT": "99999"}, "WEB_PORT"),
    ],
)
def test_bad_settings_name_the_setting(
    env: dict[str, str], setting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert err.value.setting == setting
    assert "\n" not in str(err.value)


def test_describe_masks_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://steward:hunter2@db:5432/steward")
    monkeypatch.setenv("WEBHOOK_SECRET", "very-secret-value")
    out = "\n".join(describe(load_settings()))
    assert TOKEN not in out
    assert "hunter2" not in out
    assert "very-secret-value" not in out
    assert "postgresql+asyncpg://steward:****@db:5432/steward" in out
