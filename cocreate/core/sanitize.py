"""The one place where user Markdown becomes HTML."""

import bleach
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
        "ul", "ol", "li", "h2", "h3", "h4", "a", "table", "thead", "tbody", "tr",
        "th", "td", "del", "s",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "th": ["align"], "td": ["align"]}
LINK_REL = "nofollow ugc noopener"
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})


# User text sits under a heading of the page's own (h2, or h3 in an answer's card).
TOP_HEADING, BOTTOM_HEADING = 3, 4


def _clamp_headings(state) -> None:
    """Renumber user headings from h3, at most h4, so the page's outline has no gaps."""
    headings = [t for t in state.tokens if t.type in ("heading_open", "heading_close")]
    if not headings:
        return
    shift = TOP_HEADING - min(int(t.tag[1]) for t in headings)
    for token in headings:
        level = int(token.tag[1]) + shift
        token.tag = f"h{min(max(level, TOP_HEADING), BOTTOM_HEADING)}"


def _align_cells(state) -> None:
    """Say a table column's alignment with `align`, as style attributes are never kept."""
    for token in state.tokens:
        if token.type in ("th_open", "td_open") and token.attrGet("style"):
            style = str(token.attrGet("style"))
            token.attrs.pop("style")
            if style.startswith("text-align:"):
                token.attrSet("align", style.removeprefix("text-align:"))


def _mark_links(state) -> None:
    """Tell search engines and browsers that user links are the users' own."""
    for block in state.tokens:
        for token in block.children or ():
            if token.type == "link_open":
                token.attrSet("rel", LINK_REL)


# html=False: raw HTML in the source is shown as text, never passed through.
# linkify turns bare addresses into links, outside code spans and blocks.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": True}).enable(
    ["table", "linkify", "strikethrough"]
)
_markdown.core.ruler.push("clamp_headings", _clamp_headings)
_markdown.core.ruler.push("mark_links", _mark_links)
_markdown.core.ruler.push("align_cells", _align_cells)
_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    filters=[],
)


def render_markdown(source: str) -> str:
    """Render user Markdown to safe HTML: no scripts, handlers or unsafe links."""
    return _cleaner.clean(_markdown.render(source or ""))
