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

What is read from each article (its lead vectors, names, figures and lead events) is in
``extract``; this module compares it with story profiles and keeps the profiles.

Scoring a candidate story S for a document d: a logistic model (``scorer``, weights learned by
``lagebild train stories``) over comparisons of d with S's profile (``components``):
- ``cos``/``mean_cos``/``max_cos``: multilingual sentence-embedding similarity of d's lead to S's
  centroid, to its average member and to its closest member; ``title_cos`` the same for
  headlines. This carries the cross-lingual signal;
- ``entities``, ``specific_shared``, ``places_shared``: shared linked entities (all, people and
  organisations, places), so a German and an English report of one event agree even when wording
  differs; ``names_shared``: shared name words, whatever type the tagger gave an entity and however
  much of its name a report uses ("Hanseport Logistik" / "Hanseport"); ``top_missing``: the
  article's main person or organisation is unknown to the story: two strikes at two companies on
  one day;
- ``numbers``: shared figures (a death toll, an amount, a length): language-independent and specific
  to one event;
- ``event_clash``/``novel``/``lead_type_*``: event compatibility keeps apart two
  different events with the same actors (a phone call in February and another in October; a
  ministers' meeting six days after the leaders' call). An announced event that then takes place
  stays in the story;
- ``time``/``gap`` and the gap times the entity and number overlap: days between d and S's dates;
  a follow-up a week later is told apart from a new event by still naming the story's people and
  figures;
