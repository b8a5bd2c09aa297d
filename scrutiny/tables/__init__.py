"""Tables of the scrutiny app; shared column types live in ``columns``."""

from .columns import LinkColumn, NumberColumn, TagColumn

__all__ = ["LinkColumn", "NumberColumn", "TagColumn"]
