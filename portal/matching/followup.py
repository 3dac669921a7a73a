""""Blev det et match?": one question to the sender, some days after contact.

The e-mail has three links (ja / nej / ikke endnu). Each lands on a page that
asks for a POST to confirm: mail scanners open every link in a message, and a
GET that recorded an answer would record all three. The answer is kept on the
request for the coordinators; "nej" marks it as needing attention and tells
them, but their own status stays the decision. The link can change the answer
("ikke endnu", later "ja") until it expires.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from wagtail.log_actions import log

from . import links
from .availability import booked_shifts
from .models import FollowUpAnswer, Notification, Status
from .tasks import notify_coordinators, schedule
from .tracking import ActionToken
from .workflow import status_changed


def plan_followup(match_request):
    """Ask once, ``FOLLOWUP_AFTER_DAYS`` after now or after the request's last shift."""
    if not match_request.email or match_request.notifications.filter(
        purpose=Notification.Purpose.FOLLOWUP
    ).exists():
        return None
    after = timezone.now()
    last = booked_shifts(match_request.reference).order_by("-shift__ends_at").first()
    if last and last.shift.ends_at > after:
        after = last.shift.ends_at
    due = after + timedelta(days=settings.FOLLOWUP_AFTER_DAYS)
    token = links.issue(match_request, ActionToken.Purpose.FOLLOWUP,
                        due + timedelta(days=settings.FOLLOWUP_ANSWER_DAYS))
    notification = Notification.objects.create(
        request=match_request, purpose=Notification.Purpose.FOLLOWUP, due_at=due,
        details={"token": token.pk},
    )
    schedule(notification)
    return notification


@receiver(status_changed)
def ask_after_contact(sender, match_request, status, **kwargs):
    if status == Status.CONTACTED:
        plan_followup(match_request)


@transaction.atomic
def record_answer(token, answer):
    """Keep the answer on the request; False if the link no longer works."""
    if not token.usable:
        return False
    answer = FollowUpAnswer(answer)
    match_request = token.request
    if match_request.followup_answer == answer:
        return True  # the same answer twice is one answer
    match_request.followup_answer = answer
    match_request.followup_answered_at = timezone.now()
    if answer == FollowUpAnswer.NO:
        match_request.needs_attention_since = timezone.now()
        notify_coordinators(match_request, "followup_no")
    match_request.save(update_fields=["followup_answer", "followup_answered_at",
                                      "needs_attention_since", "updated_at"])
    log(match_request, "matching.followup", data={"answer": answer.value})
    return True
