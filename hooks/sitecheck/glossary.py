"""The glossary: data checks, term consistency in the text, and what it renders to
(the glossary pages, abbreviation tooltips, Chinese search segmentation)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html import escape, unescape

from pypinyin import lazy_pinyin

from . import htmlscan
from .data import Record
from .findings import Finding
from .markdown import content_lines, parse_sections, parsed
from .model import html_language
from .schema import DATA_LANGUAGES, Checked, check_glossary, shown_variant

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
GREEK = "αβγκ"
# What may not touch a Latin term for it to count as a use (a hyphen may not precede it either):
# the one definition of a term's edges for term_pattern(), usage()'s test and the first-use links
WORD_EDGE = rf"A-Za-z0-9{GREEK}"
# Spans of a Markdown line that are not running text: code, tags, link targets,
# attribute lists, citation and note markers, and titles quoted verbatim in 《》.
NOT_TEXT_RE = re.compile(
    r"《[^》]*》|`[^`]*`|<[^>]+>|\]\([^)]*\)|\{[^}]*\}|\[@[^\]]*\]|\[\[[^\]]*\]\]|https?://\S+|\"[^\"]*\":?(?=\s*$)"
)
# A Latin token that may be an abbreviation: IL-17, TNF-α, CD8, Th17, DCs, MHC …
TOKEN_RE = re.compile(rf"(?<![A-Za-z0-9_\-/#.=]])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9{GREEK}]+)*[{GREEK}]?")
ROMAN_RE = re.compile(r"^[IVX]+$")
# Source text that has no section number: the abstract and the introduction
UNNUMBERED_SOURCE_SECTIONS = {"abstract", "source-english-abstract", "introduction"}


@dataclass(frozen=True)
class Variant:
    text: str  # what must not appear (a literal, or a regular expression after 're:')
    entry: str  # the glossary id whose preferred term replaces it
    preferred: str

    @cached_property  # read for every line of every page
    def pattern(self) -> re.Pattern:
        if self.text.startswith("re:"):
            return re.compile(self.text[3:])
        return re.compile(re.escape(self.text))

    @property
    def shown(self) -> str:
        """What readers see: a pattern's word without its look-around conditions."""
        return shown_variant(self.text)


def record_findings(records: list[Record] | Checked, path: str) -> list[Finding]:
    """Schema errors (missing or mistyped fields, invalid ids), duplicate ids and abbreviations."""
    checked = records if isinstance(records, Checked) else check_glossary(records, path)
    findings = list(checked.findings)
    ids: dict[str, int] = {}
    abbrs: dict[str, int] = {}
    for record in checked.usable:
        entry_id = record.get("id")
        if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
            continue  # the schema's finding
        if entry_id in ids:
            findings.append(
                Finding(
                    path,
                    record.line,
                    f"glossary id '{entry_id}' is used twice (first at line {ids[entry_id]}); "
                    "ids must be unique: rename or merge the entries.",
                )
            )
        ids.setdefault(entry_id, record.line)
        abbr = record.get("abbr")
        if abbr:
            if abbr in abbrs:
                findings.append(
                    Finding(
                        path,
                        record.line,
                        f"abbreviation '{abbr}' of '{entry_id}' is already defined at line {abbrs[abbr]}; "
                        "one abbreviation, one entry.",
                    )
                )
            abbrs.setdefault(abbr, record.line)
    return findings


