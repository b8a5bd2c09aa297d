"""The kinds of data block a report can hold, what each is chosen by, and how it is built.

Each block type names one choice the author makes (a period, a snapshot date, an indicator,
a programme...), lists the council's options for it, and builds a ``BlockContent`` from the
stored figures. It also names the rows its options are read from (``sources``), so the page
that offers every kind asks once which kinds have any rather than listing each kind's
options. ``public=True`` builds what the public may see: small counts of children, of
complaints (each brought by a child or family) and of staff in a role hidden, all through
``scrutiny.suppression`` (README, "Small numbers"); programme figures are the same for every
reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, QuerySet

from scrutiny.models import Authority

from .content import BlockContent

Rows = Callable[[Authority], QuerySet]


class BlockChoiceError(ValueError):
    """The block's choice is not one the council's figures offer."""


@dataclass(frozen=True)
class BlockType:
    """A kind of data block: its name, what the author chooses, and its builder."""

    key: str
    label: str
    description: str
    choice_label: str
    choices: Callable[[Authority], list[tuple[str, str]]]
    build: Callable[..., BlockContent]
    # The council has a choice of this kind exactly when one of these has a row.
    sources: tuple[Rows, ...]
    # A kind that shows a history (a series, rounds, updates) rather than one chosen period
    # is built ``as_at`` a date: only what was known by then, so a block frozen for a
    # back-dated report never shows later figures.
    history: bool = False
    # The dates a choice's figures are for, ``(authority, choice) -> (first, last)``, so that
    # publication can ask whether a return behind them is still provisional; None for a kind
    # whose figures are not entered through the quarter's return (inspections, audits).
    span: Callable[[Authority, str], tuple[dt.date, dt.date]] | None = None

    @property
    def choose(self) -> str:
        """The prompt for the author's choice, with the right article: "Choose an indicator"."""
        noun = self.choice_label.lower()
        return f"Choose {'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


# Every kind by key, in the order an author meets them (by each area's rank, then as listed).
BLOCK_TYPES: dict[str, BlockType] = {}
_RANKS: dict[str, tuple[int, int]] = {}


def choice_texts(authority: Authority, sections) -> dict[int, str]:
    """Each data section's choice by section id, labelled as the author saw it ("" if the
    council no longer has it); each kind's choices are read once, however many use it."""
    options: dict[str, dict[str, str]] = {}
    texts = {}
    for section in sections:
        kind = BLOCK_TYPES.get(section.block_type)
        if kind is None:
            continue
        if kind.key not in options:
            options[kind.key] = dict(kind.choices(authority))
        texts[section.pk] = options[kind.key].get(str(section.block_params.get("choice", "")), "")
    return texts


def register_kinds(kinds, *, rank: int) -> None:
    """Add an area's kinds (from its app's ``ready()``); ``rank`` places the area among the
    others on the author's list (workforce 10, indicators 20, ... programmes 60). A key is
    one kind's only: registering another kind under it is an error."""
    for n, kind in enumerate(kinds):
        known = BLOCK_TYPES.get(kind.key)
        if known is not None and known != kind:
            raise ValueError(f"Block type {kind.key!r} registered twice.")
        BLOCK_TYPES[kind.key] = kind
        _RANKS[kind.key] = (rank, n)
    ordered = sorted(BLOCK_TYPES.values(), key=lambda k: _RANKS[k.key])
    BLOCK_TYPES.clear()
    BLOCK_TYPES.update((k.key, k) for k in ordered)


def block_type(key: str) -> BlockType:
    try:
        return BLOCK_TYPES[key]
    except KeyError:
        raise BlockChoiceError(f"There is no kind of data block called {key!r}.") from None


def block_types_with_choices(authority: Authority) -> list[BlockType]:
    """The kinds the council has figures to choose from, in the catalogue's order, in one
    query however many kinds there are (kinds that share a source ask about it once)."""
    sources = list(dict.fromkeys(s for kind in BLOCK_TYPES.values() for s in kind.sources))
    names = {source: f"source_{n}" for n, source in enumerate(sources)}
    found = (
        Authority.objects.filter(pk=authority.pk)
        .values(**{names[s]: Exists(s(authority)) for s in sources})
        .get()
    )
    return [k for k in BLOCK_TYPES.values() if any(found[names[s]] for s in k.sources)]


def check_choice(
    authority: Authority, key: str, params: dict, *, options: dict | None = None
) -> BlockType:
    """The block's type if its choice is still one the council's figures offer (``options``
    are the type's choices when the caller already has them); BlockChoiceError if not."""
    kind = block_type(key)
    value = str(params.get("choice", ""))
    if value not in (dict(kind.choices(authority)) if options is None else options):
        raise BlockChoiceError(
            f"{kind.label}: the council no longer has figures for the chosen "
            f"{kind.choice_label.lower()}."
        )
    return kind


def build_block(
    authority: Authority, key: str, params: dict, *, public: bool, as_at: dt.date | None = None
) -> BlockContent:
    """The block's content from the figures held now, or BlockChoiceError if its choice is
    gone. With ``as_at``, a history stops at the periods begun (and rounds held) by then."""
    kind = check_choice(authority, key, params)
    choice = str(params.get("choice", ""))
    if kind.history:
        return kind.build(authority, choice, public=public, as_at=as_at)
    return kind.build(authority, choice, public=public)
