"""Plain-text articles: the first line may be a headline."""

from __future__ import annotations

from ..model import Document

# A first line this short, followed by a blank line or by body text, reads as a headline.
_MAX_HEADLINE_CHARS = 200


def parse_text(text: str, *, path: str | None = None) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = None
    if len(lines) > 1:
        first = lines[0].strip()
        if 0 < len(first) <= _MAX_HEADLINE_CHARS and not first.endswith((".", ":", ",", ";")):
            title = first
            lines = lines[1:]
        elif 0 < len(first) <= _MAX_HEADLINE_CHARS and not lines[1].strip() and first.count(". ") == 0:
            title = first.rstrip(".")
            lines = lines[1:]
    return Document(text="", raw_text="\n".join(lines).strip("\n"), title=title, path=path)
