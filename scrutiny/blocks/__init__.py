"""Data blocks: report sections built from the stored figures and frozen at publication."""

from .content import BlockContent, ChartData, TableData, simple_table, table_data
from .registry import (
    BLOCK_TYPES,
    BlockChoiceError,
    BlockType,
    block_type,
    block_types_with_choices,
    build_block,
    check_choice,
    choice_texts,
)
from .show import ShownBlock, ShownChart, show_block

# isort: split
# Last: the builders read through the selectors, which show blocks with the names above.
from . import builders  # noqa: E402, F401  (registers every block type)

__all__ = [
    "BLOCK_TYPES",
    "BlockChoiceError",
    "BlockContent",
    "BlockType",
    "ChartData",
    "ShownBlock",
    "ShownChart",
    "TableData",
    "block_type",
    "block_types_with_choices",
    "build_block",
    "check_choice",
    "choice_texts",
    "show_block",
    "simple_table",
    "table_data",
]
