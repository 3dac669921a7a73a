"""Volunteer opportunities, their shifts, and the filtered listing of them."""

from .choices import SHIFT_COMMITMENTS, Commitment, HoursPer, Status
from .pages import OpportunityIndexPage, OpportunityPage, OpportunitySkillTag
from .querysets import OpportunityQuerySet
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
