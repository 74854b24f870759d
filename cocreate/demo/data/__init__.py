"""The demo municipality's content, written for the demo in Danish in cocreate/demo/content.

`municipality.toml` holds the departments, strategies and accounts, `civil_society.toml`
the organisations, the panel's seats and the followed themes, `calls.toml` the calls for
proposals, and `proposals/` one file for each department, named by its slug, with the
proposals that start with its themes.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cocreate.demo.data.calls import DemoCall, check_calls, check_proposals_to_calls
from cocreate.demo.data.load import ContentError, read_tables
from cocreate.demo.data.municipality import (
    DemoAccount,
    DemoDepartment,
    DemoOrganisation,
    DemoSeat,
    DemoStrategy,
    DemoThemeFollow,
)
from cocreate.demo.story import DemoProposal

CONTENT = Path(__file__).resolve().parent.parent / "content"


@dataclass(frozen=True)
class DemoContent:
    """Everything the demo loads, in the order of its files."""

    departments: tuple[DemoDepartment, ...]
    strategies: tuple[DemoStrategy, ...]
    accounts: tuple[DemoAccount, ...]
    organisations: tuple[DemoOrganisation, ...]
    panel_seats: tuple[DemoSeat, ...]
    theme_follows: tuple[DemoThemeFollow, ...]
    calls: tuple[DemoCall, ...]
    proposals: tuple[DemoProposal, ...]  # grouped by department, in the departments' order


@cache
def demo_content() -> DemoContent:
    """The demo's content, read from its files once."""
    return read_content(CONTENT)


def read_content(folder: Path) -> DemoContent:
    """Read the content files in `folder`; one the demo cannot play raises ContentError."""
    municipality = read_tables(
        folder / "municipality.toml",
        "municipality.toml",
        {"department": DemoDepartment, "strategy": DemoStrategy, "account": DemoAccount},
    )
    civil_society = read_tables(
        folder / "civil_society.toml",
        "civil_society.toml",
        {"organisation": DemoOrganisation, "panel_seat": DemoSeat, "theme_follow": DemoThemeFollow},
    )
    calls = read_tables(folder / "calls.toml", "calls.toml", {"call": DemoCall})["call"]
    check_calls(
        calls, municipality["department"], municipality["strategy"], municipality["account"]
    )
    return DemoContent(
        departments=municipality["department"],
        strategies=municipality["strategy"],
        accounts=municipality["account"],
        organisations=civil_society["organisation"],
        panel_seats=civil_society["panel_seat"],
        theme_follows=civil_society["theme_follow"],
        calls=calls,
        proposals=_read_proposals(folder / "proposals", municipality["department"], calls),
    )


def _read_proposals(
    folder: Path, departments: tuple[DemoDepartment, ...], calls: tuple[DemoCall, ...]
) -> tuple[DemoProposal, ...]:
    slugs = [department.slug for department in departments]
    strays = sorted(path.name for path in folder.glob("*.toml") if path.stem not in slugs)
    if strays:
        raise ContentError(
            f"proposals/{strays[0]}: no department has the slug '{Path(strays[0]).stem}'; "
            f"each file is named by a department's slug: {', '.join(slugs)}"
        )
    proposals = []
    for slug in slugs:
        path = folder / f"{slug}.toml"
        if path.exists():
            where = f"proposals/{path.name}"
            tables = read_tables(path, where, {"proposal": DemoProposal})
            check_proposals_to_calls(tables["proposal"], where, calls)
            proposals += tables["proposal"]
    return tuple(proposals)


__all__ = ["ContentError", "DemoContent", "demo_content", "read_content"]
