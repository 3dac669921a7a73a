"""Staff sign-in devices: an authenticator app (TOTP) and one-time backup codes.

The one-time-password logic, its replay protection and its throttling of wrong
codes are django-otp's; this module only decides which device a code is meant
for and keeps each person to one app and one set of backup codes.
"""

from base64 import b32decode, b32encode
from binascii import hexlify, unhexlify

import segno
from django.db import transaction
from django_otp import user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE_NAME = "Godkendelsesapp"
BACKUP_DEVICE_NAME = "Reservekoder"
BACKUP_CODE_COUNT = 10
APP_CODE_DIGITS = 6


def has_device(user):
    return user_has_device(user, confirmed=True)


def app_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_app_device(user):
    """The app being set up: shown as a QR code until its first code confirms it."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=False).first()


def start_app_setup(user):
    """A fresh secret for a new app; an earlier unfinished setup is discarded."""
    TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def confirm_app(device, code):
    """Confirm the pending app with a code it shows; it then replaces any earlier app.

    Returns ``True`` when the code was right.
    """
    if not verify_token(device.user, device.persistent_id, code):
        return False
    TOTPDevice.objects.devices_for_user(device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def verify_code(user, code):
    """The device that accepts ``code`` (an app code or a backup code), or ``None``.

    A six-digit code goes to the app only and anything else to the backup codes
    only, so a mistyped backup code does not count as a wrong app code.
    """
    code = "".join(code.split()).lower()
    is_app_code = code.isdigit() and len(code) == APP_CODE_DIGITS
    model = TOTPDevice if is_app_code else StaticDevice
    device = model.objects.devices_for_user(user, confirmed=True).first()
    if device is None:
        return None
    return verify_token(user, device.persistent_id, code)


def is_backup_code_device(device):
    return isinstance(device, StaticDevice)


def is_throttled(user):
    """Whether wrong codes have paused verification for a moment (django-otp's back-off)."""
    return any(
        not device.verify_is_allowed()[0]
        for model in (TOTPDevice, StaticDevice)
        for device in model.objects.devices_for_user(user, confirmed=True)
    )


@transaction.atomic
def replace_backup_codes(user, codes=None):
    """New backup codes for ``user``; the old ones stop working. Returns the codes."""
    # One set per person; ``manage.py addstatictoken`` adds to it.
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = list(codes) if codes is not None else [
        StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)
    ]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes(user):
    return list(
        StaticToken.objects.filter(device__user=user, device__confirmed=True)
        .order_by("pk")
        .values_list("token", flat=True)
    )


@transaction.atomic
def install_known_app(user, secret):
    """Give ``user`` an app with a secret written down elsewhere (the demo prints its own)."""
    TOTPDevice.objects.devices_for_user(user, confirmed=None).delete()
    key = hexlify(b32decode(secret)).decode()
    return TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, key=key, confirmed=True)


def readable_secret(device):
    """The secret as an authenticator app asks for it, in groups of four."""
    secret = b32encode(unhexlify(device.key)).decode()
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device):
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)