- ``size``: a big story's centroid and profile match more of everything.
d joins the best-scoring candidate if the model's log-odds reach ``JOIN_THRESHOLD``; why it
joined (or opened a story) is recorded with it (``join_evidence``, ``db.put_join``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..eventlex import types_compatible
from ..storage import stories as db
from . import embed, neardup, scorer
from .extract import FULL_DAY, Features, entity_words, features, figure_text, store_sentence_vectors
from .titles import story_title

if TYPE_CHECKING:
    from ..model import Document
    from ..storage import Store

# ---- thresholds ------------------------------------------------------------------------------
# Join when the learned model (scorer.py) gives log-odds of at least this (probability 0.38).
# Below 0.5 because the model is fitted on every (article, candidate) pair, most of them
# negatives, while clustering asks only about the best candidate: left-out-split F1 was best at
# -0.5 among -1.0 .. +1.0 (model card), and SpkAtt false merges stay under 1 %.
JOIN_THRESHOLD = -0.5
# Candidate stories must have had an article within this many days of the article's date: a story
# silent for two weeks is closed (its next development opens a new story). Besides being news
# practice, this bounds the candidate set by the number of stories running at one time.
WINDOW_DAYS = 14
# Gap (days between the article and the story's date range) that costs nothing; beyond it the time
# similarity decays exponentially with this scale (14 days apart: ~0.2 left).
TIME_GRACE_DAYS = 3
TIME_TAU_DAYS = 7.0
# Below this centroid cosine an article never joins, whatever the entity and event overlap:
# sharing "Deutschland" and a date does not make two reports one story. (0.45 lost cross-lingual
# second-day reports with few shared words, which the model places right at 0.37-0.44.)
MIN_COS = 0.38
# Dates of the same kind of event with the same actors farther apart than this are different events.
EVENT_DATE_TOLERANCE_DAYS = 3
# ... and only dates this close count as the same event (a planned summit on Friday and a meeting on
# Monday share actors but are not one event).
EVENT_MATCH_DAYS = 1
# An event dated farther than this from the article's own date is background, not the news.
EVENT_RECENT_DAYS = 7
# Members whose vectors are compared one by one (the latest: a long story drifts).
MAX_COS_MEMBERS = 30
# Best-matching sentences averaged into the alignment score (_aligned), against this many of the
# story's latest members (sentence by sentence costs ~0.1 ms per member; 30 cost 9 ms per article
# in a store of 600 similar synthetic articles).
ALIGNED_SENTENCES = 3
ALIGN_MEMBERS = 10
# Shared names and figures kept as the evidence of a join (join_evidence).
EVIDENCE_ITEMS = 6
# Candidate caps for undated articles.
KEY_CANDIDATES = 200
RECENT_CANDIDATES = 200
# Name words of the article compared with the story (most mentioned first).
TOP_NAME_WORDS = 8
# A story profile keeps at most this many event signatures and entity counts.
MAX_PROFILE_EVENTS = 60
MAX_PROFILE_ENTITIES = 60


@dataclass(slots=True)
class Assignment:
    story: str
    created: bool
    score: float
    reason: str  # "near-duplicate", "similar", "new"
    dup_of: str | None = None
    detail: dict[str, float] | None = None  # score components against the best candidate story


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


def _time_sim(day: int | None, st: db.StoryRow) -> float:
    if day is None:
        return 1.0
    lo, hi = db.day_number(st.first), db.day_number(st.last)
    if lo is None or hi is None:
        return 1.0
    gap = max(0, lo - day, day - hi)
    if gap <= TIME_GRACE_DAYS:
        return 1.0
    return math.exp(-(gap - TIME_GRACE_DAYS) / TIME_TAU_DAYS)


def _entity_overlap(f: Features, st: db.StoryRow) -> float:
    if not f.entities:
        return 0.0
    have = st.profile.get("ents", {})
    shared = sum(1 for k in f.entities if k in have)
    # 6 shared salient entities is full agreement; an article naming only one entity ("Deutschland")
    # gets at most a third of the bonus for sharing it.
    return shared / max(3, min(len(f.entities), 6))


_MONTH = re.compile(r"^\d{4}-\d\d$")


def _days_apart(a: str, b: str) -> int:
    da, dbb = db.day_number(a), db.day_number(b)
    return abs(da - dbb) if da is not None and dbb is not None else 10**6


def _dates_compatible(a: str | None, b: str | None) -> bool:
    """False only for two full days more than EVENT_DATE_TOLERANCE_DAYS apart, or two different
    months; partial, relative or seasonal values (2025-SP, 2025-W33, FUTURE_REF) never clash."""
    if not a or not b:
        return True
    if FULL_DAY.match(a) and FULL_DAY.match(b):
        da, dbb = db.day_number(a), db.day_number(b)
        return da is None or dbb is None or abs(da - dbb) <= EVENT_DATE_TOLERANCE_DAYS
    if _MONTH.match(a[:7]) and _MONTH.match(b[:7]) and (_MONTH.match(a) or _MONTH.match(b)):
        return a[:7] == b[:7]
    return True


def _recent(date_value: str, lo: int | None, hi: int | None) -> bool:
    """Is a full-day date within EVENT_RECENT_DAYS of the day range [lo, hi]? (True when unknown.)"""
    day = db.day_number(date_value) if FULL_DAY.match(date_value) else None
    if day is None or lo is None or hi is None:
        return True
    return lo - EVENT_RECENT_DAYS <= day <= hi + EVENT_RECENT_DAYS


def event_compat(doc_events: list[list[Any]], story_events: list[list[Any]], doc_day: int | None = None,
                 story_days: tuple[int | None, int | None] = (None, None)) -> float:
    """+1 if an event of the article matches one of the story (type, shared participant, same day);
    -1 if an event the article reports as recent clashes with one of the story (same type and
    participants, both occurred, dates apart) and none match; 0 when there is nothing to compare.
    Events far from the article's own date, or from the story's date range, are background ("nach
    dem Telefonat im Februar") and do not clash."""
    match = clash = False
    for t, actors, d, status in doc_events:
        for t2, actors2, d2, status2 in story_events:
            if t != t2 or not set(actors) & set(actors2):
                continue  # events without a shared participant say nothing about identity
            if not d or not d2:
                continue
            if FULL_DAY.match(d) and FULL_DAY.match(d2) and _days_apart(d, d2) <= EVENT_MATCH_DAYS:
                match = True  # only two specific days agreeing is evidence of the same event
            elif not _dates_compatible(d, d2) and status == "occurred" and status2 == "occurred":
                # Only two events that both happened clash: the date of something planned,
                # threatened or proposed is a target that moves as the story develops.
                clash = clash or (_recent(d, doc_day, doc_day) and _recent(d2, *story_days))
    if match:
        return 1.0
    return -1.0 if clash else 0.0


def novel_lead(doc_leads: list[list[Any]], story_leads: list[list[Any]], story_events: list[list[Any]]) -> float:
    """1.0 if the article leads with an event the story does not know: every lead event of the
    article happened more than EVENT_DATE_TOLERANCE_DAYS after the latest lead event of the story,
    and no event of the story (reported, planned, announced) has its kind, a shared participant and
    a compatible date. 0.0 otherwise, and when either side has no dated lead event.

    Only later events count: an article about an earlier event that reaches the store late (files
    are ingested in any order) is the story's prequel, which its articles mention as background
    ("agreed in a call last Wednesday") in words the event stage does not always resolve."""
    story_days = [d for d in (db.day_number(x[2]) for x in story_leads) if d is not None]
    if not doc_leads or not story_days:
        return 0.0
    latest = max(story_days)
    for t, actors, d in doc_leads:
        day = db.day_number(d)
        if day is None or day <= latest + EVENT_DATE_TOLERANCE_DAYS:
            return 0.0  # the story's own news cycle, or an earlier event
        for t2, actors2, d2, status2 in story_events:
            if status2 == "denied":
                continue  # "no meeting is planned" announces nothing
            # (compatible types: a summit announced and a meeting held, sanctions threatened and imposed)
            if types_compatible(t, t2) and set(actors) & set(actors2) and _dates_compatible(d, d2):
                return 0.0  # reported or announced by the story: a development, not a new event
    return 1.0


def _profile_title_cos(f: Features, st: db.StoryRow) -> float:
    blob = st.profile.get("tvec")
    if f.title_vec is None or not blob:
        return 0.0
    tv = embed.from_b64(blob)
    n = float(np.linalg.norm(tv))
    return float(f.title_vec @ tv) / n if n else 0.0


def components(f: Features, st: db.StoryRow, cos: float, mean_cos: float | None = None,
               max_cos: float | None = None, aligned: float = 0.0) -> dict[str, float]:
    """The comparisons of ``f`` with story ``st`` that the join model reads (scorer.FEATURES)."""
    events = st.profile.get("events", [])
    lo, hi = db.day_number(st.first), db.day_number(st.last)
    ev = event_compat(f.events, events, f.day, (lo, hi))
    spec = st.profile.get("spec", {})
    mine = sorted(f.specific.items(), key=lambda kv: (-kv[1], kv[0]))
    top6 = [e for e, _ in mine[:6]]
    shared = sum(1 for e in top6 if e in spec)
    # the article's main actor, named at least twice, is unknown to the story
    names = st.profile.get("names", {})
    top_missing = float(bool(mine) and mine[0][1] >= 2 and _unknown(mine[0][0], names))
    places = st.profile.get("locs", {})
    nums = st.profile.get("nums", {})
    gap = max(0, f.day - hi - 2) if f.day is not None and hi is not None else 0
    c = {"cos": cos, "mean_cos": cos if mean_cos is None else mean_cos,
         "max_cos": cos if max_cos is None else max_cos, "aligned": aligned,
            "entities": min(_entity_overlap(f, st), 1.0),
            "event_clash": float(ev < 0),
            "novel": novel_lead(f.leads, st.profile.get("leads", []), events),
            "time": _time_sim(f.day, st),
            "top_missing": top_missing,
            "numbers": min(sum(1 for n in f.numbers if n in nums), 3) / 3,
            "gap": math.log1p(gap),
            "specific_shared": min(shared, 3) / 3,
            "places_shared": min(sum(1 for e in f.places if e in places), 2) / 2,
            "names_shared": _names_shared(f.names, names),
            "title_cos": _profile_title_cos(f, st),
            "size": math.log(max(st.size, 1)),
            **_lead_type_agreement(f.lead_types, st.profile.get("ltypes", {}))}
    c["gap_x_entities"] = c["gap"] * c["entities"]
    c["gap_x_numbers"] = c["gap"] * c["numbers"]
    return c


def _unknown(entity: str, names: dict[str, int], mtype: str | None = None) -> bool:
    """No name word of ``entity`` (tagged ``mtype``, see entity_words) occurs among ``names``
    ("Hanseport" is known to a story that names "Hanseport Logistik"; an entity without name words
    counts as unknown)."""
    return not any(w in names for w in entity_words(entity, mtype))


def _names_shared(mine: dict[str, int], theirs: dict[str, int]) -> float:
    """Share of the article's TOP_NAME_WORDS most-mentioned name words the story also uses (at
    least three counted, so that one shared "Berlin" is not full agreement)."""
    top = sorted(mine.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_NAME_WORDS]
    return sum(1 for w, _ in top if w in theirs) / max(3, len(top))


def _lead_type_agreement(mine: list[str], theirs: dict[str, int]) -> dict[str, float]:
    """Does the kind of the article's headline event fit the story's (a phone call is not the
    summit three days before)? Both 0 when either side has none."""
    if not mine or not theirs:
        return {"lead_type_match": 0.0, "lead_type_clash": 0.0}
    match = any(types_compatible(a, b) for a in mine for b in theirs)
    return {"lead_type_match": float(match), "lead_type_clash": float(not match)}


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


def _mean_cos(f: Features, st: db.StoryRow, cos: float) -> float:
    """Average cosine with the story's members (sum of unit vectors · v / size)."""
    if not st.centroid or st.size <= 1:
        return cos
    return float(embed.from_blob(st.centroid) @ f.vec) / st.size


def _member_similarity(store: Store, f: Features, st: db.StoryRow) -> tuple[float, float]:
    """(highest lead cosine with one of the story's latest MAX_COS_MEMBERS members, best sentence
    alignment with one of its latest ALIGN_MEMBERS members (_aligned))."""
    # (the article itself is no member: a stored document may still carry an old story id)
    ids = [i for i in db.story_doc_ids(store, st.id, latest=MAX_COS_MEMBERS) if i != f.doc_id]
    blobs = list(db.get_vectors(store, ids, embed.MODEL_NAME).values())
    max_cos = float(_cos_all(f.vec, blobs).max()) if blobs else 0.0
    aligned = 0.0
    if f.sents is not None and len(f.sents):
        mats = _sentence_vectors(store, ids[-ALIGN_MEMBERS:])
        if mats:
            aligned = _aligned(f.sents, mats)
    return max_cos, aligned


def _sentence_vectors(store: Store, ids: list[str]) -> list[np.ndarray]:
    """The cached sentence vectors of stored documents; those of documents stored before lagebild
    kept them are computed once now (a store from an older version needs no rebuild)."""
    blobs = db.get_vectors(store, ids, embed.SENTENCES_MODEL_NAME)
    for doc in store.iter_documents([i for i in ids if i not in blobs]):
        blobs[doc.id] = store_sentence_vectors(store, doc)
    return [embed.from_int8(b) for b in blobs.values()]


def _aligned(mine: np.ndarray, members: list[np.ndarray]) -> float:
    """The best member's mean cosine over the ALIGNED_SENTENCES sentences of ``mine`` that best
    match one of its sentences: reports of one event repeat a few facts in any language (the
    toll, the place, who acted); reports of two events on one topic share background, which one
    vector per article cannot tell from news. One matrix product for all members."""
    sims = mine @ np.vstack(members).T  # (my sentences, all member sentences)
    k = min(ALIGNED_SENTENCES, len(mine))
    best = 0.0
    for block in np.split(sims, np.cumsum([len(m) for m in members])[:-1], axis=1):
        if block.shape[1]:
            per_sentence = block.max(axis=1)  # each of my sentences' best match in this member
            best = max(best, float(np.partition(per_sentence, len(mine) - k)[-k:].mean()))
    return best


def cosines(store: Store, f: Features, st: db.StoryRow, cos: float) -> tuple[float, float, float, float]:
    """(centroid, mean, max member) cosine and sentence alignment of ``f`` with story ``st``."""
    return (cos, _mean_cos(f, st, cos), *_member_similarity(store, f, st))


def best_story(store: Store, f: Features, model: scorer.JoinModel | None = None,
               min_cos: float | None = None, exclude: frozenset[str] = frozenset(),
               ) -> tuple[db.StoryRow | None, float, float, dict[str, float] | None]:
    """(best story, its log-odds, its centroid cosine, the comparisons the model read) under
    ``model`` (default: the shipped join model); (None, 0, 0, None) when nothing is close. Stories
    in ``exclude`` (kept apart from the article by hand) are no candidates.

    The model sees both the centroid cosine and the average cosine to the members: a centroid
    averages away its members' noise, so a big story's centroid is closer to every related article
    than any of its members, and judging by it alone would let big stories swallow articles that
    match a small story better (the first Trump–Putin call of February vs the August story of
    calls and a summit)."""
    model = model or scorer.load()
    best: tuple[float, db.StoryRow, float, dict[str, float]] | None = None
    for st, cos in candidates(store, f, min_cos):
        if st.id in exclude:
            continue
        values = components(f, st, *cosines(store, f, st, cos))
        s = model.logit(values)
        if best is None or s > best[0]:
            best = (s, st, cos, values)
    if best is None:
        return None, 0.0, 0.0, None
    return best[1], best[0], best[2], best[3]


def _add_counts(profile: dict[str, Any], key: str, items: Iterable[tuple[str, int]]) -> None:
    """Add counts to the profile counter ``key``, keeping its MAX_PROFILE_ENTITIES most common."""
    counts: dict[str, int] = profile.setdefault(key, {})
    for k, n in items:
        counts[k] = counts.get(k, 0) + n
    if len(counts) > MAX_PROFILE_ENTITIES:
        profile[key] = dict(Counter(counts).most_common(MAX_PROFILE_ENTITIES))


def _add_unique(profile: dict[str, Any], key: str, items: list[list[Any]]) -> None:
    """Append new items to the profile list ``key``, keeping the last MAX_PROFILE_EVENTS."""
    seen = profile.setdefault(key, [])
    for e in items:
        if e not in seen:
            seen.append(e)
    del seen[:-MAX_PROFILE_EVENTS]


def _update_profile(st: db.StoryRow, f: Features) -> list[str]:
    """Fold the document into the story profile; returns the entity keys that are new to the story."""
    p = st.profile
    new = [k for k in f.entities if k not in p.get("ents", {})]
    _add_counts(p, "ents", ((k, 1) for k in f.entities))
    _add_counts(p, "spec", f.specific.items())
    _add_counts(p, "locs", ((e, 1) for e in f.places))
    _add_counts(p, "nums", ((n, 1) for n in f.numbers))
    _add_counts(p, "ltypes", ((t, 1) for t in f.lead_types))
    _add_counts(p, "names", f.names.items())
    _add_unique(p, "events", f.events)
    _add_unique(p, "leads", f.leads)
    if f.title_vec is not None:
        old = p.get("tvec")
        p["tvec"] = embed.to_b64(f.title_vec + embed.from_b64(old) if old else f.title_vec)
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
    p = Placement(hand_placed=any(e.doc == doc_id and e.kind in ("with", "alone") for e in edits))
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


def assign(store: Store, doc: Document, model: scorer.JoinModel | None = None) -> Assignment:
    """Assign ``doc`` (already stored) to a story and record it, with why (``db.put_join``); returns
    what was decided. ``model`` replaces the shipped join model (training scores candidate weights
    this way)."""
    f = features(store, doc)
    with db.transaction(store):
        return place(store, doc, f, model)


def place(store: Store, doc: Document, f: Features, model: scorer.JoinModel | None = None) -> Assignment:
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
    st, s, _cos, detail = best_story(store, f, model, exclude=hand.apart)
    if st is not None and s >= JOIN_THRESHOLD and not hand.hand_placed:
        evidence = join_evidence(doc, f, st, detail or {}, model or scorer.load())
        _join(store, st, f, doc)
        db.put_join(store, doc.id, st.id, "joined", s, evidence)
        doc.story = st.id
        return Assignment(st.id, False, s, "similar", dup, detail)
    new = db.StoryRow(n=0, id=_new_story_id(store, doc.id), title=None, title_doc=None, first=None, last=None,
                      size=0, centroid=None, profile={})
    _join(store, new, f, doc)
    if hand.hand_placed:
        db.put_join(store, doc.id, new.id, "edited", None, {"edit": _placing_edit(store, doc.id)})
    else:
        # the closest story it did not join, for anyone checking a split
        db.put_join(store, doc.id, new.id, "opened", s if st is not None else None,
                    {"closest_story": st.id} if st is not None else {})
    doc.story = new.id
    return Assignment(new.id, True, s, "new", dup, detail)


def _placing_edit(store: Store, doc_id: str) -> int | None:
    return next((e.n for e in reversed(db.edits_touching(store, doc_id)) if e.doc == doc_id), None)


def _new_story_id(store: Store, doc_id: str) -> str:
    """"S" and the opening article's id; an article moved out of the story it opened needs another."""
    base = "S" + doc_id[:12]
    sid, k = base, 1
    while db.get_story(store, sid) is not None:
        k += 1
        sid = f"{base}-{k}"
    return sid


def join_evidence(doc: Document, f: Features, st: db.StoryRow, values: dict[str, float],
                  model: scorer.JoinModel) -> dict[str, Any]:
    """Why ``doc`` joins ``st`` (computed before it does): the names, as the article writes them,
    and the figures the story already had, and the comparisons that weighed most for and against
    (weight times value, in log-odds; the model card explains each)."""
    names = st.profile.get("names", {})
    counts = Counter(m.text for m in doc.mentions if m.entity and not _unknown(m.entity, names, m.type))
    shown: dict[str, str] = {}  # one spelling per name whatever its case ("MOSCOW" in a dateline)
    for text, _ in counts.most_common():
        shown.setdefault(text.casefold(), text)
    nums = st.profile.get("nums", {})
    figures = [figure_text(doc.text, n) for n in f.numbers if n in nums]
    weighed = sorted(((w * values.get(n, 0.0), n) for n, w in zip(model.features, model.coef)), reverse=True)
    return {"shared_names": list(shown.values())[:EVIDENCE_ITEMS],
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
