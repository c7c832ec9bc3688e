"""Online, cross-lingual story clustering.

Each new article either joins the best-matching existing story or opens a new one; nothing already
assigned is revisited (``rebuild`` re-runs the same procedure over the corpus in date order).

Candidate search uses indexes, never a scan of the corpus:
- the near-duplicate LSH bands (a reprint joins the story of its original directly);
- an R*-tree over story date ranges: only stories active within ``WINDOW_DAYS`` of the article's
  date are candidates, so the cost per article depends on how many stories run at one time, not on
  how many articles the store holds;
- for undated articles: the entity-inverted index (stories sharing a linked entity) plus the most
  recently active stories.

What is read from each article (its sentence vectors, names, figures, lead and announced
events) is in ``extract``; this module finds candidate stories, compares the article with their
members through the join model, keeps the story profiles, honours corrections made by hand
(``edits``) and records why each article is in its story.

Scoring a candidate story S for a document d: the join model (``pairs``, trained by ``lagebild
train stories``) compares d with each of S's latest members, article with article: lead vectors,
sentence alignment of leads and bodies (the same facts retold, in any language), shared name
words and figures, days apart, language. A small neural network turns these into log-odds that
the two report one story; S scores as its closest member (``best_story``); a member that gives
a different match result than d ("3:1" against "1:6") loses ``pairs.RESULTS_DIFFER_PENALTY``. d joins the
best-scoring candidate if the log-odds reach ``JOIN_THRESHOLD``; why it joined (or opened a story)
is recorded with it (``join_evidence``, ``db.put_join``). The story profile (entity keys, names,
figures) serves the index of undated articles and that record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..storage import stories as db
from . import embed, neardup, pairs
from .extract import Features, entity_words, features, figure_text
from .titles import story_title

if TYPE_CHECKING:
    from ..model import Document
    from ..storage import Store

# ---- thresholds ------------------------------------------------------------------------------
# Join when the join model gives log-odds of at least this for the closest member of the best
# candidate (probability 0.5; left-out-split F1 was flat from 0 to +0.5, lower merged more).
JOIN_THRESHOLD = 0.0
# Candidate stories must have had an article within this many days of the article's date: a story
# silent for two weeks is closed (its next development opens a new story). Besides being news
# practice, this bounds the candidate set by the number of stories running at one time.
WINDOW_DAYS = 14
# Below this centroid cosine a story is no candidate: the cheap first pass, so that the join model
# compares the article only with the members of a few stories. It must only drop stories the
# model would never join: at 0.38, 7 of the 25 follow-ups that opened a story of their own in the
# left-out runs never reached the model (a later development in the other language, whose lead
# shares little with the story's centroid). Left-out-split F1 0.907 at 0.38, 0.911 at 0.30, 0.25
# and 0.20 alike (two fits, +0.005 each): below 0.30 no candidate wins.
MIN_COS = 0.30
# Members compared one by one: the latest (a long story drifts, and its follow-ups retell the
# recent reports) and, in a long story, its first few too (a late follow-up retells the figures of
# the first report, which in a story of hundreds of articles is not among the latest).
MAX_MEMBERS = 30
FIRST_MEMBERS = 5
# Shared names and figures kept as the evidence of a join (join_evidence).
EVIDENCE_ITEMS = 6
# Candidate caps for undated articles.
KEY_CANDIDATES = 200
RECENT_CANDIDATES = 200
# A story profile keeps at most this many counts of each kind.
MAX_PROFILE_ENTITIES = 60


@dataclass(slots=True)
class Assignment:
    story: str
    created: bool
    score: float
    reason: str  # "near-duplicate", "similar", "new"
    dup_of: str | None = None
    detail: dict[str, float] | None = None  # comparisons with the closest member of the best candidate


def _find_duplicate(store: Store, f: Features) -> tuple[str | None, str | None, str]:
    """(matching doc, its story, group) for the best near-duplicate of ``f``; the group is f's own
    id when there is none."""
    bands = f.sig.bands()
    best: tuple[float, str, str] | None = None
    for doc_id, blob, group in db.minhash_candidates(store, bands, f.doc_id):
        j = f.sig.jaccard(neardup.Signature.from_bytes(blob))
        if j >= neardup.NEARDUP_JACCARD and (best is None or j > best[0]):
            best = (j, doc_id, group)
    group = best[2] if best else f.doc_id
    db.put_minhash(store, f.doc_id, f.sig.to_bytes(), group, bands)
    if best is None:
        return None, None, group
    row = store.db.execute("SELECT story FROM documents WHERE id=?", (best[1],)).fetchone()
    return best[1], (row[0] if row else None), group


def _unknown(entity: str, names: dict[str, int], mtype: str | None = None) -> bool:
    """No name word of ``entity`` (tagged ``mtype``, see entity_words) occurs among ``names``
    ("Hanseport" is known to a story that names "Hanseport Logistik"; an entity without name words
    counts as unknown)."""
    return not any(w in names for w in entity_words(entity, mtype))


def _centroid(st: db.StoryRow) -> np.ndarray:
    v = embed.from_blob(st.centroid) if st.centroid else np.zeros(embed.DIM, dtype=np.float32)
    n = float(np.linalg.norm(v))
    return v / n if n else v


def _cos_all(vec: np.ndarray, units: list[bytes | None]) -> np.ndarray:
    """Cosines of ``vec`` with unit centroids given as float32 blobs (missing ones score 0)."""
    if not units:
        return np.zeros(0, dtype=np.float32)
    zero = bytes(4 * embed.DIM)
    mat = np.frombuffer(b"".join(b or zero for b in units), dtype="<f4").reshape(len(units), embed.DIM)
    return mat @ vec


def candidates(store: Store, f: Features, min_cos: float | None = None) -> list[tuple[db.StoryRow, float]]:
    """Candidate stories with their centroid cosine, those below ``min_cos`` (default MIN_COS)
    already dropped."""
    min_cos = MIN_COS if min_cos is None else min_cos
    if f.day is not None:
        rows = db.centroids_in_window(store, f.day - WINDOW_DAYS, f.day + WINDOW_DAYS)
        coss = _cos_all(f.vec, [c for _, c in rows])
        keep = {n: float(c) for (n, _), c in zip(rows, coss.tolist()) if c >= min_cos}
        return [(st, keep[st.n]) for st in db.stories_by_rowid(store, list(keep))]
    seen: dict[str, db.StoryRow] = {}
    for st in db.stories_by_keys(store, f.entities, KEY_CANDIDATES) + db.recent_stories(store, RECENT_CANDIDATES):
        seen.setdefault(st.id, st)
    sts = list(seen.values())
    coss = np.array([float(_centroid(st) @ f.vec) for st in sts])
    return [(st, float(c)) for st, c in zip(sts, coss.tolist()) if c >= min_cos]


@dataclass(slots=True)
class Match:
    """The best candidate story for an article, and its closest member under the join model."""
    story: db.StoryRow
    score: float        # log-odds that the article shares a story with ``member``
    cos: float          # centroid cosine (the candidate search)
    member: str
    values: dict[str, float]  # the comparisons with that member (pairs.FEATURES)


def member_cards(store: Store, ids: list[str]) -> list[pairs.Card]:
    """The join model's cards of stored articles, in the order of ``ids``; those of articles stored
    before lagebild kept cards are made once now (an older store needs no rebuild)."""
    cache = _card_cache(store)
    missing = [i for i in ids if i not in cache]
    if missing:
        rows = db.get_cards(store, missing)
        lead = db.get_vectors(store, list(rows), embed.SENTENCES_MODEL_NAME)
        body = db.get_vectors(store, list(rows), embed.BODY_MODEL_NAME)
        vecs = db.get_vectors(store, list(rows), embed.MODEL_NAME)
        what = db.get_vectors(store, list(rows), embed.UNNAMED_MODEL_NAME)
        for doc_id, c in rows.items():
            if doc_id in lead and doc_id in body and doc_id in vecs and doc_id in what:
                _remember_card(cache, pairs.Card(doc_id=doc_id, vec=embed.from_blob(vecs[doc_id]),
                                                 lead=embed.from_int8(lead[doc_id]), body=embed.from_int8(body[doc_id]),
                                                 what=embed.from_int8(what[doc_id]), **c))
        for doc in store.iter_documents([i for i in missing if i not in cache]):
            _remember_card(cache, features(store, doc).card())
    return [cache[i] for i in ids if i in cache]


# Cards of recent story members, per store: every new article compares itself with the latest
# members of its candidate stories, mostly the same ones again and again.
CARD_CACHE_SIZE = 4000


def _card_cache(store: Store) -> dict[str, pairs.Card]:
    cache = getattr(store, "_card_cache", None)
    if cache is None:
        cache = store._card_cache = {}  # type: ignore[attr-defined]
    return cache


def _remember_card(cache: dict[str, pairs.Card], card: pairs.Card) -> None:
    cache[card.doc_id] = card
    if len(cache) > CARD_CACHE_SIZE:
        del cache[next(iter(cache))]  # the oldest entry (dicts keep insertion order)


def best_story(store: Store, f: Features, model: pairs.PairModel | None = None,
               min_cos: float | None = None, exclude: frozenset[str] = frozenset()) -> Match | None:
    """The candidate story whose closest member (among its first FIRST_MEMBERS and latest
    MAX_MEMBERS articles) the article most likely shares a story with, under ``model`` (default:
    the shipped join model); None when no story is close. Stories in ``exclude`` (kept apart from
    the article by hand) are no candidates.

    The closest member decides, not the story as a whole: a follow-up a week later has to match
    one report of the event well (the first, which gave the figures it repeats), and a story that
    holds several reports of one event says nothing more about a new article than its best one."""
    model = model or pairs.load()
    me = f.card()
    groups: list[tuple[db.StoryRow, float, list[pairs.Card]]] = []
    for st, cos in candidates(store, f, min_cos):
        if st.id in exclude:
            continue
        # (the article itself is no member: a stored document may still carry an old story id)
        ids = [i for i in db.story_doc_ids(store, st.id, latest=MAX_MEMBERS, first=FIRST_MEMBERS) if i != f.doc_id]
        cards = member_cards(store, ids)
        if cards:
            groups.append((st, cos, cards))
    if not groups:
        return None
    # every candidate's members in one comparison: each row depends on its own member only, and
    # one call per candidate cost more in bookkeeping than in arithmetic
    members = [c for _, _, cards in groups for c in cards]
    x = pairs.pair_matrix(me, members)
    differ = pairs.results_differ(me, members)
    logits = model.logits(x) - pairs.RESULTS_DIFFER_PENALTY * differ
    best: Match | None = None
    start = 0
    for st, cos, cards in groups:
        k = start + int(np.argmax(logits[start:start + len(cards)]))
        start += len(cards)
        if best is None or logits[k] > best.score:
            values = dict(zip(pairs.FEATURES, x[k].tolist()))
            if differ[k]:
                values["results_differ"] = 1.0  # the rule beside the network (pairs.results_differ)
            best = Match(st, float(logits[k]), cos, members[k].doc_id, values)
    return best


def _add_counts(profile: dict[str, Any], key: str, items: Iterable[tuple[str, int]]) -> None:
    """Add counts to the profile counter ``key``, keeping its MAX_PROFILE_ENTITIES most common."""
    counts: dict[str, int] = profile.setdefault(key, {})
    for k, n in items:
        counts[k] = counts.get(k, 0) + n
    if len(counts) > MAX_PROFILE_ENTITIES:
        profile[key] = dict(Counter(counts).most_common(MAX_PROFILE_ENTITIES))


def _update_profile(st: db.StoryRow, f: Features) -> list[str]:
    """Fold the document into the story profile; returns the entity keys that are new to the story."""
    p = st.profile
    new = [k for k in f.entities if k not in p.get("ents", {})]
    _add_counts(p, "ents", ((k, 1) for k in f.entities))
    _add_counts(p, "nums", ((n, 1) for n in f.numbers))
    _add_counts(p, "names", f.names.items())
    return [k for k in new if k.startswith("e:")]  # only linked entities go into the inverted index


def _join(store: Store, st: db.StoryRow, f: Features, doc: Document) -> None:
    cent = (embed.from_blob(st.centroid) if st.centroid else np.zeros(embed.DIM, dtype=np.float32)) + f.vec
    st.centroid = embed.to_blob(cent)
    st.size += 1
    pub = (doc.published or "")[:10] or None
    if pub and db.day_number(pub) is not None:
        st.first = min(st.first or pub, pub)
        st.last = max(st.last or pub, pub)
    new_keys = _update_profile(st, f)
    # Re-title while the story is small (the title follows the document closest to the centroid);
    # a large story's title is settled.
    if st.size <= 20 or not st.title:
        st.title, st.title_doc = story_title(store, st, doc, f.vec)
    db.save_story(store, st, new_keys)
    store.db.execute("UPDATE documents SET story=? WHERE id=?", (st.id, doc.id))


@dataclass(slots=True)
class Placement:
    """What edits by hand (``edits``) say about one article."""
    story: str | None = None     # the story it must join (that of an article it belongs with)
    edit: int | None = None      # the edit that says so
    mate: str | None = None      # ... and the article it belongs with
    hand_placed: bool = False    # an edit places it: the join model does not decide
    own_edit: int | None = None  # the newest edit that places it (when hand_placed)
    apart: frozenset[str] = frozenset()  # stories it must not join


def placement(store: Store, doc_id: str) -> Placement:
    """The constraints the edits by hand put on ``doc_id``. Both directions bind: "B belongs with
    A" also pulls A into B's story when B was placed first, and "apart" keeps either out of the
    other's story."""
    edits = db.edits_touching(store, doc_id)
    if not edits:
        return Placement()
    others = [e.other if e.doc == doc_id else e.doc for e in edits]
    story_of = db.stories_of(store, [o for o in others if o != doc_id])
    placing = [e.n for e in edits if e.doc == doc_id and e.kind in ("with", "alone")]
    p = Placement(hand_placed=bool(placing), own_edit=placing[-1] if placing else None)
    apart = set()
    for e, other in zip(edits, others):  # oldest first: the newest edit that places it wins
        if e.kind == "apart" and other in story_of:
            apart.add(story_of[other])
        elif e.kind == "with" and other in story_of:
            p.story, p.edit, p.mate = story_of[other], e.n, other
    if p.story in apart:  # contradictory edits: keeping apart is the safer reading
        p.story = p.edit = p.mate = None
    p.apart = frozenset(apart)
    return p