def synonym_findings(records: list[Record], path: str) -> list[Finding]:
    """Every synonym pair resolves to one entry: 'see' names an entry that is
    not itself a synonym, and the synonym keeps no definition of its own."""
    findings = []
    by_id = {record.get("id"): record for record in records}
    for record in records:
        target = record.get("see")
        if not target:
            continue
        entry_id = record.get("id")
        if target not in by_id or target == entry_id:
            findings.append(
                Finding(
                    path,
                    record.line,
                    f"glossary entry '{entry_id}' says 'see: {target}', but there is no other entry with that id; "
                    "name the entry that holds the definition.",
                )
            )
        elif by_id[target].get("see"):
            findings.append(
                Finding(
                    path,
                    record.line,
                    f"glossary entry '{entry_id}' says 'see: {target}', which is itself a synonym of "
                    f"'{by_id[target].get('see')}'; point 'see' at the entry that holds the definition.",
                )
            )
        if record.get("def") is not None:
            findings.append(
                Finding(
                    path,
                    record.line,
                    f"glossary entry '{entry_id}' has both 'see: {target}' and a definition; a synonym has one "
                    f"definition, in '{target}': move the text there and remove 'def'.",
                )
            )
    return findings


def note_link_findings(records: list[Record], path: str, note_ids: set[str], folder: str) -> list[Finding]:
    """An entry's 'note' names an editor's note that exists (in ``folder``, the corrections')."""
    return [
        Finding(
            path,
            record.line,
            f"glossary entry '{record.get('id')}' links to editor's note '{record.get('note')}', which does not "
            f"exist; use the id of a note under 'notes:' in {folder}/.",
        )
        for record in records
        if record.get("note") and record.get("note") not in note_ids
    ]


def synonyms_of(records: Iterable[Record]) -> dict[str, list[Record]]:
    """entry id -> the entries that say 'see: <id>'."""
    result: dict[str, list[Record]] = {}
    for record in records:
        if record.get("see"):
            result.setdefault(record.get("see"), []).append(record)
    return result


def variants(records: Iterable[Record]) -> list[Variant]:
    result = []
    for record in records:
        for text in record.get("variants") or []:
            result.append(Variant(str(text), record.get("id"), record.get("zh") or ""))
    return result


def text_of(line: str) -> str:
    """The running text of a Markdown line (markup replaced by spaces)."""
    return NOT_TEXT_RE.sub(" ", line)


def diagram_lines(text: str) -> list[tuple[int, str]]:
    """(line number, reader-visible text) of the lines inside ```mermaid blocks:
    node labels, edge labels, accTitle/accDescr and click tooltips (link targets removed)."""
    return [
        (number, re.sub(r'\bhref\s+"[^"]*"', " ", line))
        for fence in parsed(text).blocks.fences
        if fence.info.startswith("mermaid")
        for number, line in fence.lines
    ]


def variant_findings(path: str, text: str, forbidden: list[Variant], glossary_path: str) -> list[Finding]:
    """Variant spellings used instead of the glossary's preferred term, in the
    running text and in what diagrams show (labels, descriptions, tooltips)."""
    findings = []
    lines = sorted([(n, text_of(line)) for n, line in content_lines(text)] + diagram_lines(text))
    # a plain variant found in a line is found in the lines joined: one search of the page each,
    # not one per line (a pattern, 're:', is looked for line by line, as its anchors mean there)
    joined = "\n".join(running for _number, running in lines)
    forbidden = [variant for variant in forbidden if variant.text.startswith("re:") or variant.text in joined]
    for number, running in lines:
        for variant in forbidden:
            for match in variant.pattern.finditer(running):
                findings.append(
                    Finding(
                        path,
                        number,
                        f"'{match.group(0)}' is a variant spelling of glossary term '{variant.entry}'; "
                        f"write the preferred term as listed in {glossary_path} ('{variant.preferred}').",
                    )
                )
    return findings


def normal_abbreviation(token: str) -> str:
    return token.rstrip("+")


def looks_like_abbreviation(token: str) -> bool:
    uppercase = sum(1 for c in token if c.isupper())
    has_digit = any(c.isdigit() for c in token)
    if ROMAN_RE.match(token):
        return False
    return uppercase >= 2 or (uppercase >= 1 and has_digit)


def known_abbreviation(token: str, known: set[str]) -> bool:
    """True when the token is a glossary abbreviation, its plural, or a form of one (IL-17A, CD8+)."""
    token = normal_abbreviation(token)
    if token in known or (token.endswith("s") and token[:-1] in known):
        return True
    return any(token.startswith(abbr) and not token[len(abbr)].isdigit() for abbr in known if len(token) > len(abbr))


