"""How alike two proposals read: each is made a key of its title's and summary's meaningful
stems, and two keys are compared by their words and their letter trigrams.

The trigrams are the ones PostgreSQL's pg_trgm takes (each word padded with two spaces
before and one after), so the database's `%` operator finds the candidates that this
module then scores the same way on either database. Keys are plain ASCII (æ is "ae"), so
pg_trgm reads every letter as a letter whatever the database's locale.
"""

from functools import lru_cache
from typing import NamedTuple

from cocreate.proposals.search.words import stem, words
from cocreate.proposals.similar.stopwords import STOPWORDS

ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
# A shorter word is too common a piece of others to count as a part of a compound.
PART_MIN = 4
# What each comparison weighs in the score (measured on the labelled pairs, bench/similar.py).
TITLE_WEIGHT, TERMS_WEIGHT, SHARED_WEIGHT = 0.4, 0.3, 0.3


class Key(NamedTuple):
    """A proposal as it is compared: its title's terms and all its terms."""

    title: tuple[str, ...]
    terms: tuple[str, ...]

    @property
    def text(self) -> str:
        """The key as the database keeps it: the title's terms first, then the rest."""
        return " ".join(dict.fromkeys((*self.title, *self.terms)))


def meaningful_words(text: str) -> list[str]:
    """The text's folded words that say which idea it is, each once."""
    found = (word for word in words(text) if word not in STOPWORDS and not word.isdigit())
    return list(dict.fromkeys(word for word in found if len(word) > 1))


def terms_of(text: str) -> tuple[str, ...]:
    """The text's meaningful stems, in ASCII, each once."""
    return tuple(dict.fromkeys(stem(word).translate(ASCII) for word in meaningful_words(text)))


def key_of(title: str, summary: str = "") -> Key:
    """The key of a proposal with this title and summary."""
    title_terms = terms_of(title)
    return Key(title_terms, tuple(dict.fromkeys((*title_terms, *terms_of(summary)))))


@lru_cache(maxsize=20_000)
def trigrams(term: str) -> frozenset[str]:
    """The trigrams pg_trgm takes of one word."""
    padded = f"  {term} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def trigram_similarity(left: tuple[str, ...], right: tuple[str, ...]) -> float:
    """pg_trgm's similarity() of two lists of words: shared trigrams over all trigrams."""
    ours = frozenset().union(*map(trigrams, left))
    theirs = frozenset().union(*map(trigrams, right))
    if not ours or not theirs:
        return 0.0
    return len(ours & theirs) / len(ours | theirs)


def _same_term(term: str, other: str) -> bool:
    """Whether two stems name the same thing: equal, or one a part of the other's compound."""
    if term == other:
        return True
    shorter, longer = sorted((term, other), key=len)
    return len(shorter) >= PART_MIN and (longer.startswith(shorter) or longer.endswith(shorter))


def shared_share(left: tuple[str, ...], right: tuple[str, ...]) -> float:
    """The share of the shorter list's terms that the other list has too."""
    if not left or not right:
        return 0.0
    shorter, longer = sorted((left, right), key=len)
    found = sum(any(_same_term(term, other) for other in longer) for term in shorter)
    return found / len(shorter)


def likeness(ours: Key, theirs: Key) -> float:
    """How probably two proposals are the same idea, from 0 to 1."""
    return (
        TITLE_WEIGHT * trigram_similarity(ours.title, theirs.title)
        + TERMS_WEIGHT * trigram_similarity(ours.terms, theirs.terms)
        + SHARED_WEIGHT * shared_share(ours.terms, theirs.terms)
    )
