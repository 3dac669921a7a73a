"""The demo's generated history: anonymous, marked, and the same however often it is loaded."""

import pytest
from django.forms.models import model_to_dict

from portal.core.models import Municipality
from portal.figures import demo
from portal.figures.models import RequestFact
from tests.matching.conftest import make_opportunity, make_request

pytestmark = pytest.mark.django_db


def generated_facts():
    """Every generated fact as its values without the row id, in a fixed order."""
    rows = [model_to_dict(fact, exclude=["id"])
            for fact in RequestFact.objects.filter(generated=True)]
    return sorted(rows, key=lambda row: sorted((key, str(value)) for key, value in row.items()))


def load():
    lines = []
    demo.load(lines.append)
    return lines


def test_loading_the_history_twice_gives_the_same_figures_and_keeps_real_facts(organisation):
    organisation.municipalities.set(Municipality.objects.filter(slug__in=["aalborg", "odense"]))
    organisation.save()
    make_opportunity(organisation, municipalities=("Odense",), activities=("besoegsven",))
    make_opportunity(organisation, title="Lektiehjælp", activities=("lektiehjaelp",))
    real = make_request(organisation)
    load()
    first = generated_facts()
    assert len(first) > 12 * 10  # a year, every month with both opportunities' offers
    assert {row["kind"] for row in first} == {"offer", "referral"}
    assert all(row["request_id"] is None for row in first)
    assert len({row["month"] for row in first}) == 12
    load()
    assert generated_facts() == first
    assert RequestFact.objects.filter(generated=False).get().request_id == real.pk
