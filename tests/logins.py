"""Signing in to the admin in tests, second factor included.

The admin asks coordinators and superusers for a code from their app after the
password; ``sign_in_verified`` gives a person an app and marks the test
client's session as if they had just entered its code, the way django-otp does.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.core import two_factor


def sign_in_verified(client, user):
    device = two_factor.app_device(user) or TOTPDevice.objects.create(
        user=user, name=two_factor.APP_DEVICE_NAME, confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
