"""Stage 2, clean: drop lines of the extracted text that are not article body.

Each rule names a reason; removed lines are kept on the document (``removed_lines``) so a reader
can always see what was dropped. Rules look at one line at a time, except the teaser rule, which
looks at trailing lines against the rest of the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Document, RemovedLine
from ..pipeline import stage

# Lines longer than this are body text whatever words they contain (credits and widgets are short).
_SHORT = 160

# A widget or prompt line is its keyword alone, or the keyword followed by a colon/dash and a teaser
# title; a sentence that merely starts with the same word ("Related talks are planned.") is body.
_WIDGET_TAIL = r"(?:\s*$|\s*[:–—-]\s*.*[^.]$|\s+[^.]*[^.!?]$)"

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("advertisement", re.compile(
        r"^\W*(werbung|anzeige|advertisement|advertising|sponsored( content)?|gesponsert|"
        r"promotion|partner-?inhalt|paid (post|content)|ad)\W*$", re.I)),
    ("read-also widget", re.compile(
        r"^\W*(lesen sie (auch|mehr|hier)|jetzt lesen( auch)?|auch interessant|mehr zum thema|"
        r"das könnte sie (auch )?interessieren|weitere artikel|empfehlungen|zum thema|"
        r"read (also|more)|see also|related( articles| stories| coverage)?|more on this( story)?|recommended|"
        r"most read|meistgelesen|top-?themen|you may (also )?like)(?![\w-])" + _WIDGET_TAIL, re.I)),
    ("comment or share prompt", re.compile(
        r"^\W*(kommentar(e)? (hinterlassen|schreiben|anzeigen)|\d+ kommentare?|jetzt kommentieren|"
        r"artikel teilen|teilen (auf|per|über) \w+|auf \w+ teilen|"
        r"share (on|via) \w+|share this( article| story)?|leave a comment|\d+ comments?|comments?|kommentare|"
        r"(facebook|twitter|whatsapp|telegram|linkedin|e-?mail|drucken|print|x)(\s*[|/·,]?\s*"
        r"(facebook|twitter|whatsapp|telegram|linkedin|e-?mail|drucken|print|x))+)\W*$", re.I)),
    ("newsletter or subscription prompt", re.compile(
        r"^\W*(newsletter|jetzt abonnieren|abonnieren sie|abo abschließen|hier anmelden|"
        r"melden sie sich (jetzt )?an|subscribe( now| to)?|sign up( for)?|get (the|our) .{0,40}newsletter|"
        r"folgen sie uns|follow us)(?![\w-])", re.I)),
    ("donation or membership appeal", re.compile(
        r"(support (our|independent) journalism|support our work|become a (member|subscriber|supporter)|"
        r"unterstützen sie unsere (journalistische )?arbeit|"
        r"jetzt unterstützen|unterstützen sie (unseren|unabhängigen) journalismus|werden sie mitglied|"
        r"donate now|jetzt spenden)", re.I)),
    ("photo credit", re.compile(
        r"^\W*((foto|fotos|bild|bilder|bildquelle|bildrechte|fotocredit|photo|photos|image|picture|credit|credits|"
        r"grafik|video|quelle)\s*:|"
        r"©|\(c\)\s|copyright(?![\w-]))|(/\s*(shutterstock|getty images|imago|picture alliance|dpa|afp|reuters|ap)"
        r"(\.com)?\s*$)|^(picture alliance|imago images|getty images)\b", re.I)),
    ("byline", re.compile(
        r"^(?i:von|by|ein (?:kommentar|gastbeitrag|essay) von|a commentary by|text:|autor(?:in)?:|author:)\s+"
        r"[A-ZÄÖÜ][\w.'’-]+(\s+(und|and|&)?\s*[A-ZÄÖÜ][\w.'’-]+){0,5}"
        r"(\s*[,|/]\s*[\w .-]{0,40})?$")),
    ("timestamp", re.compile(
        r"^\W*((vor|seit)\s+(\d+|einer|einem|wenigen)\s+(sekunden?|minuten?|min\.?|stunden?|std\.?|tagen?|wochen?|monaten?)|"
        r"\d+\s+(minutes?|hours?|days?|weeks?)\s+ago|(aktualisiert|updated|veröffentlicht|published|stand)"
        r"\s*(am|on|:)?\s*[\d.:/ ,-]*\w*[\d.:/ ,-]*(uhr)?|\d{1,2}\.\d{1,2}\.\d{2,4},?\s*\d{1,2}:\d{2}(\s*uhr)?)\W*$",
        re.I)),
    ("navigation", re.compile(
        r"^\W*(startseite|zur startseite|zurück zur (startseite|übersicht)|home|zurück|weiter|weiterlesen|read on|"
        r"nach oben|back to top|skip to (main )?content|zum (artikel|inhalt)|mehr anzeigen|weniger anzeigen|"
        r"show (more|less)|menü|menu|suche|search|anmelden|abmelden|login|log in|log out|sign in|"
        r"jetzt (kostenlos )?registrieren|register( now| for free)?|impressum|datenschutz(erklärung)?|kontakt|"
        r"cookie-?einstellungen|alle akzeptieren|(alle )?cookies akzeptieren|accept( all)?( cookies)?|"
        r"drucken|print|artikel (merken|drucken|vorlesen|anhören)|merken|speichern|save( article)?|"
        r"hören sie (diesen|den) artikel|diesen artikel anhören|listen to (this|the) (article|story)|"
        r"(audio|video|podcast)\s*:?\s*\d{1,2}:\d{2}( min\.?)?|\d{1,2}:\d{2} min\.?|"
        r"alle rechte vorbehalten|all rights reserved)\W*$", re.I)),
    ("cookie notice", re.compile(
        r"^\W*(wir (verwenden|nutzen) cookies|diese (seite|website|webseite) (verwendet|nutzt) cookies|"
        r"we use cookies|this (site|website) uses cookies|mit der nutzung (dieser|unserer) (seite|website))", re.I)),
]

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")
# Function words carry no topic: the teaser rule compares content words only.
_STOP = frozenset(
    "aber alle als auch auf aus bei bis dass dem den der des die dies diese doch durch ein eine einem einen "
    "einer eines für gegen hat hatte haben hier ihr ihre im in ist jetzt kann mehr mit nach nicht noch nun "
    "oder ohne sein seine sich sie sind soll über um und uns unter vom von vor war waren was weil wenn werden "
    "wie wird wurde wurden zu zum zur zwei drei also about after again against been before being both could "
    "does doing down during each from further have having here into itself more most once only other over "
    "same should some such than that their them then there these they this those through under until very "
    "were what when where which while will with would your said says sagte "
    # generic news words that say nothing about a topic
    "erwartet erwarten erwartete woche wochen tage tagen jahr jahre jahren zuletzt bereits rund etwa "
    "sollen sollte könnte könnten wollen heißt hieß neue neuen neuer teilte mitteilte erklärte "
    "expected week weeks year years told could week new according".split()
)
# A trailing teaser shares (almost) no content word with the article it is appended to.
_TEASER_MAX_OVERLAP = 0.2
_TEASER_MAX_LINES = 3
_TEASER_MIN_BODY_LINES = 3
_HEADLINE_COLON = re.compile(r"^[^.:!?]{2,40}:\s+\S")


def _content_words(line: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(line)} - _STOP


def classify_line(line: str) -> str | None:
    """The reason a single line is not body text, or None if it may be body."""
    s = line.strip()
    if not s:
        return None
    if len(s) > _SHORT:
        return None
    for reason, pattern in _RULES:
        if pattern.search(s):
            return reason
    return None


def _teaser_lines(lines: list[str], keep: list[bool], title: str | None) -> set[int]:
    """Indices of trailing lines that read as teasers of unrelated stories."""
    body_idx = [i for i, k in enumerate(keep) if k and lines[i].strip()]
    if len(body_idx) < _TEASER_MIN_BODY_LINES + 1:
        return set()
    found: set[int] = set()
    for i in reversed(body_idx[-_TEASER_MAX_LINES:]):
        words = _content_words(lines[i])
        if len(words) < 3:
            break
        rest = set().union(*(_content_words(lines[j]) for j in body_idx if j != i and j not in found))
        rest |= _content_words(title or "")
        overlap = len(words & rest) / len(words)
        if overlap > _TEASER_MAX_OVERLAP:
            break  # shares the article's topic: body text, and so is everything above it
        # Off-topic alone is not enough (a last paragraph may add something new, e.g. the opposition's
        # view): it must also read like a teaser headline (no final stop, or "Topic: claim").
        s = lines[i].strip()
        headline_like = not s.endswith((".", "!", "?", "“", '"', "»", "«", ")")) or bool(_HEADLINE_COLON.match(s))
        if not headline_like:
            break
        found.add(i)
    # Never strip so much that the article loses most of its body.
    return found if len(found) < len(body_idx) / 2 else set()


def clean_text(raw: str, title: str | None = None) -> tuple[str, list[RemovedLine]]:
    """Return the body text and the removed lines. Kept lines are joined by newlines."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    reasons: list[str | None] = [classify_line(ln) for ln in lines]
    keep = [r is None for r in reasons]
    for i in _teaser_lines(lines, keep, title):
        reasons[i], keep[i] = "teaser of another story", False
    removed = [RemovedLine(lines[i].strip(), r, i) for i, r in enumerate(reasons) if r is not None]
    body = [" ".join(lines[i].split()) for i in range(len(lines)) if keep[i] and lines[i].strip()]
    return "\n".join(body), removed


@stage("clean", requires=("raw_text",), assigns=("text", "removed_lines"))
def make_clean() -> Callable[[Document], Document]:
    """Drop ads, bylines, credits, widgets, prompts and unrelated teasers; keep them as removed_lines."""

    def clean(doc: Document) -> Document:
        if doc.text and not doc.raw_text:  # analysed directly from clean text
            doc.raw_text = doc.text
        doc.text, doc.removed_lines = clean_text(doc.raw_text, doc.title)
        return doc

    return clean
