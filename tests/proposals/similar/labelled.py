"""The labelled pairs of Danish proposals, and how well similar-proposal detection tells
them apart: the same idea worded differently (same) and different ideas sharing words.

`dev_pairs.json` is what the words, weights and threshold were chosen on (and its errors
read). `test_pairs.json` is what is measured: written afterwards by someone who had seen
neither the method nor the other pairs, so the measurement is not of what was tuned on.
`background.json` holds other proposals that sit in the database beside the pairs.
"""

import json
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Proposal

PAIRS = Path(__file__).parent / "pairs"


class Text(NamedTuple):
    title: str
    summary: str


class Pair(NamedTuple):
    a: Text
    b: Text
    same: bool


class Measure(NamedTuple):
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    def __str__(self) -> str:
        return (
            f"precision {self.precision:.2f}, recall {self.recall:.2f}"
            f" ({self.true_positives} found, {self.false_positives} wrongly,"
            f" {self.false_negatives} missed)"
        )


def pairs(name: str = "test_pairs") -> list[Pair]:
    """The labelled pairs of one file."""
    rows = json.loads((PAIRS / f"{name}.json").read_text(encoding="utf-8"))
    return [Pair(Text(**row["a"]), Text(**row["b"]), row["same"]) for row in rows]


def background() -> list[Text]:
    """The other proposals in the database while the pairs are measured."""
    return [Text(**row) for row in json.loads((PAIRS / "background.json").read_text("utf-8"))]


def public_adder(author) -> Callable[[Text], int]:
    """What adds a published proposal of this author with a text's title and summary,
    straight to the database (the lifecycle's own steps are tested elsewhere and would take
    minutes here), and gives its id, committed and so indexed."""

    def add(text: Text) -> int:
        proposal = Proposal(
            title=text.title,
            summary=text.summary,
            body="",
            body_html="",
            status=ProposalStatus.PUBLISHED,
            author=author,
        )
        db.session.add(proposal)
        db.session.commit()
        return proposal.id

    return add


def measure(
    labelled: list[Pair],
    add_public: Callable[[Text], int],
    find: Callable[[Text, int], list[int]],
) -> Measure:
    """Put every proposal of the pairs and the background in the database, look for the
    similar ones of each side of each pair, and count how often the other side is found
    where it should be and where it should not."""
    ids = [(add_public(pair.a), add_public(pair.b)) for pair in labelled]
    for text in background():
        add_public(text)
    found = wrongly = missed = 0
    for pair, (a, b) in zip(labelled, ids, strict=True):
        for text, own, other in ((pair.a, a, b), (pair.b, b, a)):
            shown = other in find(text, own)
            found += shown and pair.same
            wrongly += shown and not pair.same
            missed += pair.same and not shown
    return Measure(found, wrongly, missed)
