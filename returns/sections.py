"""The sections of a quarterly return, as each area registers them.

Each app declares its sections (``SectionEntry`` subclasses) in its own ``returns.py`` and
registers them from its ``AppConfig.ready()`` with a rank that places the area on the task
list (workforce 10, indicators 20, assurance 30 and 70, programmes 60), so this package
never imports an area. Sections of ``ReturnSectionKey`` that no app registers are not
offered: a return started here marks them "Cannot start yet", which is what lets an officer
submit without them.
"""

from __future__ import annotations

from .entry import SectionEntry

_SECTIONS: dict[str, type[SectionEntry]] = {}
_RANKS: dict[str, tuple[int, int]] = {}


def register_sections(entries, *, rank: int) -> None:
    """Add an area's sections in the order given; a slug is one section's only."""
    for n, entry in enumerate(entries):
        known = _SECTIONS.get(entry.slug)
        if known is not None and known is not entry:
            raise ValueError(f"Return section {entry.slug!r} registered twice.")
        _SECTIONS[entry.slug] = entry
        _RANKS[entry.slug] = (rank, n)
    ordered = sorted(_SECTIONS.values(), key=lambda e: _RANKS[e.slug])
    _SECTIONS.clear()
    _SECTIONS.update((e.slug, e) for e in ordered)


def sections() -> dict[str, type[SectionEntry]]:
    """Offered sections by URL slug, in task-list order."""
    return dict(_SECTIONS)


def offered_keys() -> set[str]:
    return {str(entry.key) for entry in _SECTIONS.values()}
