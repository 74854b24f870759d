"""The demo municipality's content, written for the demo in Danish."""

from cocreate.demo.data import (
    beskaeftigelse,
    born_og_kultur,
    social_og_sundhed,
    staben,
    teknik_og_miljo,
)
from cocreate.demo.data.organisation import ACCOUNTS, DEPARTMENTS, STRATEGIES

# Grouped by the department that owns each proposal's first theme.
PROPOSALS = (
    *teknik_og_miljo.PROPOSALS,
    *born_og_kultur.PROPOSALS,
    *social_og_sundhed.PROPOSALS,
    *beskaeftigelse.PROPOSALS,
    *staben.PROPOSALS,
)

__all__ = ["ACCOUNTS", "DEPARTMENTS", "PROPOSALS", "STRATEGIES"]
