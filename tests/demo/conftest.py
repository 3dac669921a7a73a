"""The demo content, loaded once for every test in this folder.

The tests here only read it. It is loaded inside a transaction that stays
open while they run (each test is a savepoint within it, rolled back as
usual) and is rolled back after the last of them, so the tests in other
folders find the database as the migrations left it.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(scope="package", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)
