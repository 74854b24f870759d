"""Bar charts drawn on the server as accessible SVG; the page puts the numbers table beside."""

from dataclasses import dataclass

from markupsafe import Markup, escape

_WIDTH, _HEIGHT, _BASE, _TOP = 600, 220, 190, 20


@dataclass(frozen=True)
class Chart:
    ident: str
    title: str
    description: str
    bars: list[tuple[str, int]]

    def svg(self) -> Markup:
        """The chart as an <svg> with a title and a description for screen readers."""
        highest = max([count for _, count in self.bars] + [1])
        step = _WIDTH / max(len(self.bars), 1)
        parts = [
            f'<svg class="barometer-chart" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" '
            f'aria-labelledby="{self.ident}-title {self.ident}-desc" '
            'preserveAspectRatio="xMidYMid meet" width="100%">',
            f'<title id="{self.ident}-title">{escape(self.title)}</title>',
            f'<desc id="{self.ident}-desc">{escape(self.description)}</desc>',
            f'<line x1="0" y1="{_BASE}" x2="{_WIDTH}" y2="{_BASE}" stroke="#1a1a1a"/>',
        ]
        for index, (label, count) in enumerate(self.bars):
            height = (_BASE - _TOP) * count / highest
            x = index * step + step * 0.15
            parts.append(
                f'<rect x="{x:.1f}" y="{_BASE - height:.1f}" width="{step * 0.7:.1f}" '
                f'height="{height:.1f}" fill="#0059b3"/>'
                f'<text x="{x + step * 0.35:.1f}" y="{_BASE - height - 4:.1f}" font-size="12" '
                f'text-anchor="middle" fill="#1a1a1a">{count}</text>'
                f'<text x="{x + step * 0.35:.1f}" y="{_BASE + 16}" font-size="11" '
                f'text-anchor="middle" fill="#1a1a1a">{escape(label)}</text>'
            )
        parts.append("</svg>")
        return Markup("".join(parts))
