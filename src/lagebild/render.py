"""Terminal rendering of one annotated document (``lagebild show``)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .model import Document

TYPE_STYLE = {"PER": "bold cyan", "ORG": "bold magenta", "LOC": "bold green", "MISC": "bold yellow"}


def annotated_text(doc: Document) -> Text:
    """The body with entities coloured by type, time expressions underlined with their value,
    quotes in italics and the writer's opinion sentences on a red background."""
    text = Text(doc.text)
    for s in doc.sentences:
        if s.opinion:
            text.stylize("on #3a1c1c", s.start, s.end)
    for q in doc.quotes:
        text.stylize("italic", q.start, q.end)
    for m in doc.mentions:
        text.stylize(TYPE_STYLE.get(m.type, "bold"), m.start, m.end)
    # Insert timex values after their spans, right to left so earlier offsets stay valid.
    out = text
    for t in sorted(doc.timexes, key=lambda t: t.start, reverse=True):
        out.stylize("underline", t.start, t.end)
        out = out[: t.end] + Text(f"⟨{t.value}⟩", style="dim") + out[t.end :]
    return out


def render_document(doc: Document, console: Console) -> None:
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    for label, value in (
        ("id", doc.id), ("title", doc.title), ("source", doc.source), ("url", doc.url), ("path", doc.path),
        ("author", doc.author), ("language", doc.language),
        ("published", f"{doc.published} ({doc.published_basis})" if doc.published else "unknown"),
        ("story", doc.story), ("words", str(doc.word_count)),
    ):
        if value:
            meta.add_row(label, value)
    console.print(Panel(meta, title=doc.title or doc.id, title_align="left"))
    console.print(annotated_text(doc))
    if doc.quotes:
        t = Table(title="Quotes", title_justify="left", show_lines=False)
        for col in ("kind", "speaker", "cue", "text"):
            t.add_column(col)
        names = {e.id: e.name for e in doc.entities}
        for q in doc.quotes:
            speaker = names.get(q.speaker or "", q.speaker_text or "?")
            if q.speaker in names and q.speaker_text and names[q.speaker] not in q.speaker_text:
                speaker += f" ← “{q.speaker_text}”"
            if q.medium:
                speaker += f" ({q.medium})"
            t.add_row(q.kind, speaker, q.cue or "", q.text)
        console.print(t)
    opinions = [doc.text[s.start : s.end] for s in doc.sentences if s.opinion]
    if opinions:
        console.print(Group(Text("Writer's opinion", style="bold"),
                            *(Text(f"  • {o}") for o in opinions)))
    if doc.events:
        t = Table(title="Events", title_justify="left")
        for col in ("type", "status", "date", "evidence"):
            t.add_column(col)
        for e in doc.events:
            t.add_row(e.type, e.status, e.date or "", e.text)
        console.print(t)
    if doc.entities:
        counts: dict[str, int] = {}
        for m in doc.mentions:
            if m.entity:
                counts[m.entity] = counts.get(m.entity, 0) + 1
        t = Table(title="Entities", title_justify="left")
        for col in ("entity", "type", "mentions", "written as", "wikidata"):
            t.add_column(col)
        for e in sorted(doc.entities, key=lambda e: -counts.get(e.id, 0)):
            written = sorted({m.text for m in doc.mentions if m.entity == e.id})
            flags = sorted({f for m in doc.mentions if m.entity == e.id for f in m.flags if f != "role"})
            t.add_row(e.name, e.type, str(counts.get(e.id, 0)), ", ".join(written) + (f" [yellow]({', '.join(flags)})[/]" if flags else ""),
                      e.wikidata or "")
        console.print(t)
    if doc.removed_lines:
        t = Table(title="Removed lines (not article body)", title_justify="left")
        t.add_column("reason", style="dim")
        t.add_column("line")
        for r in doc.removed_lines:
            t.add_row(r.reason, r.text)
        console.print(t)
    if doc.problems:
        for p in doc.problems:
            console.print(f"[yellow]problem in stage {p.stage}:[/] {p.message}")