def refold(store: Store, st: db.StoryRow, f: Features, doc: Document) -> None:
    """Fold a member into a story again (``edits`` re-profiles a story after taking articles out)."""
    _join(store, st, f, doc)


def assign(store: Store, doc: Document, model: pairs.PairModel | None = None) -> Assignment:
    """Assign ``doc`` (already stored) to a story and record it, with why (``db.put_join``); returns
    what was decided. ``model`` replaces the shipped join model (training scores candidate weights
    this way)."""
    f = features(store, doc)
    with db.transaction(store):
        return place(store, doc, f, model)


def place(store: Store, doc: Document, f: Features, model: pairs.PairModel | None = None) -> Assignment:
    """``assign`` inside the caller's transaction. Edits by hand come first: an article placed by
    hand joins the story of the article it belongs with, or opens one (which that article joins
    when it comes later); it never joins a story it was moved out of."""
    hand = placement(store, doc.id)
    if hand.story is not None:
        st = db.get_story(store, hand.story)
        if st is not None:
            _join(store, st, f, doc)
            db.put_join(store, doc.id, st.id, "edited", None, {"edit": hand.edit, "with": hand.mate})
            doc.story = st.id
            return Assignment(st.id, False, 1.0, "edited")
    dup, dup_story, _group = _find_duplicate(store, f)
    if dup_story is not None and dup_story not in hand.apart and not hand.hand_placed:
        st = db.get_story(store, dup_story)
        if st is not None:
            _join(store, st, f, doc)
            db.put_join(store, doc.id, st.id, "copy", None, {"copy_of": dup})
            doc.story = st.id
            return Assignment(st.id, False, 1.0, "near-duplicate", dup)
    match = best_story(store, f, model, exclude=hand.apart)
    s = match.score if match else 0.0
    detail = match.values if match else None
    if match is not None and s >= JOIN_THRESHOLD and not hand.hand_placed:
        st = match.story
        evidence = join_evidence(doc, f, match, model or pairs.load())
        _join(store, st, f, doc)
        db.put_join(store, doc.id, st.id, "joined", s, evidence)
        doc.story = st.id
        return Assignment(st.id, False, s, "similar", dup, detail)
    new = db.StoryRow(n=0, id=_new_story_id(store, doc.id), title=None, title_doc=None, first=None, last=None,
                      size=0, centroid=None, profile={})
    _join(store, new, f, doc)
    if hand.hand_placed:
        db.put_join(store, doc.id, new.id, "edited", None, {"edit": hand.own_edit})
    else:
        # the closest story it did not join, for anyone checking a split
        closest: dict[str, Any] = {}
        if match is not None:
            closest = {"closest_story": match.story.id, "closest_article": match.member}
            if match.values.get("results_differ"):
                closest["results_differ"] = True  # kept apart: the two give different match results
        db.put_join(store, doc.id, new.id, "opened", s if match is not None else None, closest)
    doc.story = new.id
    return Assignment(new.id, True, s, "new", dup, detail)


