"""HTML pages (Jinja2 templates in ``templates/``, autoescaped). Each page handler gathers data
through ``queries`` and renders one template; interactivity is in ``static/app.js``."""

from __future__ import annotations

import math
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NotFoundError
from ..model import EVENT_STATUSES
from .. import queries as Q
from ..timexpr.values import describe_timex
from .annotate import annotated_html
from .timeline_svg import layout

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals["when"] = describe_timex  # an event's TIMEX3 date as a reader says it
router = APIRouter(include_in_schema=False)
PAGE = 30
ROW_LIMIT = 8  # comparison rows per category on the story page (all on the comparison page)

STATUS_HELP = {
    "occurred": "reported as having happened",
    "planned": "scheduled or announced",
    "proposed": "suggested, not agreed",
    "threatened": "threatened or warned of",
    "denied": "reported as not having happened / rejected",
    "uncertain": "unclear, speculated or disputed",
}
CATEGORY_HELP = {
    "corroborated": "reported by two or more independent outlets",
    "single-source": "reported by one outlet only",
    "contradicted": "outlets report it differently",
    "opinion": "the writer's own evaluation",
}


def _qs(request: Request, **changes: Any) -> str:
    params = {k: v for k, v in request.query_params.items() if k != "token"}
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return "?" + urlencode(params) if params else "?"


def _pager(request: Request, total: int, page: int, size: int = PAGE) -> dict[str, Any]:
    pages = max(1, math.ceil(total / size))
    return {"page": page, "pages": pages, "total": total,
            "prev": _qs(request, page=page - 1) if page > 1 else None,
            "next": _qs(request, page=page + 1) if page < pages else None}


def render(request: Request, name: str, **ctx: Any) -> HTMLResponse:
    ctx.setdefault("nav", "")
    ctx["statuses"] = EVENT_STATUSES
    ctx["status_help"] = STATUS_HELP
    ctx["qs"] = lambda **kw: _qs(request, **kw)
    return TEMPLATES.TemplateResponse(request, name, ctx)


def store(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.stores.reader()


# ------------------------------------------------------------------ stories


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, page: int = Query(1, ge=1)) -> HTMLResponse:
    s = store(request)
    stories = Q.story_list(s, limit=PAGE, offset=(page - 1) * PAGE)
    unassigned = s.db.execute("SELECT count(*) FROM documents WHERE story IS NULL").fetchone()[0]
    from ..stories import review

    return render(request, "stories.html", nav="stories", stories=stories.items, stats=Q.corpus_stats(s),
                  pg=_pager(request, stories.total, page), unassigned=unassigned, close_calls=review.any_to_review(s))


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request) -> HTMLResponse:
    """The close calls of story clustering (``stories --review``), each with confirm and move."""
    from ..stories import review

    s = store(request)
    doubts = [d.to_dict() for d in review.to_review(s, limit=Q.MAX_LIMIT)]
    return render(request, "review.html", nav="stories", doubts=doubts, margin=review.DEFAULT_MARGIN,
                  more=len(doubts) == Q.MAX_LIMIT)


def _event_view(events: list[dict[str, Any]], s: Any, doc_meta: dict[str, dict[str, Any]]) -> dict[str, Any]:
    ids: set[str] = set()
    for ev in events:
        ids.update(ev.get("actors") or [])
        if ev.get("location"):
            ids.add(ev["location"])
    return {"events": events, "names": Q.entity_names(s, ids), "doc_meta": doc_meta, "layout": layout(events),
            "status_counts": Q.status_counts(events)}


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    s = store(request)
    info = Q.story_info(s, story_id)
    if info is None:
        raise HTTPException(404, f"There is no story {story_id!r}.")
    tl = Q.timeline(s, Q.TimelineFilter(story=story_id), max_events=Q.MAX_EVENTS_SHOWN)
    events = tl.records()
    # The comparison can take seconds (sentence embeddings): shown at once when computed before,
    # otherwise the page loads it from /stories/ID/comparison (static/app.js).
    cmp = Q.comparison_ready(s, story_id)
    from ..stories.review import to_review

    # the decisions `stories --review` lists are marked in the article list
    close = {d.document for d in to_review(s, docs=[a["id"] for a in info["articles"]])}
    for a in info["articles"]:
        a["close_call"] = a["id"] in close
    return render(request, "story.html", nav="stories", story=info, tl=tl, row_limit=ROW_LIMIT, **_comparison_ctx(cmp),
                  **_event_view(events, s, tl.doc_meta))