def abbreviation_findings(path: str, text: str, known: set[str], glossary_path: str) -> list[Finding]:
    """Abbreviations in running text that no glossary entry explains."""
    findings = []
    reported: set[str] = set()
    for number, line in content_lines(text):
        if line.lstrip().startswith(("accTitle", "accDescr")):
            continue
        for match in TOKEN_RE.finditer(text_of(line)):
            token = match.group(0)
            if not looks_like_abbreviation(token) or known_abbreviation(token, known) or token in reported:
                continue
            reported.add(token)
            findings.append(
                Finding(
                    path,
                    number,
                    f"abbreviation '{token}' has no glossary entry; add an entry with 'abbr: {token}' "
                    f"to {glossary_path} (or write the term out).",
                )
            )
    return findings


def abbreviations(records: Iterable[Record]) -> set[str]:
    """Every token a glossary entry explains: its abbreviation, and the Latin
    tokens inside its terms ('CD40' in 'CD40 配体', 'MHC' in 'MHC II')."""
    known = set()
    for record in records:
        for field in ("abbr", "zh", "en"):
            value = record.get(field)
            if not value:
                continue
            known.update(normal_abbreviation(t) for t in TOKEN_RE.findall(str(value)))
            if field == "abbr":
                known.add(normal_abbreviation(str(value)))
    return known


def abbr_snippet(records: Iterable[Record], lang: str, labels: dict) -> str:
    """Python-Markdown ``abbr`` definitions, one per abbreviation, in ``lang``
    (Chinese pages give the English term too, in ``labels['term_with_gloss']``)."""
    lines = []
    for record in sorted(records, key=lambda r: -len(str(r.get("abbr") or ""))):
        abbr = record.get("abbr")
        if not abbr:
            continue
        if lang == "zh":
            title = labels["term_with_gloss"].format(term=record.get("zh"), gloss=record.get("en"))
            lines.append(f"*[{abbr}]: {title}")
        else:
            lines.append(f"*[{abbr}]: {record.get('en')}")
    return "\n".join(lines) + "\n"


def jieba_user_dictionary(records: Iterable[Record]) -> str:
    """One line per Chinese term ('term frequency'), so search keeps terms whole."""
    terms = sorted({str(r.get("zh")).replace(" ", "") for r in records if r.get("zh")})
    return "".join(f"{term} 20000 n\n" for term in terms if re.search(r"[\u4e00-\u9fff]", term))


# Each term's pinyin is asked for four times per glossary page (sorting, letter, filter text);
# it depends on the term alone
@lru_cache(maxsize=4096)
def _pinyin(term: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(term, errors="default"))


def pinyin_of(term: str) -> list[str]:
    return list(_pinyin(term))


def sort_key(record: Record, lang: str) -> tuple:
    if lang == "zh":
        term = str(record.get("zh"))
        return (pinyin_of(term), term)
    return (str(record.get("en")).casefold(),)


def term_pattern(term: str) -> re.Pattern:
    if re.search(r"[\u4e00-\u9fff]", term):
        return re.compile(re.escape(term.replace(" ", "")))
    # English plurals count as uses ("autoimmune diseases", "osteoclasts")
    plural = "" if term.endswith("s") else "(?:e?s)?"
    return re.compile(rf"(?<![{WORD_EDGE}\-]){re.escape(term)}{plural}(?![{WORD_EDGE}])", re.IGNORECASE)


# re's IGNORECASE also matches "i" with the Turkish dotted and dotless i, which casefold() keeps apart
_FOLD_TURKISH_I = str.maketrans({"\u0130": "i", "\u0131": "i"})


def _folded(text: str) -> str:
    return text.translate(_FOLD_TURKISH_I).casefold()


