"""Markdown layouts with numbered slots, each turned into HTML once rather than per text.

The slots are filled with plain sentences (letters, digits and punctuation that Markdown
leaves alone), so the filled HTML is what render_markdown would make of the filled text.
"""

from cocreate.core.sanitize import render_markdown


class Layouts:
    """A few ways to lay out a text, each kept with its rendered HTML."""

    def __init__(self, *markdown: str):
        self._layouts = [(layout, render_markdown(layout)) for layout in markdown]

    def fill(self, index: int, parts: list[str]) -> tuple[str, str]:
        """The text in layout `index` with `parts` in its slots, as Markdown and as HTML."""
        layout, html = self._layouts[index]
        return layout.format(*parts), html.format(*parts)

    def __len__(self) -> int:
        return len(self._layouts)


PROPOSAL_BODIES = Layouts(
    "{0}\n\n{1}",
    "{0}\n\n{1}\n\n{2}",
    "{0}\n\n- {1}\n- {2}\n- {3}\n\n{4}",
    "## Baggrund\n\n{0}\n\n## Forslag\n\n{1}\n\n{2}",
)
# Comments and answers: one paragraph or two.
PARAGRAPHS = Layouts("{0}", "{0}\n\n{1}")
