"""The article body as HTML with its annotations as nested elements.

Article text is untrusted: every character of it goes through ``markupsafe.escape``; only the tags
built here (with escaped attribute values) are markup. Annotations may overlap arbitrarily (a quote
spanning two sentences, an entity inside a time expression); the renderer cuts the text at every
annotation boundary and re-opens elements across cuts, so the output is always well nested.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Document

# Nesting order, outermost first: block-ish spans outside, short inline spans inside.
_RANK = {"highlight": 0, "opinion": 1, "quote": 2, "event": 3, "mention": 4, "timex": 5}


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int
    kind: str
    open_tag: str  # pre-escaped markup
    close_tag: str

    def key(self) -> tuple[int, int, int]:
        return (_RANK[self.kind], self.start, -self.end)


def _attr(value: object) -> str:
    return str(escape(str(value)))


def spans_for(doc: Document, entity_names: dict[str, str] | None = None,
              highlight: tuple[int, int] | None = None) -> list[Span]:
    names = entity_names or {e.id: e.name for e in doc.entities}
    out: list[Span] = []
    if highlight:
        # The evidence a link points to (``?hl=START-END#hl``); the first piece carries the anchor.
        out.append(Span(highlight[0], highlight[1], "highlight", '<mark class="hl">', "</mark>"))
    for s in doc.sentences:
        if s.opinion:
            out.append(Span(s.start, s.end, "opinion",
                            f'<span class="ann-opinion" title="writer\'s opinion (score {s.opinion_score:.2f})">',
                            "</span>"))
    for q in doc.quotes:
        who = q.speaker_text or (names.get(q.speaker or "") if q.speaker else None) or "unknown speaker"
        label = f"{q.kind} quote · {who}" + (f" · {q.cue}" if q.cue else "") + (f" · {q.medium}" if q.medium else "")
        out.append(Span(q.start, q.end, "quote",
                        f'<span class="ann-quote ann-quote-{_attr(q.kind)}" title="{_attr(label)}"'
                        f' data-speaker="{_attr(who)}">', "</span>"))
    anchors: set[int] = set()
    for e in doc.events:
        # Evidence links point at "#at-START"; one anchor per start offset keeps ids unique.
        anchor = f' id="at-{e.start}"' if e.start not in anchors else ""
        anchors.add(e.start)
        label = f"event: {e.type} · {e.status}" + (f" · {e.date}" if e.date else "")
        out.append(Span(e.start, e.end, "event",
                        f'<span class="ann-event"{anchor} title="{_attr(label)}">', "</span>"))
    for m in doc.mentions:
        cls = f"ann-ent ann-{_attr(m.type.lower())}"
        title = names.get(m.entity or "", "") if m.entity else ""
        title = f"{m.type}: {title}" if title else f"{m.type} (not linked)"
        if "probable-misspelling" in m.flags:
            cls += " ann-flag"
            title += " — probable misspelling"
        if m.entity:
            out.append(Span(m.start, m.end, "mention",
                            f'<a class="{cls}" href="/entities/{_attr(m.entity)}" title="{_attr(title)}">', "</a>"))
        else:
            out.append(Span(m.start, m.end, "mention", f'<span class="{cls}" title="{_attr(title)}">', "</span>"))
    for t in doc.timexes:
        out.append(Span(t.start, t.end, "timex",
                        f'<span class="ann-timex" title="{_attr(t.type)} = {_attr(t.value)}"'
                        f' data-value="{_attr(t.value)}">', "</span>"))
    n = len(doc.text)
    return [s for s in out if 0 <= s.start < s.end <= n]


def annotated_html(doc: Document, entity_names: dict[str, str] | None = None,
                   highlight: tuple[int, int] | None = None) -> Markup:
    """The document text with annotation elements; paragraphs become <p>. ``highlight`` marks
    one span (evidence a link points to), anchored as ``#hl``."""
    text = doc.text
    spans = spans_for(doc, entity_names, highlight)
    cuts = {0, len(text)}
    for s in spans:
        cuts.update((s.start, s.end))
    # Paragraph breaks are cuts too, so no element is open across a </p><p>.
    pos = text.find("\n")
    while pos != -1:
        cuts.update((pos, pos + 1))
        pos = text.find("\n", pos + 1)
    points = sorted(cuts)
    by_start: dict[int, list[Span]] = {}
    for s in spans:
        by_start.setdefault(s.start, []).append(s)
    active: list[Span] = []
    stack: list[Span] = []  # what is open in the output, outermost first
    parts: list[str] = ["<p>"]
    for a, b in zip(points, points[1:]):
        active = [s for s in active if s.end > a] + by_start.get(a, [])
        seg = text[a:b]
        if seg == "\n":
            parts.extend(s.close_tag for s in reversed(stack))
            stack = []
            parts.append("</p><p>")
            continue
        want = sorted(active, key=Span.key)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        parts.extend(s.close_tag for s in reversed(stack[keep:]))
        parts.extend(s.open_tag for s in want[keep:])
        stack = want
        parts.append(str(escape(seg)))
    parts.extend(s.close_tag for s in reversed(stack))
    parts.append("</p>")
    html = "".join(parts).replace("<p></p>", "").replace('<mark class="hl">', '<mark class="hl" id="hl">', 1)
    return Markup(html)
