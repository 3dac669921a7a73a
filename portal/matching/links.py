"""One-purpose links in e-mails: to cancel a shift, take a freed place, answer a follow-up.

A link is ``<id>.<nonce>`` signed with the purpose as salt: it cannot be
guessed (the nonce is random, the signature needs the secret key), a link for
one purpose is refused by the view of another, and its row says until when
it works and whether it was used. Erasing the request deletes the rows, and
with them every link.
"""

from django.conf import settings
from django.core.signing import BadSignature, Signer
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from .tracking import ActionToken

VIEWS = {
    ActionToken.Purpose.CANCEL: "matching:cancel_shift",
    ActionToken.Purpose.TAKE_PLACE: "matching:take_place",
    ActionToken.Purpose.FOLLOWUP: "matching:followup",
}


def _signer(purpose):
    return Signer(salt=f"matching.link.{purpose}")


def issue(match_request, purpose, expires_at, **about):
    return ActionToken.objects.create(request=match_request, purpose=purpose,
                                      expires_at=expires_at, **about)


def token_string(token):
    return _signer(token.purpose).sign(f"{token.pk}.{token.nonce}")


def path(token):
    return reverse(VIEWS[ActionToken.Purpose(token.purpose)], args=[token_string(token)])


def link(token):
    """The full address of the link, for an e-mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path(token)


def find(value, purpose):
    """The token behind a link of this purpose, used or not, or None for a forged one."""
    try:
        pk, _, nonce = _signer(purpose).unsign(value).partition(".")
        token = ActionToken.objects.select_related("request__organisation").get(
            pk=int(pk), purpose=purpose, request__erased_at__isnull=True
        )
    except (BadSignature, ValueError, ActionToken.DoesNotExist):
        return None
    return token if constant_time_compare(token.nonce, nonce) else None


def use(token):
    """Mark the token used, once: False when another request used it first."""
    return bool(
        ActionToken.objects.filter(pk=token.pk, used_at__isnull=True,
                                   expires_at__gt=timezone.now())
        .update(used_at=timezone.now())
    )
