"""The listing, opportunities and subscriptions the alert tests need, in a few lines."""

import re
import socket
import uuid

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.utils import timezone

from portal.alerts.models import Subscription
from portal.core.models import Activity, Municipality
from portal.matching.forms import start_stamp
from portal.opportunities.models import OpportunityPage

LINK = re.compile(r"https?://\S+/opgaveagent/(?:bekraeft|afmeld)/\S+/")


@pytest.fixture(autouse=True)
def intake_settings(settings):
    """People in tests type instantly; the minimum fill time and the limit have own tests."""
    settings.INTAKE_MIN_FILL_SECONDS = 0
    settings.INTAKE_RATE_LIMIT = 1000
    settings.WAGTAILADMIN_BASE_URL = "https://bindeled.example"
    return settings


@pytest.fixture
def listing(opportunity_index):
    return opportunity_index


def publish(organisation, title, municipalities=("Aalborg",), activities=("besoegsven",),
            **fields):
    """A published opportunity; ``published_at`` is the (test's) time of publishing."""
    page = OpportunityPage(title=title, summary="En kort opgave.", commitment="regular",
                           **fields)
    organisation.add_child(instance=page)
    page.municipalities.set(Municipality.objects.filter(name__in=municipalities))
    page.activities.set(Activity.objects.filter(slug__in=activities))
    page.save_revision().publish()
    return OpportunityPage.objects.get(pk=page.pk)


def form_data(**overrides):
    token = overrides.pop("idempotency_token", None) or str(uuid.uuid4())
    seconds_ago = overrides.pop("seconds_ago", 60)
    data = {"email": "aase@example.org", "frequency": "daily", "filters": "kommune=aalborg",
            "idempotency_token": token, "website": "",
            "started": start_stamp(token, at=timezone.now().timestamp() - seconds_ago)}
    data.update(overrides)
    return data


def subscription(email="aase@example.org", query="kommune=aalborg", frequency="daily",
                 confirmed=True):
    return Subscription.objects.create(
        email=email, query=query, frequency=frequency, idempotency_token=uuid.uuid4(),
        confirmed_at=timezone.now() if confirmed else None,
    )


def links_in(message):
    return LINK.findall(message.body)


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


class Sink:
    """An SMTP server that accepts, or refuses every recipient with ``refusal``."""

    def __init__(self, refusal=None):
        self.refusal, self.received = refusal, []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refusal:
            return self.refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp(settings):
    controllers = []

    def start(refusal=None):
        sink = Sink(refusal)
        with socket.socket() as probe:  # a free loopback port
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(sink, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
        return sink

    yield start
    for controller in controllers:
        controller.stop()
