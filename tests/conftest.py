import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client
from django.utils import translation

from portal.editorial.models import MODERATORS_GROUP
from portal.settings.base import redis_cache
from tests.caches import empty_caches
from tests.core.redis_server import RedisServer, free_port
from tests.factories import (
    CaseIndexPageFactory,
    OpportunityIndexPageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    ToolIndexPageFactory,
    UserFactory,
    home_page,
)
from tests.logins import sign_in_verified


@pytest.fixture(autouse=True)
def danish_to_begin_with():
    """A request under /en/ leaves English active in the test's thread (LocaleMiddleware
    activates it and nothing deactivates it): each test starts and ends in Danish, as a
    fresh process does, so no test inherits another's language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home(db):
    return home_page()


@pytest.fixture
def organisation_index(home):
    return OrganisationIndexPageFactory(parent=home)


@pytest.fixture
def opportunity_index(home):
    return OpportunityIndexPageFactory(parent=home)


@pytest.fixture
def case_index(home):
    return CaseIndexPageFactory(parent=home)


@pytest.fixture
def tool_index(home):
    return ToolIndexPageFactory(parent=home)


@pytest.fixture
def organisation(organisation_index):
    return OrganisationPageFactory(parent=organisation_index, title="Besøgsvennerne")


@pytest.fixture
def editor(organisation):
    """An editor of ``organisation``: drafts and submits in its subtree, never publishes."""
    user = UserFactory(username="rikke", first_name="Rikke", email="rikke@forening.example")
    user.groups.add(organisation.access.editors)
    return user


@pytest.fixture
def moderator(db):
    """A member of Redaktionen, who approves or sends back what editors submit."""
    user = UserFactory(username="mona", first_name="Mona", email="mona@bindeled.example")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as a fresh deployment would."""
    from django.core.cache import cache

    empty_caches()
    yield
    cache.clear()


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's superuser client, signed in with both steps (password and app code)."""
    return sign_in_verified(Client(), admin_user)


@pytest.fixture
def redis_server():
    """A redis-server of this test's own, which the test may stop, start or freeze."""
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def shared_cache(settings, redis_server):
    """The production cache configuration, pointed at this test's own server.

    The server is tried again sooner than in production, so recovery is quick.
    """
    config = redis_cache(redis_server.url)
    config["OPTIONS"] = {**config["OPTIONS"], "RETRY_AFTER_SECONDS": 0.1}
    settings.CACHES = {"default": config}
    return caches["default"]