def _term_test(term: str):
    """A test of a section's text (and its folded form) equal to ``term_pattern(term).search``,
    cheaper: a Chinese term is a plain substring; any other term's ASCII letters are looked for
    in the folded text first, and its pattern (word edges, plurals) runs only where they are."""
    if re.search(r"[\u4e00-\u9fff]", term):
        literal = term.replace(" ", "")
        return lambda text, _folded_text: literal in text
    # a term with other letters (TNF-α, IL-1β) is looked for by its longest run of ASCII, which
    # is in the folded text wherever its pattern matches, as for a term all in ASCII
    needle = _folded(term) if term.isascii() else _folded(max(re.findall(r"[\x00-\x7f]+", term) or [""], key=len))
    if not needle.strip():
        pattern = term_pattern(term)
        return lambda text, _folded_text: pattern.search(text) is not None
    plural = not term.endswith("s")  # as term_pattern's (?:e?s)?

    def found(text: str, folded_text: str) -> bool:
        if needle not in folded_text:
            return False
        return _found_at_edges(_literal(term), plural, text)

    return found


# term_pattern() compiles its two edge classes (Greek letters, IGNORECASE) anew for every term,
# ≈0.3 ms a term, 0.03 s a build: _found_at_edges() takes its steps with these, compiled once
_EDGE_BEFORE = re.compile(rf"[{WORD_EDGE}\-]", re.IGNORECASE)  # (?<![{WORD_EDGE}\-])
_EDGE_AFTER = re.compile(rf"[{WORD_EDGE}]", re.IGNORECASE)  # (?![{WORD_EDGE}])
_PLURAL_ENDINGS = (re.compile("es", re.IGNORECASE), re.compile("s", re.IGNORECASE))  # (?:e?s)?, greedy


@lru_cache(maxsize=1024)
def _literal(term: str) -> re.Pattern:
    return re.compile(re.escape(term), re.IGNORECASE)


def _found_at_edges(literal: re.Pattern, plural: bool, text: str) -> bool:
    """``term_pattern(term).search(text) is not None`` for a term that is not Chinese, given its
    ``_literal``: at some place where the term is (re's IGNORECASE, one character for one), no
    edge before it, and no edge after it or after one of the plural endings that follows it."""
    at = 0
    while (match := literal.search(text, at)) is not None:
        start, end = match.span()
        at = start + 1  # the pattern is tried at every place: occurrences may overlap
        if start > 0 and _EDGE_BEFORE.match(text, start - 1):
            continue
        ends = [end]
        if plural:
            ends += [ending.match(text, end).end() for ending in _PLURAL_ENDINGS if ending.match(text, end)]
        if any(not _EDGE_AFTER.match(text, after) for after in ends):
            return True
    return False


def usage(records: Iterable[Record], pages: dict[str, str], lang: str) -> dict[str, list[tuple[str, str, str]]]:
    """entry id -> [(page, heading id, heading title)] of the sections that use it."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    tests = {}
    for record in records:
        words = [record.get(lang), record.get("abbr")]
        tests[record.get("id")] = [_term_test(str(w)) for w in words if w]
    for page, text in pages.items():
        for section in _section_texts(text):
            heading, body = section
            # only the source's own sections, not key points or self-check questions
            if heading is None or not (heading.number or heading.id in UNNUMBERED_SOURCE_SECTIONS):
                continue
            # Chinese terms are matched with spaces removed (B 淋巴细胞 = B淋巴细胞)
            text = heading.title + "\n" + body
            text = text.replace(" ", "") if lang == "zh" else text
            folded_text = _folded(text)
            for entry_id, entry_tests in tests.items():
                if any(test(text, folded_text) for test in entry_tests):
                    found.setdefault(entry_id, []).append((page, heading.id, heading.title))
    return found


def _section_texts(text: str):
    lines = dict(content_lines(text))
    sections = parse_sections(text)
    for index, section in enumerate(sections):
        end = sections[index + 1].line if index + 1 < len(sections) else max(lines, default=0) + 1
        body = "\n".join(text_of(lines[n]) for n in range(section.line + 1, end) if n in lines)
        yield section.heading, body


def _term_with_abbr(record: Record, lang: str, labels: dict) -> str:
    term, abbr = record.get(lang), record.get("abbr")
    if not abbr:
        return str(term)
    return labels["term_with_gloss"].format(term=term, gloss=abbr)


def group_letter(record: Record, lang: str) -> str:
    """The jump-bar letter of an entry: its pinyin initial (zh) or first letter (en); '#' otherwise."""
    key = sort_key(record, lang)[0]
    first = (key[0] if lang == "zh" and key else str(key)).strip()[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def filter_text(record: Record, lang: str) -> str:
    """What the glossary's filter box matches: both terms, abbreviation, pinyin, variants."""
    zh = str(record.get("zh") or "")
    words = [zh, zh.replace(" ", ""), str(record.get("en") or ""), str(record.get("abbr") or "")]
    words.append("".join(pinyin_of(zh)).replace(" ", ""))
    words += [v.shown for v in variants([record])]
    return " ".join(w for w in words if w).casefold()