def _new_story_id(store: Store, doc_id: str) -> str:
    """"S" and the opening article's id; an article moved out of the story it opened needs another."""
    base = "S" + doc_id[:12]
    sid, k = base, 1
    while db.get_story(store, sid) is not None:
        k += 1
        sid = f"{base}-{k}"
    return sid


def join_evidence(doc: Document, f: Features, match: Match, model: pairs.PairModel) -> dict[str, Any]:
    """Why ``doc`` joins ``match.story`` (computed before it does): the article of the story it
    matched best, the names (as the article writes them) and figures the story already had, and
    the comparisons with that article that pushed the log-odds most for and against (the model
    card explains each)."""
    st = match.story
    names = st.profile.get("names", {})
    counts = Counter(m.text for m in doc.mentions if m.entity and not _unknown(m.entity, names, m.type))
    shown: dict[str, str] = {}  # one spelling per name whatever its case ("MOSCOW" in a dateline)
    for text, _ in counts.most_common():
        shown.setdefault(text.casefold(), text)
    nums = st.profile.get("nums", {})
    figures = [figure_text(doc.text, n) for n in f.numbers if n in nums]
    pushed = model.attribution(np.array([match.values[n] for n in pairs.FEATURES]))
    weighed = sorted(((c, n) for n, c in pushed.items()), reverse=True)
    return {"closest_article": match.member,
            "shared_names": list(shown.values())[:EVIDENCE_ITEMS],
            "shared_figures": figures[:EVIDENCE_ITEMS],
            "for": {n: round(c, 2) for c, n in weighed[:3] if c > 0},
            "against": {n: round(c, 2) for c, n in weighed[::-1][:2] if c < 0}}


def rebuild(store: Store, progress: Any = None) -> int:
    """Forget all stories and assign every stored document again, oldest first. Embeddings are
    cached, so a rebuild costs little more than the index updates. Returns the number of stories."""
    with db.transaction(store):
        db.clear_stories(store)
    total = store.count()
    for i, doc in enumerate(store.iter_documents(), 1):
        assign(store, doc)
        if progress:
            progress(i, total)
    return db.story_count(store)
