"""Two people pressing the same button at the same moment, through the whole site.

Each racer is a real request (Django's test client) on its own thread with its own database
connection, released together by a barrier. On PostgreSQL they use the test database as it
is. The SQLite test database lives in memory, where every connection shares one cache and
locks whole tables, unlike the file the demo runs on: so ``on_disk`` moves the test to a file
copy of it for as long as the race lasts, and every racer opens that file.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, connections
from django.test import Client


@contextlib.contextmanager
def on_disk(folder: Path) -> Iterator[None]:
    """Run the enclosed code (and every racer it starts) on a file, when SQLite is in memory."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    path = folder / "race.sqlite3"
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    in_memory = connections["default"]
    on_file = type(in_memory)({**in_memory.settings_dict, "NAME": str(path)}, "default")
    connections["default"] = on_file
    try:
        yield
    finally:
        on_file.close()
        connections["default"] = in_memory


@dataclass
class Outcome:
    status: int
    html: str
    error: BaseException | None = None


def race(*attempts: tuple[Client, str, dict]) -> list[Outcome]:
    """Each (client, url, data) posted at the same moment; what each racer got back."""
    wrapper = type(connections["default"])
    settings_dict = dict(connections["default"].settings_dict)
    barrier = threading.Barrier(len(attempts))
    outcomes: list[Outcome | None] = [None] * len(attempts)

    def run(index: int, client: Client, url: str, data: dict) -> None:
        own = wrapper(settings_dict, "default")
        connections["default"] = own
        try:
            barrier.wait(timeout=30)
            response = client.post(url, data)
            outcomes[index] = Outcome(response.status_code, response.content.decode())
        except BaseException as error:  # a 500 raises through the test client
            outcomes[index] = Outcome(500, "", error)
        finally:
            own.close()

    threads = [
        threading.Thread(target=run, args=(index, *attempt))
        for index, attempt in enumerate(attempts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return [outcome or Outcome(0, "", TimeoutError("racer did not finish")) for outcome in outcomes]
