"""The demonstration data: the four councils of the seed papers, loaded from ``fixtures/``.

``load_demo()`` is what ``python manage.py demo`` runs. It is idempotent: rows with a natural
key are updated in place, rows without one are replaced, all inside one transaction.
"""

from .loader import DEMO_MODELS, load_demo

__all__ = ["DEMO_MODELS", "load_demo"]