async def _form(request: Request) -> dict[str, str]:
    """The fields of a posted HTML form (urlencoded; no multipart parser needed for two fields)."""
    from urllib.parse import parse_qs

    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[0].strip() for k, v in parse_qs(body).items() if v and v[0].strip()}


def _correct(request: Request, action: Any) -> Response:
    """Run a correction (stories/edits.py) and show the resulting story."""
    from fastapi.responses import RedirectResponse

    from .api import run_correction

    return RedirectResponse(f"/stories/{run_correction(request, action)}", status_code=303)


@router.post("/stories/{story_id}/move")
async def move_article(request: Request, story_id: str) -> Response:
    """The story page's "move" form: one of its articles into another story, or one of its own."""
    from ..stories.edits import move

    form = await _form(request)
    if "article" not in form or "to" not in form:
        raise HTTPException(422, "Say which article to move, and where to (a story id, an article id, or new).")
    return _correct(request, lambda s: move(s, form["article"], form["to"], form.get("note")).to_story)


@router.post("/stories/{story_id}/merge")
async def merge_story(request: Request, story_id: str) -> Response:
    """The story page's "merge" form: another story into this one."""
    from ..stories.edits import merge

    form = await _form(request)
    if "other" not in form:
        raise HTTPException(422, "Say which story to merge into this one (its id or a word of its title).")
    return _correct(request, lambda s: (merge(s, story_id, [form["other"]], form.get("note")) or [None])[0].to_story)


@router.post("/stories/{story_id}/confirm")
async def confirm_article(request: Request, story_id: str) -> Response:
    """The story page's "confirm" button on a close call: keep the article where the model put it."""
    from ..stories.edits import confirm

    form = await _form(request)
    if "article" not in form:
        raise HTTPException(422, "Say which article to keep in its story.")
    return _correct(request, lambda s: confirm(s, form["article"], form.get("note")).to_story)


def _comparison_ctx(cmp: dict[str, Any] | None) -> dict[str, Any]:
    if cmp is None:
        return {"cmp": None, "cmp_by": None, "category_help": CATEGORY_HELP}
    by_cat: dict[str, list[dict[str, Any]]] = {c: [] for c in Q.CATEGORIES}
    for row in cmp["rows"]:
        by_cat.setdefault(row["category"], []).append(row)
    return {"cmp": by_cat, "cmp_by": cmp["by"], "category_help": CATEGORY_HELP}


@router.get("/stories/{story_id}/comparison", response_class=HTMLResponse)
def comparison_page(request: Request, story_id: str, fragment: bool = False) -> HTMLResponse:
    s = store(request)
    info = Q.story_info(s, story_id)
    if info is None:
        raise HTTPException(404, f"There is no story {story_id!r}.")
    ctx = _comparison_ctx(Q.comparison(s, story_id))
    return render(request, "comparison_fragment.html" if fragment else "comparison.html", nav="stories",
                  story=info, row_limit=ROW_LIMIT if fragment else None, **ctx)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, entity: str | None = None, status: str | None = None, type: str | None = None,
                  source: str | None = None, since: str | None = None, until: str | None = None,
                  story: str | None = None, q: str | None = None,
                  max_articles: int | None = Query(None, ge=1, le=Q.MAX_TIMELINE_ARTICLES)) -> HTMLResponse:
    s = store(request)
    if status and status not in EVENT_STATUSES:
        status = None
    f = Q.TimelineFilter(story or None, entity or None, status, type or None, source or None, since or None,
                         until or None, (q or "").strip()[:200] or None)
    tl = Q.timeline(s, f, limit=max_articles, max_events=Q.MAX_EVENTS_SHOWN)
    types = [r[0] for r in s.db.execute("SELECT DISTINCT type FROM event_mentions ORDER BY type")]
    eid = Q.resolve_entity(s, entity) if entity else None
    ent = Q.entity_names(s, {eid}) if eid else {}
    return render(request, "timeline.html", nav="timeline", tl=tl, f=f, types=types, facets=Q.facets(s),
                  max_articles_allowed=Q.MAX_TIMELINE_ARTICLES,
                  entity_name=(ent.get(eid or "") or {}).get("name"), **_event_view(tl.records(), s, tl.doc_meta))


# ------------------------------------------------------------------ articles


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, page: int = Query(1, ge=1), source: str | None = None,
                   language: str | None = None) -> HTMLResponse:
    s = store(request)
    source, language = source or None, language or None
    docs = s.documents(limit=PAGE, offset=(page - 1) * PAGE, source=source, language=language)
    total = Q.document_count(s, source=source, language=language)
    return render(request, "documents.html", nav="documents", docs=[Q.summary_dict(d) for d in docs],
                  pg=_pager(request, total, page), facets=Q.facets(s), source=source, language=language)


