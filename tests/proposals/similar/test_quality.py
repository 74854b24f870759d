"""How well similar proposals are told apart, on the labelled pairs (see labelled.py).

The aim is a precision of at least 0.8 with a recall of at least 0.7 on the held-out pairs;
bench/similar.py prints where it stands on both databases. These floors are what is
reached today, so that no change makes it worse unnoticed.
"""

from cocreate.proposals.similar.find import similar_proposals
from tests.proposals.similar.labelled import measure, pairs

PRECISION_MIN, RECALL_MIN = 0.65, 0.45


def test_the_labelled_pairs_are_enough_and_of_both_kinds():
    labelled = pairs()
    assert len(labelled) >= 80
    same = sum(pair.same for pair in labelled)
    assert 0.3 * len(labelled) < same < 0.7 * len(labelled)


def test_same_ideas_are_found_and_different_ones_sharing_words_are_not(add_public):
    def find(text, own):
        shown = similar_proposals(text.title, text.summary, excluding=own)
        return [similar.proposal.id for similar in shown]

    measured = measure(pairs(), add_public, find)

    assert measured.precision >= PRECISION_MIN, str(measured)
    assert measured.recall >= RECALL_MIN, str(measured)