def glossary_page(records: list[Record], lang: str, labels: dict, used_in: dict, note_pages: dict | None = None) -> str:
    """The glossary page's jump bar, filter and entries for ``lang`` (HTML with Markdown inside).

    A synonym (``see: id``) shows a link to the entry that holds the one
    definition; that entry lists its synonyms. ``note: id`` adds a link to the
    editor's note of that id on the page ``note_pages[id]``."""
    from .templates import render

    other = next(code for code in DATA_LANGUAGES if code != lang)  # each entry's term in the other language
    by_id = {record.get("id"): record for record in records}
    synonyms = synonyms_of(records)
    note_pages = note_pages or {}
    groups: list[dict] = []
    for record in sorted(records, key=lambda r: (group_letter(r, lang), sort_key(r, lang))):
        letter = group_letter(record, lang)
        if not groups or groups[-1]["letter"] != letter:
            group_id = f"letter-{letter.lower()}" if letter != "#" else "letter-other"
            groups.append({"letter": letter, "id": group_id, "entries": []})
        entry_id = record.get("id")
        groups[-1]["entries"].append(
            {
                "id": entry_id,
                "term": record.get(lang),
                "abbr": record.get("abbr"),
                "other": record.get(other),
                "other_lang": html_language(other),
                "definition": str(record.get("def." + lang)) if by_id.get(record.get("see")) is None else None,
                "see": _entry_link(by_id.get(record.get("see")), lang, labels),
                "synonyms": [_entry_link(s, lang, labels) for s in synonyms.get(entry_id, [])],
                "note": f"{note_pages[record.get('note')]}.md#note-{record.get('note')}"
                if record.get("note") in note_pages
                else None,
                "avoid": [v.shown for v in variants([record])],
                "used_in": [
                    {"title": title, "link": f"{page}.md#{anchor}"} for page, anchor, title in used_in.get(entry_id, [])
                ],
                "filter": filter_text(record, lang),
            }
        )
    return render("glossary.html", groups=groups, labels=labels, lang=lang)


def _entry_link(record: Record | None, lang: str, labels: dict) -> dict | None:
    if record is None:
        return None
    return {"title": _term_with_abbr(record, lang, labels), "link": f"#{record.get('id')}"}


# --- First use of a term on a page links to its glossary entry ---------------
# Never inside headings, links, code, diagrams, citations, buttons or summaries;
# an <abbr> is linked whole (the link wraps it; its title stays as it is).
NO_LINK_INSIDE = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "script", "style", "svg", "summary"}
NO_LINK_CLASSES = {"mermaid", "citation", "source-subtitle", "section-cite", "glossary-entry", "chapter-references"}
# The editor's additions are not the source's text: learning objectives, key points,
# self-check questions and answers, editor's notes, and the figures' lead-ins and captions
# (every diagram is an editorial addition, and its nodes link to the glossary already)
EDITORIAL_CLASSES = {"objectives", "keypoints", "selfcheck", "question", "editor", "figure-caption"}


