"""JSON routes under /api. Shapes follow the export contract of SPEC.md (format ``lagebild/1``);
lists are paginated as ``{"items", "total", "limit", "offset"}``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field, model_validator

from ..errors import LagebildError, NotFoundError
from ..model import Document
from ..storage import Store
from .. import queries as Q

router = APIRouter(prefix="/api", tags=["api"])

MAX_TEXT = 2_000_000  # characters; the body limit of the app applies first


def reader(request: Request) -> Store:
    return request.app.state.stores.reader()


def _page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    limit, offset = Q.clamp(limit, offset)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


# The timeline's article cap, the same option as ``lagebild timeline --max-articles``.
MAX_ARTICLES = Query(None, ge=1, le=Q.MAX_TIMELINE_ARTICLES,
                     description=f"merge events over at most this many matching articles, newest first (default "
                                 f"{Q.TIMELINE_ARTICLES}, {Q.STORY_TIMELINE_ARTICLES} for a story); "
                                 "`truncated` says when more matched")


def get_doc(store: Store, ref: str) -> Document:
    try:
        return Q.load_document(store, ref)
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None


# ------------------------------------------------------------------ documents


@router.get("/documents", summary="List articles, newest first")
def list_documents(request: Request, limit: int = Query(50, ge=1, le=Q.MAX_LIMIT, description="page size"),
                   offset: int = Query(0, ge=0, description="items to skip"),
                   source: str | None = Query(None, description="outlet name"),
                   language: str | None = Query(None, description="ISO 639-1 code"),
                   story: str | None = Query(None, description="story id"),
                   since: str | None = Query(None, description="published on or after (YYYY-MM-DD)"),
                   until: str | None = Query(None, description="published on or before (YYYY-MM-DD)")) -> dict[str, Any]:
    store = reader(request)
    docs = store.documents(limit=limit, offset=offset, source=source, language=language, story=story,
                           since=since, until=until)
    total = Q.document_count(store, source=source, language=language, story=story, since=since, until=until)
    return _page([Q.summary_dict(d) for d in docs], total, limit, offset)


@router.get("/documents/{ref}", summary="One article with its annotations (export shapes)")
def get_document(request: Request, ref: str) -> dict[str, Any]:
    store = reader(request)
    return Q.document_detail(store, get_doc(store, ref))


class NewDocument(BaseModel):
    """An article to add: its text, or its HTML page (main content is extracted)."""

    text: str | None = Field(None, max_length=MAX_TEXT)
    html: str | None = Field(None, max_length=MAX_TEXT)
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40, description="ISO date, anchors relative dates")
    language: str | None = Field(None, max_length=8)

    @model_validator(mode="after")
    def one_body(self) -> NewDocument:
        if bool(self.text) == bool(self.html):
            raise ValueError("give exactly one of text or html")
        return self


@router.post("/documents", status_code=201, summary="Add an article through the pipeline")
def add_document(request: Request, body: NewDocument) -> dict[str, Any]:
    from ..api import prepare, run_pipeline
    from ..batch import MIN_WORDS
    from ..pipeline import Pipeline

    try:
        if body.html:
            from ..ingest.html import parse_html

            doc = parse_html(body.html, item="POST /api/documents", url=body.url)
            doc.title = body.title or doc.title
            doc.source = body.source or doc.source
        else:
            doc = Document(text="", raw_text=body.text or "", title=body.title, source=body.source, url=body.url)
        prepare(doc, published=body.published, language=body.language)
        doc = run_pipeline(doc, Pipeline(on_error="record"))
    except LagebildError as exc:
        raise HTTPException(422, str(exc)) from None
    if doc.word_count < MIN_WORDS:
        raise HTTPException(422, f"too short after cleaning ({doc.word_count} words; at least {MIN_WORDS})")
    with request.app.state.stores.writer() as store:
        added = store.add(doc)
        if added:
            _after_add(store, doc)
        story = store.db.execute("SELECT story FROM documents WHERE id=?", (doc.id,)).fetchone()[0]
    return {"id": doc.id, "added": added, "story": story, "title": doc.title, "language": doc.language,
            "published": doc.published, "problems": [asdict(p) for p in doc.problems]}


def _after_add(store: Store, doc: Document) -> None:
    """The per-article corpus work batch ingest does (story assignment, ...)."""
    try:
        from ..batch import _after_add as hook
    except ImportError:
        return
    hook(store, doc)


# ------------------------------------------------------------------ search, stories, timeline


@router.get("/search", summary="Full-text search over articles (and entity names)")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500),
           limit: int = Query(20, ge=1, le=Q.MAX_LIMIT)) -> dict[str, Any]:
    store = reader(request)
    return {"query": q, "items": [Q.summary_dict(s) for s in store.search(q, limit=limit)],
            "entities": Q.search_entities(store, q)}


@router.get("/stories", summary="Stories, biggest first")
def stories(request: Request, limit: int = Query(50, ge=1, le=Q.MAX_LIMIT, description="page size"),
            offset: int = Query(0, ge=0, description="items to skip")) -> dict[str, Any]:
    return Q.story_list(reader(request), limit=limit, offset=offset).to_dict()


def _story(store: Store, story_id: str) -> dict[str, Any]:
    info = Q.story_info(store, story_id)
    if info is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return info


@router.get("/stories/{story_id}", summary="One story: its articles (export story shape plus details)")
def story(request: Request, story_id: str) -> dict[str, Any]:
    return _story(reader(request), story_id)


class StoryMove(BaseModel):
    to: str = Field(..., min_length=1, max_length=200,
                    description="a story (id, id prefix or title word), an article whose story to join, or `new`")
    note: str | None = Field(None, max_length=2000)


class StoryMerge(BaseModel):
    stories: list[str] = Field(..., min_length=1, max_length=100, description="stories merged into this one")
    note: str | None = Field(None, max_length=2000)


def run_correction(request: Request, action: Any) -> Any:
    """Run a correction (stories/edits.py) on the writable store; mistakes become 404 / 422 (the
    story page's forms use it too)."""
    with request.app.state.stores.writer() as store:
        try:
            return action(store)
        except LagebildError as exc:
            raise HTTPException(404 if isinstance(exc, NotFoundError) else 422, str(exc)) from None


@router.post("/documents/{ref}/story", summary="Move an article into another story, or into one of its own")
def move_document(request: Request, ref: str, body: StoryMove) -> dict[str, Any]:
    from ..stories.edits import move

    return asdict(run_correction(request, lambda store: move(store, ref, body.to, body.note)))


class StoryConfirm(BaseModel):
    note: str | None = Field(None, max_length=2000)


@router.post("/documents/{ref}/confirm", summary="Keep an article in the story the model put it in")
def confirm_document(request: Request, ref: str, body: StoryConfirm | None = None) -> dict[str, Any]:
    from ..stories.edits import confirm

    return asdict(run_correction(request, lambda store: confirm(store, ref, body.note if body else None)))


@router.post("/stories/{story_id}/merge", summary="Merge other stories into this one")
def merge_stories(request: Request, story_id: str, body: StoryMerge) -> dict[str, Any]:
    from ..stories.edits import merge

    moved = run_correction(request, lambda store: merge(store, story_id, body.stories, body.note))
    return {"story": moved[0].to_story if moved else story_id, "moved": [asdict(m) for m in moved]}


@router.get("/edits", summary="Corrections of stories made by hand, oldest first")
def story_edits(request: Request) -> dict[str, Any]:
    from ..storage import stories as sdb

    return {"items": [asdict(e) for e in sdb.list_edits(reader(request))]}


@router.get("/review", summary="Automatic story placements to check first, closest calls first")
def review(request: Request,
           margin: float | None = Query(None, ge=0, le=20,
                                        description="log-odds from the join threshold (default 1.5)"),
           limit: int = Query(50, ge=1, le=Q.MAX_LIMIT)) -> dict[str, Any]:
    from ..stories.review import DEFAULT_MARGIN, to_review

    return {"margin": DEFAULT_MARGIN if margin is None else margin,
            "items": [d.to_dict() for d in to_review(reader(request), margin, limit)]}


@router.get("/stories/{story_id}/comparison",
            summary="Corroborated, single-source, contradicted and opinion statements of a story")
def story_comparison(request: Request, story_id: str) -> dict[str, Any]:
    store = reader(request)
    _story(store, story_id)
    return Q.comparison(store, story_id)


Status = Literal["occurred", "planned", "proposed", "threatened", "denied", "uncertain"]


def _timeline(store: Store, f: Q.TimelineFilter, max_articles: int | None) -> dict[str, Any]:
    tl = Q.timeline(store, f, limit=max_articles, max_events=Q.MAX_EVENTS_SHOWN)
    return {"events": tl.records(), "filters": f.active(), "documents": tl.documents, "truncated": tl.truncated,
            "total_events": tl.total_events, "merged_by": tl.merged_by, "max_articles": tl.limit, "narrowed": tl.narrowed,
            "note": tl.capped_note("max_articles")}


@router.get("/stories/{story_id}/timeline", summary="The canonical events of a story")
def story_timeline(request: Request, story_id: str, max_articles: int | None = MAX_ARTICLES) -> dict[str, Any]:
    store = reader(request)
    _story(store, story_id)
    return _timeline(store, Q.TimelineFilter(story=story_id), max_articles)


@router.get("/timeline", summary="Canonical events with status, filtered")
def timeline(request: Request, story: str | None = Query(None, description="story id"),
             entity: str | None = Query(None, description="entity id (actor, target or place)"),
             status: Status | None = None, type: str | None = Query(None, description="event type, e.g. meeting"),
             source: str | None = Query(None, description="outlet name"),
             since: str | None = Query(None, description="TIMEX3/ISO date prefix, inclusive"),
             until: str | None = Query(None, description="TIMEX3/ISO date prefix, inclusive"),
             q: str | None = Query(None, max_length=200, description="an entity in any spelling, or words in the "
                                                                      "event's type, names or evidence"),
             max_articles: int | None = MAX_ARTICLES) -> dict[str, Any]:
    return _timeline(reader(request), Q.TimelineFilter(story, entity, status, type, source, since, until, q),
                     max_articles)


# ------------------------------------------------------------------ entities, quotes, export


@router.get("/entities", summary="Entities, most mentioned first")
def entities(request: Request,
             q: str | None = Query(None, description="a word or the start of one of a name, any spelling"),
             type: Literal["PER", "ORG", "LOC", "MISC"] | None = None,
             sort: Literal["mentions", "documents"] = Query("mentions", description="most mentions or most articles first"),
             limit: int = Query(50, ge=1, le=Q.MAX_LIMIT, description="page size"),
             offset: int = Query(0, ge=0, description="items to skip")) -> dict[str, Any]:
    limit, offset = Q.clamp(limit, offset)
    return Q.entity_list(reader(request), q=q, type=type, sort=sort, limit=limit, offset=offset).to_dict(asdict)


@router.get("/entities/{eid}", summary="One entity (by id or any spelling of its name): aliases, articles, quotes, events")
def entity(request: Request, eid: str) -> dict[str, Any]:
    detail = Q.entity_detail(reader(request), eid)
    if detail is None:
        raise HTTPException(404, f"no entity {eid!r}")
    return detail.to_dict()


@router.get("/quotes", summary="Who said what: direct and indirect quotes")
def quotes(request: Request,
           speaker: str | None = Query(None, description="entity id, or a speaker's name in any spelling"),
           doc: str | None = None, story: str | None = Query(None, description="story id"),
           q: str | None = None, limit: int = Query(50, ge=1, le=Q.MAX_LIMIT, description="page size"),
           offset: int = Query(0, ge=0, description="items to skip")) -> dict[str, Any]:
    limit, offset = Q.clamp(limit, offset)
    page = Q.quote_list(reader(request), speaker=speaker, doc=doc, story=story, q=q, limit=limit, offset=offset)
    return page.to_dict(asdict)


@router.get("/export", summary="The whole situation picture (the export contract)")
def export(request: Request) -> dict[str, Any]:
    return reader(request).export()
