"""Find knowledge-base names in text, and a small fallback recogniser for when no NER model
is available: KB names, plus capitalised names right after a role word or title
("Außenminister Mark Rubio", "Herr Müller", "Mr. Smith"), plus later repeats of their
surnames. It is a safety net, not a replacement for the NER model.
"""

from __future__ import annotations

import re

from ..kb import KnowledgeBase
from ..kb.names import exact_key, fold, match_key
from ..model import Mention, Sentence, Token
from .roles import ENGLISH_ROLES, german_role

# Words before a person's name that are not role words.
TITLES = frozenset(
    "herr herrn frau mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord general generalin "
    "oberst minister ministerin senator senatorin senatorin abgeordnete abgeordneter".split()
)
_NAME_PARTICLES = frozenset({"von", "van", "der", "de", "al", "el", "bin", "da", "di", "le", "la", "du"})
_MAX_NAME = 4


def _cap(text: str) -> bool:
    return text[:1].isupper()


_POSSESSIVE = re.compile(r"['’]s?$")


def _may_start_name(kb: KnowledgeBase, word: str) -> bool:
    """Whether some KB name starts with this word (keys are per word, so the first word of a
    span has the span key's first element); most capitalised words are ruled out here."""
    ek, mk = exact_key(word), match_key(word)
    return bool(ek) and (ek[0] in kb.first_words or (bool(mk) and mk[0] in kb.first_words))


def kb_matches(kb: KnowledgeBase, text: str, tokens: list[Token], sentence_starts: set[int]) -> list[Mention]:
    """Longest KB-name matches over tokens (non-overlapping, left to right)."""
    out: list[Mention] = []
    n = len(tokens)
    maxw = min(kb.max_words, 6)
    i = 0
    while i < n:
        tok = tokens[i]
        if not _cap(tok.text) and not tok.text[:1].isdigit() or not _may_start_name(kb, tok.text):
            i += 1
            continue
        found = None
        for w in range(min(maxw, n - i), 0, -1):
            last = tokens[i + w - 1]
            if not last.text[:1].isalnum() or not (_cap(last.text) or last.text[:1].isdigit() or w > 1):
                continue  # a name ends with a word, never with punctuation
            end = last.end
            poss = _POSSESSIVE.search(last.text)
            if poss and poss.start() > 0:
                end = last.start + poss.start()  # "Russia's" -> "Russia"
            span = text[tok.start : end]
            ids = kb.by_exact.get(exact_key(span))
            exact = True
            if not ids:
                # Inflected one-word forms at a sentence start only when long enough that a
                # capitalised common word is unlikely ("Israels", not "Roms").
                if w == 1 and tok.start in sentence_starts and len(span) < 5:
                    continue
                ids = kb.by_match.get(match_key(span))
                exact = False
            if ids and len(ids) == 1:
                eid = next(iter(ids))
                found = Mention(tok.start, end, span, kb.entities[eid].type)
                if not exact and w == 1 and len(tok.text) < 4:
                    found = None
                    continue
                break
        if found:
            out.append(found)
            while i < n and tokens[i].start < found.end:  # past the tokens the name covers
                i += 1
        else:
            i += 1
    return out


def _is_trigger(tok: Token) -> bool:
    low = tok.text.lower()
    if low in TITLES:
        return True
    if _cap(tok.text) and german_role(fold(tok.text)):
        return True
    return low in ENGLISH_ROLES


def fallback_mentions(
    kb: KnowledgeBase, text: str, tokens: list[Token], sentences: list[Sentence]
) -> list[Mention]:
    """Mentions without a NER model: KB names, titled/role-introduced names, their surnames."""
    starts = {s.start for s in sentences}
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    surnames: set[str] = set()
    n = len(tokens)
    # Names introduced by a role word or title come first: they may extend a KB name
    # ("Außenminister Mark Rubio" must stay one span, to be checked as a variant).
    for i, tok in enumerate(tokens[:-1]):
        if not _is_trigger(tok):
            continue
        j = i + 1
        parts: list[Token] = []
        while j < n and len(parts) < _MAX_NAME:
            t = tokens[j]
            if _cap(t.text) and t.text.isalpha() or (parts and t.text.lower() in _NAME_PARTICLES):
                parts.append(t)
                j += 1
            elif _cap(t.text) and "-" in t.text and all(p[:1].isupper() for p in t.text.split("-") if p):
                parts.append(t)
                j += 1
            else:
                break
        while parts and parts[-1].text.lower() in _NAME_PARTICLES:
            parts.pop()
        if not parts or _is_trigger(parts[0]):
            continue
        a, b = parts[0].start, parts[-1].end
        if free(a, b):
            found.append(Mention(a, b, text[a:b], "PER"))
            taken.append((a, b))
            if len(parts) >= 2:
                surnames.add(parts[-1].text)
    for m in kb_matches(kb, text, tokens, starts):
        if free(m.start, m.end):
            found.append(m)
            taken.append((m.start, m.end))
            if m.type == "PER" and " " in m.text:
                surnames.add(m.text.split()[-1])
    # Later bare surnames of the names found above ("... Müller sagte").
    keys = {" ".join(match_key(s)) for s in surnames}
    for tok in tokens:
        word = _POSSESSIVE.sub("", tok.text) if _POSSESSIVE.search(tok.text[1:]) else tok.text
        if _cap(word) and " ".join(match_key(word)) in keys and free(tok.start, tok.start + len(word)):
            found.append(Mention(tok.start, tok.start + len(word), word, "PER"))
            taken.append((tok.start, tok.start + len(word)))
    found.sort(key=lambda m: m.start)
    return found
