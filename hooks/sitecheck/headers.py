"""What a strict Content-Security-Policy must allow in the built site.

Pure functions over built HTML: the SHA-256 source expressions of every inline
script a browser would execute (``'sha256-…'``), and the inline event handler
attributes no hash can allow (they need ``'unsafe-hashes'``, which we refuse).
Data blocks (``application/json``, ``application/ld+json``, …) are never
executed, so CSP does not apply to them and they need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field

from lxml import etree

# The HTML standard's "JavaScript MIME type essence matches" list, plus "module":
# only these (or no type at all) make a <script> executable.
JAVASCRIPT_TYPES = {
    "",
    "module",
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}
# Release files fingerprinted by Material: bundle.a5f9d56c.min.js, main.8608ea7d.min.css, …
FINGERPRINTED_RE = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$")


def is_executable(script_type: str | None) -> bool:
    """True when a <script type="…"> runs as JavaScript (per the HTML standard)."""
    essence = (script_type or "").split(";", 1)[0].strip().lower()
    return essence in JAVASCRIPT_TYPES


def script_hash(source: str) -> str:
    """The CSP source expression for an inline script's exact text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass
class InlineCode:
    """The inline code of one HTML document."""

    scripts: list[str] = field(default_factory=list)  # executable inline scripts, exact text
    handlers: list[tuple[int, str, str]] = field(default_factory=list)  # (line, tag, attribute)


# libxml2's HTML parser (lxml) and two XPath queries, in C: the whole site's pages in ≈0.1 s,
# where Python's html.parser took 0.4 s (the CSP's share of a cold build). Script text is raw
# text to both (no character references decoded), and every page of the site gives the same
# scripts and handlers as html.parser did (tests/site/test_headers_file.py compares them).
_PARSER = etree.HTMLParser(collect_ids=False)  # no index of the ids, which nothing here looks up
# A built page as its bytes (UTF-8, as MkDocs writes it): libxml2 reads them as they are, where
# a str is first decoded by Python and encoded again by lxml (a third of the parse's time)
_BYTES_PARSER = etree.HTMLParser(collect_ids=False, encoding="utf-8")
_EVENT_HANDLERS = etree.XPath("//@*[starts-with(name(), 'on')]")


def _scripts(root) -> list:
    """Every <script> element in document order, as ``//script`` finds them, walked by lxml's tag
    filter in C (no node set to build and sort, as XPath does): a third of the XPath's time. The
    walk starts from each top-level element, since libxml2 keeps what follows </html> beside it."""
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    return [script for top in tops for script in top.iter("script")]


def inline_code(html: str | bytes) -> InlineCode:
    """Inline scripts and event-handler attributes of one document (its text, or its UTF-8 bytes).

    Browsers hash the script text after newline normalisation (CR LF -> LF),
    so the text is normalised the same way first.
    """
    found = InlineCode()
    if isinstance(html, bytes):
        root = etree.HTML(html.replace(b"\r\n", b"\n").replace(b"\r", b"\n"), _BYTES_PARSER)
    else:
        root = etree.HTML(html.replace("\r\n", "\n").replace("\r", "\n"), _PARSER)
    if root is None:  # no element at all
        return found
    for attribute in _EVENT_HANDLERS(root):
        element = attribute.getparent()
        found.handlers.append((element.sourceline, element.tag, attribute.attrname))
    for script in _scripts(root):
        if script.get("src") is None and is_executable(script.get("type")):
            found.scripts.append(script.text or "")
    return found


def _parsed(document: str | bytes | InlineCode) -> InlineCode:
    return document if isinstance(document, InlineCode) else inline_code(document)


def script_hashes(documents: dict[str, str | bytes | InlineCode]) -> list[str]:
    """The union of the inline-script hashes of ``documents`` (name -> HTML, or its
    ``inline_code`` when the caller has parsed it already), sorted."""
    return sorted({script_hash(s) for document in documents.values() for s in _parsed(document).scripts})


def handler_findings(documents: dict[str, str | bytes | InlineCode]) -> list[tuple[str, int, str]]:
    """(document, line, message) for each inline event handler, which the policy blocks."""
    findings = []
    for name, document in sorted(documents.items()):
        for line, tag, attribute in _parsed(document).handlers:
            findings.append(
                (
                    name,
                    line,
                    f"<{tag} {attribute}=…> is an inline event handler, which the Content-Security-Policy "
                    "blocks (a hash cannot allow it); attach the handler from a script file instead.",
                )
            )
    return findings


def fingerprinted(paths: list[str]) -> list[str]:
    """The site paths ("/assets/…") whose names carry a content hash, sorted."""
    return sorted(path for path in paths if FINGERPRINTED_RE.search(path))
