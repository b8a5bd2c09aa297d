"""Admin for quarterly returns (read there; changed through the return's own pages)."""

from scrutiny.admin_utils import register

from .models import QuarterlyReturn, ReturnEvent, ReturnSection

register(QuarterlyReturn, inlines={QuarterlyReturn: [ReturnSection, ReturnEvent]})