def first_use_terms(records: Iterable[Record], lang: str) -> dict[str, str]:
    """The terms to look for in the running text of a page of ``lang`` -> the entry id."""
    found = {}
    for record in records:
        if record.get(lang):
            found.setdefault(_normal(str(record.get(lang)), lang), record.get("id"))
    return found


def first_use_abbreviations(records: Iterable[Record]) -> dict[str, str]:
    """Abbreviation (exactly as written; the abbr extension has wrapped each use in <abbr>) -> the entry id."""
    return {str(r.get("abbr")): r.get("id") for r in records if r.get("abbr")}


def _normal(text: str, lang: str) -> str:
    return re.sub(r"\s+", "", text) if lang == "zh" and re.search(r"[\u4e00-\u9fff]", text) else text.casefold()


def _terms_pattern(terms: dict[str, str], lang: str) -> re.Pattern:
    return _compiled_terms_pattern(tuple(terms), lang)


# One alternation of every term of a language, asked for on every chapter page: compiled once.
# re's own cache does not keep it: the pages' Markdown compiles hundreds of patterns in between.
# Each other term is (?<![edge-])term(?:s|es)?(?![edge]), in order of length. Consecutive ones
# share their edges: (?<![edge-])(?:term1|term2)(?:s|es)?(?![edge]) tries the same things in the
# same order (the look-behind is the same for both, and re backtracks into the alternation when
# the look-ahead fails), and its edge classes (Greek letters, IGNORECASE) are compiled once, not
# once per term (0.02 s of a build's 0.025 s for this pattern).
@lru_cache(maxsize=8)
def _compiled_terms_pattern(words: tuple[str, ...], lang: str) -> re.Pattern:
    alternatives: list[str] = []
    others: list[str] = []  # consecutive terms that are not Chinese, escaped

    def add_others() -> None:
        if others:
            plural = "(?:s|es)?" if lang == "en" else ""
            alternatives.append(rf"(?<![{WORD_EDGE}\-])(?:{'|'.join(others)}){plural}(?![{WORD_EDGE}])")
            others.clear()

    for word in sorted(words, key=len, reverse=True):
        if re.search(r"[\u4e00-\u9fff]", word):
            add_others()
            alternatives.append(r"\s?".join(re.escape(c) for c in word))
        else:
            others.append(re.escape(word))
    add_others()
    return re.compile("|".join(alternatives), re.IGNORECASE)


@lru_cache(maxsize=8)
def _terms_finder(words: tuple[str, ...]) -> re.Pattern:
    """Where a term may start: each term's letters (a Chinese term's with its optional spaces),
    merged into a tree by their common beginnings. It matches wherever ``_terms_pattern`` does
    (and more: no word edges, no plurals). re tries the alternatives of one flat alternation one
    after another at every character of the text; this tree tries one letter at a time."""
    tree: dict = {}
    for word in words:
        node = tree
        chinese = re.search(r"[\u4e00-\u9fff]", word) is not None
        for index, char in enumerate(word):
            lower = char.lower()  # the same letters as char under IGNORECASE, one key for both cases
            step = (r"\s?" if chinese and index else "") + re.escape(lower if len(lower) == 1 else char)
            node = node.setdefault(step, {})
        node[""] = {}  # a term ends here

    def branches(node: dict) -> str:
        steps = [step + branches(child) for step, child in node.items() if step]
        if not steps:
            return ""
        either = steps[0] if len(steps) == 1 else "(?:" + "|".join(steps) + ")"
        return f"(?:{either})?" if "" in node else either

    return re.compile(branches(tree), re.IGNORECASE)


