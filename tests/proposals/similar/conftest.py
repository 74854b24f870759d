import pytest

from tests.proposals.similar.labelled import public_adder


@pytest.fixture
def add_public(make_user):
    """Add a published proposal with a text's title and summary; its id."""
    return public_adder(make_user())
