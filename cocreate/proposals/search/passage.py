"""What a search found in a proposal: its title and the passage with the search's words
marked, everything else escaped."""

import re
from typing import NamedTuple

from markupsafe import Markup, escape

from cocreate.proposals.search.match import search_words
from cocreate.proposals.search.words import fold, stem

WORD = re.compile(r"\w+")
# Words shown before the first match and in all.
BEFORE, LENGTH = 8, 40


class Found(NamedTuple):
    title: Markup
    passage: Markup


def found_in(proposal, q: str) -> Found:
    """The proposal's title and the passage of its summary or body that has q's words."""
    wanted = _wanted(q)
    title = proposal.title
    return Found(
        _around(title, _found(title, wanted), whole=True) if wanted else escape(title),
        passage([proposal.summary, proposal.body], q),
    )


def passage(texts: list[str], q: str) -> Markup:
    """From the first text that has a word of q: the words around it, those of q marked."""
    wanted = _wanted(q)
    for text in texts if wanted else ():
        found = _found(text, wanted)
        if found:
            return _around(text, found)
    return Markup("")


def _wanted(q: str) -> list[str]:
    return [stem(word) for word in search_words(q)]


def _found(text: str, wanted: list[str]) -> list[re.Match]:
    return [m for m in WORD.finditer(text) if _is_wanted(m.group(), wanted)]


def _is_wanted(word: str, wanted: list[str]) -> bool:
    folded = fold(word)
    return any(folded.startswith(w) or stem(folded).startswith(w) for w in wanted)


def _around(text: str, found: list[re.Match], whole: bool = False) -> Markup:
    """The words around the first found (all of the text when whole), the found marked."""
    spans = [m.span() for m in WORD.finditer(text)]
    if not spans:
        return escape(text)
    first = next((i for i, span in enumerate(spans) if found and span == found[0].span()), 0)
    start_word = 0 if whole else max(0, first - BEFORE)
    end_word = len(spans) - 1 if whole else min(len(spans), start_word + LENGTH) - 1
    # From the text's very start when the passage begins there, so no sign is cut off.
    start = spans[start_word][0] if start_word else 0
    end = spans[end_word][1] if end_word < len(spans) - 1 else len(text)
    marked = {m.span() for m in found}
    pieces, cursor = [], start
    for span in spans[start_word : end_word + 1]:
        pieces.append(escape(text[cursor : span[0]]))
        word = escape(text[span[0] : span[1]])
        pieces.append(Markup(f"<mark>{word}</mark>") if span in marked else word)
        cursor = span[1]
    pieces.append(escape(text[cursor:end]))
    lead = "… " if start > 0 else ""
    tail = " …" if end < len(text) else ""
    return Markup(lead) + Markup("").join(pieces) + Markup(tail)
