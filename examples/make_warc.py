"""Build examples/corpus/warc/crawl-2025-07-31.warc.gz, the small WARC of the example corpus.

The two pages are fictional articles written for lagebild's examples. They are kept here,
not as loose .html files, so that `lagebild add examples/html/*.html` does not ingest
them twice. Record ids and dates are fixed, so running this script again rewrites the
same records (`python examples/make_warc.py`; needs warcio).

Layout of the WARC: one warcinfo record, then a request/response pair per page.
Note the crawl date (WARC-Date, 31 July) is later than the publication date in each
page's <meta property="article:published_time">; a reader should prefer the latter.
"""

from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "corpus" / "warc" / "crawl-2025-07-31.warc.gz"
# uuid5 in a fixed namespace: stable record ids, so the output is reproducible.
_NS = uuid.UUID("6f1c3a52-8d0e-4c41-9a57-2a3b5e0c9d11")

ATLANTIC_DISPATCH = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Europe braces for Trump tariffs as Friday deadline nears | Atlantic Dispatch</title>
<meta property="og:site_name" content="Atlantic Dispatch">
<meta property="og:type" content="article">
<meta property="og:title" content="Europe braces for Trump tariffs as Friday deadline nears">
<meta property="og:url" content="https://www.atlanticdispatch.example/economy/europe-braces-trump-tariffs-friday-deadline">
<meta property="article:published_time" content="2025-07-29T09:40:00-04:00">
<meta name="author" content="Michael Brennan">
<meta property="article:author" content="Michael Brennan">
</head>
<body>
<div class="cookie-notice">This site uses cookies. By continuing to browse, you agree to our use of cookies. <a href="/cookies">Learn more</a> <button>OK</button></div>
<header class="header">
  <div class="logo"><a href="/">Atlantic Dispatch</a></div>
  <nav><a href="/">Home</a> | <a href="/us/">U.S.</a> | <a href="/world/">World</a> | <a href="/economy/">Economy</a> | <a href="/tech/">Tech</a> | <a href="/markets/">Markets</a> | <a href="/newsletters/">Newsletters</a></nav>
</header>
<div class="ad-banner"><span>ADVERTISEMENT</span></div>
<div class="container">
<article class="post">
  <h1 class="post-title">Europe braces for Trump tariffs as Friday deadline nears</h1>
  <p class="post-meta">By Michael Brennan &middot; July 29, 2025 &middot; 5 min read</p>
  <div class="post-content">
    <p>With only days to go before a Friday deadline, European governments and companies are bracing for a 30 percent U.S. tariff on most of the bloc's exports, as last-ditch talks between Brussels and Washington continue.</p>
    <p>Photo: Lena Hoffmann / Atlantic Dispatch</p>
    <p>EU trade commissioner Maro&scaron; &Scaron;ef&#269;ovi&#269; arrived in Washington on Tuesday for what officials in Brussels described as a final round of negotiations. "Our aim remains a fair and balanced deal. But we will not sign a deal at any price," &Scaron;ef&#269;ovi&#269; wrote on X before his departure.</p>
    <p>President Donald Trump has said the tariffs will take effect on August 1 unless the European Union offers better terms for American companies. The White House has repeatedly said the date will not move.</p>
    <p>Brussels has drawn up a list of counter-tariffs on U.S. goods worth up to 93 billion euros, diplomats said. It would hit products ranging from aircraft parts to bourbon, and could take effect within days of the U.S. measures.</p>
    <p class="inline-promo"><a href="/newsletters/markets">Get the Markets Daily newsletter &rarr;</a></p>
    <p>European businesses are preparing for the worst. Several German and Italian manufacturers have rushed shipments to the United States in recent weeks to beat the deadline, according to freight forwarders. "Our customers are front-loading everything they can," said a logistics manager in Hamburg.</p>
    <p>Economists warn that a full-blown trade war would hurt both sides. A 30 percent tariff could cut euro zone growth by as much as 0.5 percentage points next year, according to estimates by the Kiel Institute for the World Economy.</p>
    <p>Officials in Brussels said they still hoped for a framework agreement before the deadline, possibly with a lower baseline tariff of 15 percent.</p>
  </div>
  <div class="post-share"><a href="#">Share on Facebook</a> <a href="#">Share on LinkedIn</a> <a href="#">Copy link</a></div>
  <div class="post-comments"><p>Leave a comment</p><p>You must be logged in to post a comment.</p></div>
</article>
<aside class="sidebar">
  <h4>Trending</h4>
  <ul><li><a href="/tech/ai-chips">AI chip exports face new curbs</a></li><li><a href="/us/hurricane-season">Forecasters raise hurricane outlook</a></li></ul>
