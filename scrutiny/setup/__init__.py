"""Setting a council up in the product, without the Django admin: the "Set up your council"
task list. The framework owns the steps about the council itself (its details, service areas
and teams, comparators and people); each app registers the steps it owns (indicators,
committees...) with ``register_steps``, so the framework imports none of them. Whether a step
is done is read from the council's data, never ticked by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from scrutiny.models import Authority


@dataclass(frozen=True)
class SetupStep:
    key: str
    title: str
    hint: str
    url_name: str  # takes ``authority=<slug>``
    done: Callable[[Authority], bool]
    order: int = 100


_STEPS: dict[str, SetupStep] = {}


def register_steps(steps: Iterable[SetupStep]) -> None:
    for step in steps:
        if step.key in _STEPS and _STEPS[step.key] != step:
            raise ValueError(f"Two set-up steps are called {step.key!r}")
        _STEPS[step.key] = step


def setup_steps() -> list[SetupStep]:
    return sorted(_STEPS.values(), key=lambda s: (s.order, s.title))
