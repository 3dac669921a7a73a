"""System checks for a deployment (``manage.py check --deploy``)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_trusted_proxies(app_configs, **kwargs):
    if settings.TRUSTED_PROXY_COUNT:
        return []
    return [checks.Warning(
        "TRUSTED_PROXY_COUNT is 0: the intake rate limit counts every request "
        "by the address that connects to the app.",
        hint=(
            "Behind a proxy or load balancer every visitor then has the proxy's "
            "address, so one busy person can close the forms for everybody. Set "
            "TRUSTED_PROXY_COUNT to the number of proxies that add to "
            "X-Forwarded-For; leave it 0 only when visitors connect to the app "
            "directly."
        ),
        id="core.W001",
    )]