def _term_matches(text: str, terms: dict[str, str], lang: str):
    """``_terms_pattern(terms, lang).finditer(text)``, seven times faster: the exact pattern is
    tried only where ``_terms_finder`` says a term may start."""
    pattern, finder = _terms_pattern(terms, lang), _terms_finder(tuple(terms))
    at = 0
    while (candidate := finder.search(text, at)) is not None:
        match = pattern.match(text, candidate.start())  # its look-behind still sees the text before
        if match is None:
            at = candidate.start() + 1
            continue
        yield match
        at = match.end()


def _entry_of(text: str, terms: dict[str, str], lang: str) -> str | None:
    key = _normal(text, lang)
    for candidate in (key, key.removesuffix("es"), key.removesuffix("s")):
        if candidate in terms:
            return terms[candidate]
    return None


def _closed(page: htmlscan.Document, element: htmlscan.Element) -> bool:
    """True when nothing inside ``element`` may be linked."""
    classes = element.classes
    if element.name in NO_LINK_INSIDE or NO_LINK_CLASSES.intersection(classes):
        return True
    return bool(EDITORIAL_CLASSES.intersection(classes)) or _figure_lead_in(page, element)


def _figure_lead_in(page: htmlscan.Document, element: htmlscan.Element) -> bool:
    """The editorial line that introduces a diagram: the paragraph right before it."""
    if element.name != "p" or element.next_sibling < 0:
        return False
    following = page.elements[element.next_sibling]
    return bool({"mermaid", "diagram"}.intersection(following.classes))


# html.unescape's character references: the text a match is found in is decoded, the page is not
CHARREF_RE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


SVG_TAG_RE = re.compile(r"<svg\b|</svg\s*>")
SVG_SET_ASIDE = '<svg data-glossary-set-aside="{}"></svg>'


def _without_svg(html: str) -> tuple[str, list[str]]:
    """The page with each top-level <svg>…</svg> (a diagram, drawn by hooks/diagrams.py) replaced
    by an empty <svg> naming its place, and the SVGs set aside. Nothing in an SVG is linked, and
    the diagrams are most of a chapter's bytes: scanned, they take longer than the rest of the
    page. Unchanged if the page holds the placeholder's text already."""
    if "data-glossary-set-aside" in html:
        return html, []
    pieces, set_aside, depth, start, last = [], [], 0, 0, 0
    for tag in SVG_TAG_RE.finditer(html):
        if tag.group(0) == "<svg":
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                pieces += [html[last:start], SVG_SET_ASIDE.format(len(set_aside))]
                set_aside.append(html[start : tag.end()])
                last = tag.end()
    return "".join(pieces) + html[last:], set_aside


def _with_svg(html: str, set_aside: list[str]) -> str:
    for number, svg in enumerate(set_aside):
        html = html.replace(SVG_SET_ASIDE.format(number), svg, 1)
    return html


def _decoded(raw: str) -> tuple[str, list[tuple[int, int, int, bool]]]:
    """``raw`` with its character references decoded (html.unescape's answer), and its pieces as
    (offset in the decoded text, offset in ``raw``, length in ``raw``, is a reference)."""
    if "&" not in raw:
        return raw, [(0, 0, len(raw), False)]
    text, pieces, at = [], [], 0
    length = 0
    for reference in CHARREF_RE.finditer(raw):
        if reference.start() > at:
            pieces.append((length, at, reference.start() - at, False))
            text.append(raw[at : reference.start()])
            length += reference.start() - at
        decoded = unescape(reference.group(0))
        pieces.append((length, reference.start(), len(reference.group(0)), True))
        text.append(decoded)
        length += len(decoded)
        at = reference.end()
    if at < len(raw):
        pieces.append((length, at, len(raw) - at, False))
        text.append(raw[at:])
    return "".join(text), pieces