_HL = re.compile(r"^(\d{1,9})-(\d{1,9})$")


@router.get("/documents/{ref}", response_class=HTMLResponse)
def document_page(request: Request, ref: str, hl: str | None = None) -> HTMLResponse:
    s = store(request)
    try:
        doc = Q.load_document(s, ref)
    except NotFoundError:
        raise HTTPException(404, f"There is no article {ref!r}.") from None
    names = {e.id: e.name for e in doc.entities}
    highlight = None
    if hl and (m := _HL.match(hl)) and int(m[1]) < int(m[2]) <= len(doc.text):
        highlight = (int(m[1]), int(m[2]))
    story = Q.story_info(s, doc.story) if doc.story else None
    entities = sorted(doc.entities, key=lambda e: -sum(1 for m in doc.mentions if m.entity == e.id))
    counts = {e.id: sum(1 for m in doc.mentions if m.entity == e.id) for e in doc.entities}
    return render(request, "document.html", nav="documents", doc=doc, body=annotated_html(doc, names, highlight),
                  story=story, entities=entities, counts=counts, names=names,
                  opinions=[(sn, doc.text[sn.start:sn.end]) for sn in doc.sentences if sn.opinion])


# ------------------------------------------------------------------ entities, quotes, search


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, q: str | None = None, type: str | None = None,
                  page: int = Query(1, ge=1)) -> HTMLResponse:
    s = store(request)
    type = type if type in ("PER", "ORG", "LOC", "MISC") else None
    found = Q.entity_list(s, q=q or None, type=type, limit=PAGE, offset=(page - 1) * PAGE)
    return render(request, "entities.html", nav="entities", entities=[asdict(e) for e in found.items], q=q or "",
                  type=type, pg=_pager(request, found.total, page))


@router.get("/entities/{eid}", response_class=HTMLResponse)
def entity_page(request: Request, eid: str) -> HTMLResponse:
    s = store(request)
    found = Q.entity_detail(s, eid)
    if found is None:
        raise HTTPException(404, f"There is no entity {eid!r}.")
    detail = found.to_dict()
    ids = {a for ev in detail["events"] for a in ev["actors"]}
    return render(request, "entity.html", nav="entities", e=detail, names=Q.entity_names(s, ids))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, speaker: str | None = None, q: str | None = None,
                page: int = Query(1, ge=1)) -> HTMLResponse:
    s = store(request)
    found = Q.quote_list(s, speaker=speaker or None, q=q or None, limit=PAGE, offset=(page - 1) * PAGE)
    eid = Q.resolve_entity(s, speaker) if speaker else None
    who = (Q.entity_names(s, {eid}).get(eid or "") or {}).get("name") or speaker
    return render(request, "quotes.html", nav="quotes", quotes=[asdict(x) for x in found.items], q=q or "",
                  speaker=speaker, who=who, pg=_pager(request, found.total, page))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    s = store(request)
    q = q.strip()[:500]
    results = [Q.summary_dict(d) for d in s.search(q, limit=50)] if q else []
    ents = Q.search_entities(s, q, limit=12) if q else []
    return render(request, "search.html", nav="search", q=q, results=results, ents=ents)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The HTTP API reference, rendered from the OpenAPI schema (offline: no Swagger UI from a CDN)."""
    schema = request.app.openapi()
    ops = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _type_name(p.get("schema", {})), "description": p.get("description", "")}
                      for p in op.get("parameters", [])]
            body = None
            if "requestBody" in op:
                ref = op["requestBody"]["content"].get("application/json", {}).get("schema", {}).get("$ref", "")
                model = schema.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {})
                body = [{"name": k, "type": _type_name(v), "description": v.get("description", "")}
                        for k, v in model.get("properties", {}).items()]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "params": params, "body": body})
    return render(request, "apidocs.html", nav="api", ops=ops, title=schema["info"]["title"],
                  version=schema["info"]["version"])


def _type_name(sch: dict[str, Any]) -> str:
    if "anyOf" in sch:
        return " | ".join(_type_name(x) for x in sch["anyOf"] if x.get("type") != "null")
    if "enum" in sch:
        return " | ".join(map(str, sch["enum"]))
    return str(sch.get("type", "object"))


# ------------------------------------------------------------------ errors


def install_error_pages(app: FastAPI) -> None:
    """JSON errors for /api, a page for everything else."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return TEMPLATES.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail,
                                                                  "nav": ""}, status_code=exc.status_code)
