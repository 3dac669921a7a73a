"""Volunteer opportunities, their shifts, and the filtered listing of them."""

from .pages import (
    SHIFT_COMMITMENTS,
    Commitment,
    HoursPer,
    OpportunityIndexPage,
    OpportunityPage,
    OpportunityQuerySet,
    OpportunitySkillTag,
    Status,
)
from .shifts import (
    Shift,
    ShiftBooking,
    ShiftFull,
    ShiftQuerySet,
)

__all__ = [
    "Commitment",
    "HoursPer",
    "OpportunityIndexPage",
    "OpportunityPage",
    "OpportunityQuerySet",
    "OpportunitySkillTag",
    "SHIFT_COMMITMENTS",
    "Shift",
    "ShiftBooking",
    "ShiftFull",
    "ShiftQuerySet",
    "Status",
]
