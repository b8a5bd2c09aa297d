"""Data blocks: report sections built from the stored figures and frozen at publication."""

from .approval import provisional_reason, register_approval_check
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
    register_kinds,
)
from .show import ShownBlock, ShownChart, show_block

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
    "provisional_reason",
    "register_approval_check",
    "choice_texts",
    "register_kinds",
    "show_block",
    "simple_table",
    "table_data",
]