</aside>
</div>
<footer class="footer"><p>&copy; 2025 Atlantic Dispatch LLC &middot; <a href="/terms">Terms</a> &middot; <a href="/privacy">Privacy</a> &middot; <a href="/advertise">Advertise with us</a></p></footer>
</body>
</html>
"""

EASTERN_EUROPE_MONITOR = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Zelenskiy thanks Berlin for Patriots, says prisoner swap is close - Eastern Europe Monitor</title>
<meta property="og:site_name" content="Eastern Europe Monitor">
<meta property="og:type" content="article">
<meta property="og:title" content="Zelenskiy thanks Berlin for Patriots, says prisoner swap is close">
<meta property="og:url" content="https://eemonitor.example/ukraine/2025/07/30/zelenskiy-thanks-berlin-patriots-prisoner-swap">
<meta property="article:published_time" content="2025-07-30T20:10:00+03:00">
<meta name="author" content="Olena Marchenko">
</head>
<body>
<div id="cookie-bar">We use cookies for analytics and advertising. <a href="/privacy">Details</a> <button>Accept</button></div>
<div class="topnav">
  <a href="/" class="site-title">Eastern Europe Monitor</a>
  <a href="/ukraine/">Ukraine</a> <a href="/russia/">Russia</a> <a href="/baltics/">Baltics</a> <a href="/poland/">Poland</a> <a href="/analysis/">Analysis</a> <a href="/donate/">Support us</a>
</div>
<div class="wrapper">
<main>
  <h1>Zelenskiy thanks Berlin for Patriots, says prisoner swap is close</h1>
  <div class="byline">Olena Marchenko, Kyiv &middot; 30 July 2025, 20:10</div>
  <section class="entry">
    <p>Ukrainian President Volodymyr Zelenskiy on Wednesday thanked Germany for its pledge of two more Patriot air defence systems, saying in his nightly video address that the first battery would be operational "before autumn".</p>
    <p>"Every Patriot means lives saved in Kharkiv, in Dnipro, in Kyiv. Thank you, Germany," Zelenskiy said.</p>
    <p>Zelenskiy's chief of staff Andriy Yermak said a new prisoner exchange with Russia was "close", repeating his statement that Kyiv had been in contact with Moscow through Turkish intermediaries. The Kremlin has denied that any such contacts took place. "Diplomacy is never easy, but we do not give up," Yermak wrote on Telegram.</p>
    <div class="donate-box"><p>Independent journalism from the region needs your support. Become a member today.</p></div>
    <p>In Dnipro, residents laid flowers on Wednesday at the site of the apartment block hit by a Russian missile in the night to Tuesday. The city council declared two days of mourning.</p>
    <p>According to the Ukrainian air force, Russia launched 87 drones at Ukraine overnight into Wednesday, 71 of which were shot down or jammed.</p>
    <p>A German government spokesman said in Berlin that Chancellor Friedrich Merz and Zelenskiy would discuss further support by phone later this week.</p>
    <p>Ukraine has repeatedly asked its Western partners for more Patriot systems, which are among the few able to intercept Russian ballistic missiles.</p>
  </section>
  <div class="tags">Tags: <a href="/tag/zelenskiy">Zelenskiy</a> <a href="/tag/germany">Germany</a> <a href="/tag/air-defence">Air defence</a></div>
  <div class="comments-box"><p>Leave a comment</p></div>
</main>
<aside class="sidebar">
  <h3>Latest</h3>
  <ul><li><a href="/baltics/estonia-border">Estonia reinforces border posts</a></li><li><a href="/poland/farmers-protest">Polish farmers block border crossing</a></li></ul>
</aside>
</div>
<footer><p>&copy; 2025 Eastern Europe Monitor &middot; <a href="/about">About</a> &middot; <a href="/ethics">Ethics policy</a></p></footer>
</body>
</html>
"""

# (url, html, crawl time, server date header)
PAGES = [
    (
        "https://www.atlanticdispatch.example/economy/europe-braces-trump-tariffs-friday-deadline",
        ATLANTIC_DISPATCH,
        "2025-07-31T06:12:03Z",
        "Thu, 31 Jul 2025 06:12:03 GMT",
    ),
    (
        "https://eemonitor.example/ukraine/2025/07/30/zelenskiy-thanks-berlin-patriots-prisoner-swap",
        EASTERN_EUROPE_MONITOR,
        "2025-07-31T06:12:41Z",
        "Thu, 31 Jul 2025 06:12:41 GMT",
    ),
]


def _record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(_NS, name)}>"


def build(path: Path = OUT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = (
            b"software: lagebild examples/make_warc.py (warcio)\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"description: fictional example articles written for lagebild\r\n"
        )
        writer.write_record(
            writer.create_warc_record(
                path.name,
                "warcinfo",
                payload=BytesIO(info),
                length=len(info),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Record-ID": _record_id("warcinfo"),
                    "WARC-Date": PAGES[0][2],
                    "WARC-Filename": path.name,
                },
            )
        )
        for url, html, crawl_time, server_date in PAGES:
            body = html.encode("utf-8")
            http = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Date", server_date),
                    ("Server", "nginx"),
                ],
                protocol="HTTP/1.1",
            )
            response = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Record-ID": _record_id("response " + url),
                    "WARC-Date": crawl_time,
                },
            )
            parts = urlsplit(url)
            request_http = StatusAndHeaders(
                f"GET {parts.path} HTTP/1.1",
                [
                    ("Host", parts.netloc),
                    ("User-Agent", "Mozilla/5.0 (compatible; lagebild-examples/1.0)"),
                    ("Accept", "text/html"),
                ],
                is_http_request=True,
            )
            request = writer.create_warc_record(
                url,
                "request",
                http_headers=request_http,
                warc_headers_dict={"WARC-Record-ID": _record_id("request " + url)},
            )
            writer.write_request_response_pair(request, response)
    return path


if __name__ == "__main__":
    print(build())
