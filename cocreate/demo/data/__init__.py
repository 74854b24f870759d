"""The demo municipality's content, written for the demo in Danish."""

from cocreate.demo.data import (
    beskaeftigelse,
    born_og_kultur,
    social_og_sundhed,
    staben,
    teknik_og_miljo,
)
from cocreate.demo.data.cocreation import ORGANISATIONS, PANEL_SEATS, THEME_FOLLOWS
from cocreate.demo.data.engagement import ENGAGEMENT
from cocreate.demo.data.organisation import ACCOUNTS, DEPARTMENTS, STRATEGIES
from cocreate.demo.story import DemoProposal, Step

# Grouped by the department that owns each proposal's first theme.
PROPOSALS = (
    *teknik_og_miljo.PROPOSALS,
    *born_og_kultur.PROPOSALS,
    *social_og_sundhed.PROPOSALS,
    *beskaeftigelse.PROPOSALS,
    *staben.PROPOSALS,
)


def timeline(demo: DemoProposal) -> list[Step]:
    """The proposal's story and what others did with it, oldest first."""
    steps = (*demo.story, *ENGAGEMENT.get(demo.title, ()))
    return sorted(steps, key=lambda step: -step.days_ago)


__all__ = [
    "ACCOUNTS",
    "DEPARTMENTS",
    "ENGAGEMENT",
    "ORGANISATIONS",
    "PANEL_SEATS",
    "PROPOSALS",
    "STRATEGIES",
    "THEME_FOLLOWS",
    "timeline",
]
