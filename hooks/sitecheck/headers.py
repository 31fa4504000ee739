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
from html.parser import HTMLParser

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


class _InlineCodeParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)  # script text must stay byte-exact
        self.found = InlineCode()
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        for name, _value in attrs:
            if name.startswith("on"):
                self.found.handlers.append((self.getpos()[0], tag, name))
        if tag == "script" and "src" not in names and is_executable(names.get("type")):
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.found.scripts.append("".join(self._script))
            self._script = None


def inline_code(html: str) -> InlineCode:
    """Inline scripts and event-handler attributes of one document.

    Browsers hash the script text after newline normalisation (CR LF -> LF),
    so the text is normalised the same way first.
    """
    parser = _InlineCodeParser()
    parser.feed(html.replace("\r\n", "\n").replace("\r", "\n"))
    parser.close()
    return parser.found


def _parsed(document: str | InlineCode) -> InlineCode:
    return document if isinstance(document, InlineCode) else inline_code(document)


def script_hashes(documents: dict[str, str | InlineCode]) -> list[str]:
    """The union of the inline-script hashes of ``documents`` (name -> HTML, or its
    ``inline_code`` when the caller has parsed it already), sorted."""
    return sorted({script_hash(s) for document in documents.values() for s in _parsed(document).scripts})


def handler_findings(documents: dict[str, str | InlineCode]) -> list[tuple[str, int, str]]:
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
