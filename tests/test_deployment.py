"""docker-compose.yml and the Dockerfile have the production shape the README promises.

Where the Docker client has its compose plugin, `docker compose config -q` validates the file
against the Compose specification. The machines this project runs on have the client alone,
so the file is also read as YAML and its structure checked here: the services, their health
checks, what waits for what, and the commands web and worker run.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"

TOP_LEVEL_KEYS = {"name", "services", "volumes", "networks", "configs", "secrets"}
SERVICE_KEYS = {
    "build",
    "command",
    "depends_on",
    "entrypoint",
    "environment",
    "env_file",
    "healthcheck",
    "image",
    "ports",
    "restart",
    "volumes",
}


def has_compose_plugin() -> bool:
    if not shutil.which("docker"):
        return False
    result = subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=30)
    return result.returncode == 0


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def command_line(service: dict) -> str:
    command = service["command"]
    return command if isinstance(command, str) else " ".join(command)


def test_it_is_a_valid_compose_file(compose):
    if has_compose_plugin():
        result = subprocess.run(
            ["docker", "compose", "-f", str(COMPOSE), "config", "-q"],
            capture_output=True,
            text=True,
            env={**os.environ, "SECRET_KEY": "compose-config-check"},
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return
    # Without the plugin: at least no misspelt key, which compose would reject.
    assert set(compose) - {key for key in compose if key.startswith("x-")} <= TOP_LEVEL_KEYS
    for name, service in compose["services"].items():
        unknown = set(service) - SERVICE_KEYS
        assert not unknown, f"{name}: unknown keys {sorted(unknown)}"


def test_it_runs_web_worker_beat_postgres_and_redis(compose):
    services = compose["services"]
    assert set(services) == {"web", "worker", "beat", "db", "redis"}
    assert services["db"]["image"] == "postgres:16"
    assert services["redis"]["image"] == "redis:7"
    declared = set(compose.get("volumes") or {})
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert source.startswith((".", "/")) or source in declared, (name, volume)


def test_it_checks_the_health_of_postgres_and_redis(compose):
    db, redis = compose["services"]["db"], compose["services"]["redis"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert db["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}
    assert redis["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_it_starts_the_app_only_once_postgres_and_redis_are_healthy(compose, name):
    service = compose["services"][name]
    assert service["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    assert service["build"]["context"] == "."
    environment = service["environment"]
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in environment["DATABASE_URL"]
    assert environment["CELERY_BROKER_URL"] == "redis://redis:6379/0"
    assert environment["SCRUTINY_ENV"] == "production"
    assert environment["DEBUG"] == "false"
    assert environment["STATIC_MANIFEST"] == "true"
    assert "${SECRET_KEY:?" in environment["SECRET_KEY"], "no default secret in production"


def test_it_migrates_collects_static_and_serves_with_two_gunicorn_workers(compose):
    command = command_line(compose["services"]["web"])
    migrate = command.index("manage.py migrate")
    collect = command.index("manage.py collectstatic")
    serve = command.index("gunicorn scrutiny.wsgi")
    assert migrate < collect < serve
    assert "--workers 2" in command


def test_it_runs_a_celery_worker_that_takes_one_job_at_a_time(compose):
    command = command_line(compose["services"]["worker"])
    assert command.startswith("celery -A scrutiny worker")
    assert "--prefetch-multiplier=1" in command
    assert "--max-memory-per-child=" in command


def test_it_runs_one_celery_beat_for_the_sweep_of_stopped_packs(compose):
    """Beat sends CELERY_BEAT_SCHEDULE's tasks; its schedule file needs a writable place."""
    command = command_line(compose["services"]["beat"])
    assert command.startswith("celery -A scrutiny beat")
    assert "--schedule=/tmp/" in command
    assert "deploy" not in compose["services"]["beat"], "one beat only, never replicated"


def test_it_builds_on_python_311_slim_with_weasyprints_libraries_and_node():
    dockerfile = DOCKERFILE.read_text()
    stages = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("FROM ")]
    assert stages[-1] == "python:3.11-slim"
    assert any(stage.startswith("node:20") for stage in stages)
    for library in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"):
        assert library in dockerfile
    assert "npm run" in dockerfile
    assert "USER scrutiny" in dockerfile
