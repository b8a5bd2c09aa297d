"""The demonstration data: the four councils of the seed papers, loaded from ``fixtures/``.

``load_demo()`` is what ``python manage.py demo`` runs. It is idempotent: rows with a natural
key are updated in place, rows without one are replaced, all inside one transaction.

This package is an installed app, imported before the models are ready, so its names are
read from ``loader`` when first asked for.
"""

__all__ = ["DEMO_MODELS", "load_demo"]


def __getattr__(name: str):
    if name in __all__:
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'demo' has no attribute {name!r}")
