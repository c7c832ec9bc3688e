"""Fetching URLs (articles and feeds). One function so tests can replace it with canned responses."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from .decode import MAX_ARTICLE_BYTES

USER_AGENT = "lagebild/0.1 (+https://github.com/lagebild/lagebild)"
TIMEOUT_S = 20


@dataclass(slots=True)
class Response:
    url: str
    body: bytes
    content_type: str = ""
    charset: str | None = None


def http_get(url: str) -> Response:
    """GET ``url``; errors become InputError naming the URL."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:  # noqa: S310 - user-given URLs
            body = resp.read(MAX_ARTICLE_BYTES + 1)
            if len(body) > MAX_ARTICLE_BYTES:
                raise InputError(url, f"response is larger than {MAX_ARTICLE_BYTES // 2**20} MB")
            return Response(
                url=resp.geturl(),
                body=body,
                content_type=resp.headers.get_content_type(),
                charset=resp.headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"server answered HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(url, f"unreachable ({reason})", tip="check the address and your connection") from None


# Replaced in tests (see tests/conftest.py) so that nothing touches the network.
fetcher: Callable[[str], Response] = http_get


def get(url: str) -> Response:
    return fetcher(url)
