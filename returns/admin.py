"""Admin for quarterly returns (read there; changed through the return's own pages)."""

from scrutiny.admin_utils import register

from .models import QuarterDueDate, QuarterlyReturn, ReturnEvent, ReturnSchedule, ReturnSection

register(
    QuarterlyReturn,
    ReturnSchedule,
    QuarterDueDate,
    inlines={QuarterlyReturn: [ReturnSection, ReturnEvent]},
)