def _raw_offset(pieces: list[tuple[int, int, int, bool]], offset: int, end: bool) -> int:
    """Where the decoded text's ``offset`` is in the raw text: a match never splits a reference
    (its start moves to the reference's start, its end to the reference's end)."""
    for decoded_start, raw_start, raw_length, reference in reversed(pieces):
        if decoded_start < offset or (decoded_start == offset and not end):
            if not reference:
                return raw_start + offset - decoded_start
            return raw_start + raw_length if end else raw_start
    return 0


def link_first_uses(
    html: str, terms: dict[str, str], abbrs: dict[str, str], lang: str, glossary_url: str, link_title: str
) -> str:
    """Link the first use of each glossary term on the page to its entry: a term in the
    source's running text, or an abbreviation (an <abbr>, matched exactly: 'AS' is not 'as').

    Once per page, and a page is one numbered section of the review (§1.3). Each link is a
    tab stop: linked again in every subsection (§1.3.1 … §1.3.5, a paragraph each) §1.3 had
    63 links between the skip link and its first self-check question, once per page 33
    (issue #17 asked for that path to be halved). The glossary page's "used in" still lists
    every subsection that uses a term. The editor's additions are never linked (EDITORIAL_CLASSES).

    The page is scanned (sitecheck/htmlscan.py: html.parser's nesting, as BeautifulSoup built
    it before) and the links are spliced into its text: every other byte stays as it was."""
    if not terms:
        return html
    html, set_aside = _without_svg(html)
    page = htmlscan.scan(html)
    elements = page.elements
    # per element (parents come first): nothing inside may be linked; inside an <abbr>; inside
    # an element whose text is not plain text to BeautifulSoup
    closed, in_abbr, other_text = [], [], []
    for element in elements:
        parent = element.parent
        closed.append((parent >= 0 and closed[parent]) or _closed(page, element))
        in_abbr.append(element.name == "abbr" or (parent >= 0 and in_abbr[parent]))
        other_text.append(element.name in htmlscan.OTHER_STRING_ELEMENTS or (parent >= 0 and other_text[parent]))
    title = escape(link_title)

    def opening(entry_id: str) -> str:
        return f'<a class="glossary-link" href="{escape(f"{glossary_url}#{entry_id}")}" title="{title}">'

    insertions: list[tuple[int, str]] = []  # (offset in html, markup), in reading order
    linked: set[str] = set()
    wrapped: set[int] = set()  # the <abbr> elements now inside a link: nothing inside them is linked
    for position, node in enumerate(page.nodes):
        parent = node.parent
        if parent >= 0 and closed[parent]:
            continue
        if isinstance(node, htmlscan.Element):
            if node.name != "abbr" or any(index in wrapped for index in page.ancestors(node)):
                continue
            text = "".join(
                page.text(later)
                for later in page.inside(position)
                if isinstance(later, htmlscan.Text)
                # get_text(): plain strings and CDATA, not the strings of script, template, ruby text…
                and (later.cdata or not (later.parent >= 0 and other_text[later.parent]))
            )
            entry_id = abbrs.get(text) or abbrs.get(text.rstrip("s"))
            if entry_id and entry_id not in linked:
                linked.add(entry_id)
                wrapped.add(node.index)
                insertions += [(node.start, opening(entry_id)), (node.end, "</a>")]
            continue
        if node.cdata or (parent >= 0 and (in_abbr[parent] or other_text[parent])):
            continue
        text, pieces = _decoded(html[node.start : node.end])
        if not text.strip():
            continue
        for match in _term_matches(text, terms, lang):
            entry_id = _entry_of(match.group(0), terms, lang)
            if not entry_id or entry_id in linked:
                continue
            linked.add(entry_id)
            insertions.append((node.start + _raw_offset(pieces, match.start(), False), opening(entry_id)))
            insertions.append((node.start + _raw_offset(pieces, match.end(), True), "</a>"))
    pieces_out, at = [], 0
    for offset, markup in sorted(insertions, key=lambda insertion: insertion[0]):  # stable: reading order
        pieces_out += [html[at:offset], markup]
        at = offset
    return _with_svg("".join(pieces_out) + html[at:], set_aside)
