"""The proposal's page is made of the parts the features register, each once."""

import pytest

from cocreate.proposals.page import PAGE_PARTS, page_part


def test_every_part_of_the_page_is_registered_once():
    names = [f"{part.__module__}.{part.__qualname__}" for part in PAGE_PARTS]
    assert len(names) == len(set(names)), names
    assert {name.rsplit(".", 1)[-1] for name in names} >= {
        "comments_context",
        "engagement_context",
        "people_context",
        "panel_context",
    }


def test_registering_a_part_twice_is_refused():
    with pytest.raises(ValueError, match="already"):
        page_part(PAGE_PARTS[0])
