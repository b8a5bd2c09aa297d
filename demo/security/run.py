"""Every area of the attack suite, in the order ``security_report`` prints them."""

from __future__ import annotations

from .areas import Tally, document_fetches, guessed_ids, hostile_posts, route_matrix
from .cast import prepare
from .uploads import hostile_uploads


def run_all() -> list[Tally]:
    """Every area over the demo, which must already be loaded."""
    cast = prepare()
    return [
        route_matrix(cast),
        guessed_ids(cast),
        hostile_posts(cast),
        hostile_uploads(cast),
        document_fetches(),
    ]
