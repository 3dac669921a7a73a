"""What an operator is told, and what the admin leaves out, in a deployment."""

import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.checks import run_checks


def deploy_warnings():
    return {message.id for message in run_checks(include_deployment_checks=True)}


def test_check_deploy_warns_when_no_proxy_is_trusted(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert "core.W001" in deploy_warnings()
    assert "core.W001" not in {message.id for message in run_checks()}


def test_check_deploy_is_quiet_when_the_proxies_are_counted(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert "core.W001" not in deploy_warnings()


def start_up(**environment):
    """The log of a fresh start of the app (``manage.py check``) with these settings."""
    finished = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=django_settings.BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "LOG_LEVEL": "INFO", **environment},
        capture_output=True, text=True, timeout=120, check=True,
    )
    return finished.stderr


def test_start_up_says_which_mail_transport_is_used_and_no_secret():
    log = start_up(EMAIL_HOST="relay.example.org", EMAIL_PORT="25", EMAIL_USE_TLS="false",
                   EMAIL_HOST_USER="portal", EMAIL_HOST_PASSWORD="hemmelig-adgangskode")
    assert "Mail: SMTP to relay.example.org:25 without encryption" in log
    assert "hemmelig-adgangskode" not in log and "portal@" not in log


def test_start_up_says_starttls_is_the_default():
    assert "Mail: SMTP to mail.example.org:587 with STARTTLS" in start_up(
        EMAIL_HOST="mail.example.org"
    )


@pytest.mark.django_db
def test_the_admin_asks_gravatar_for_nothing(admin_client):
    body = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in body.lower()
