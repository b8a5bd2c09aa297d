"""Measuring helpers the benchmarks share: memory of this process, medians and spreads of
repeated runs, goals met or missed, and what else the machine was doing."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def now_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def verdict(value: float, goal: float, at_most: bool = True) -> str:
    met = value <= goal if at_most else value >= goal
    return "met" if met else f"MISSED by {abs(value - goal) / goal:.0%}"


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def spread(runs: list[dict], key: str, fmt: str = ".1f") -> str:
    values = [run[key] for run in runs]
    return f"{min(values):{fmt}}-{max(values):{fmt}}"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def run_child(script: str, *args: str) -> object:
    """Run ``script --child ARGS`` in a fresh process with its own MEDIA_ROOT; its last line
    of output is JSON, returned read."""
    with tempfile.TemporaryDirectory() as media:
        env = {**os.environ, "MEDIA_ROOT": media}
        out = subprocess.run(
            [sys.executable, "-W", "ignore", script, "--child", *args],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return json.loads(out.strip().splitlines()[-1])
