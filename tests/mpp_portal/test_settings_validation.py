"""Settings come from the environment; a malformed value stops start-up with a clear message."""
import os
import subprocess
import sys

import pytest

from tests.processes import ROOT

GOOD_SECRET = "k3v9-Qz7_pL2mW8rT5yX1cB4nH6jF0dS9aE3uI7oP2lK5zX8vC1bN4mQ6wE9rT2y"


def start(env_overrides: dict, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL",
                                                           "SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(env_overrides)
    return subprocess.run([sys.executable, "manage.py", *(args or ("check",))], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a boolean"),
        ({"DEBUG": "false"}, "SECRET_KEY is required when DEBUG is off"),
        ({"DEBUG": "false", "SECRET_KEY": "short"}, "SECRET_KEY must be at least 50 characters"),
        ({"DATABASE_URL": "mysql://root@localhost/mpp"}, "only sqlite:///path and postgres://"),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL='not a url'"),
        ({"CELERY_BROKER_URL": "kafka://x"}, "CELERY_BROKER_URL='kafka://x' must start with one of"),
        ({"REDIS_URL": "http://x"}, "REDIS_URL='http://x' must start with one of"),
        ({"CONN_MAX_AGE": "ten", "DATABASE_URL": "postgres://u@h/db"}, "CONN_MAX_AGE='ten' is not a whole number"),
    ],
)
def test_a_malformed_setting_fails_at_start_up_with_a_clear_message(overrides, message):
    result = start(overrides)
    assert result.returncode != 0
    assert message in result.stderr


def test_development_defaults_start_without_any_setting():
    result = start({})
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_pass_the_deployment_check():
    result = start(
        {"DEBUG": "false", "SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "mpp.example.go.id", "SECURE_HSTS_PRELOAD": "true"},
        "check", "--deploy", "--fail-level", "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_site_speaks_indonesian_in_jakarta_time(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert "en" in dict(settings.LANGUAGES)
    assert settings.TIME_ZONE == "Asia/Jakarta"
