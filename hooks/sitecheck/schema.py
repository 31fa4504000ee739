"""Schema models of the data files, and their errors worded as the project's messages.

pydantic checks every record of glossary.yml, references.yml and
corrections/*.yml once per build. Each error becomes a ``Finding`` at the
record's line in the words an editor needs (the same messages as before the
schema existed, plus new ones for wrongly typed values such as ``zh: 123``).

Two views of the records come out of a check:

- ``usable``: every record, minus the fields that failed validation, for the
  cross-record checks (duplicates, citations) so one bad field does not hide
  the rest of the entry;
- ``valid``: only the records that passed, normalised by the model — the only
  records the renderers ever see, so a data mistake is a message, never a
  traceback in a renderer.

Unknown fields are kept (``extra="allow"``): other hooks may read fields this
module does not know.

edition.yml and labels.yml are single mappings, not lists of records: a
problem in them stops the build with every problem listed (``EditionError``,
``LabelsError``), since no page can be made without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from .data import Record, load_mapping, load_mapping_lines
from .findings import Finding

# Text that must be there: a string (not a number or a list), not blank
Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$")]
PositiveInt = Annotated[int, Field(strict=True, gt=0)]
# A slot in an interface word that the code fills in: "Reference {n}"
PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class Bilingual(_Model):
    zh: Text
    en: Text


# The languages the data files give every text in (a term, a definition, a claim, a note): the
# only languages a site made from them can be built in (sitehook checks mkdocs.yml against them).
DATA_LANGUAGES = tuple(Bilingual.model_fields)


# A look-around condition (?=…) (?!…) (?<=…) (?<!…) with no group inside
LOOKAROUND_RE = re.compile(r"\(\?<?[=!][^()]*\)")


def shown_variant(text: str) -> str:
    """A variant as readers see it: 're:骨质疏松(?![症性])' is shown as 骨质疏松."""
    return LOOKAROUND_RE.sub("", text[3:]) if text.startswith("re:") else text


class GlossaryEntry(_Model):
    id: Id
    zh: Text
    en: Text
    abbr: Text | None = None
    def_: Bilingual | None = Field(default=None, alias="def")
    see: Id | None = None  # a synonym: the id of the entry that holds the definition
    note: Text | None = None  # the id of an editor's note the entry links to
    variants: list[Annotated[str, StringConstraints(strict=True, min_length=1)]] = []

    @field_validator("variants")
    @classmethod
    def _patterns_compile(cls, variants: list[str]) -> list[str]:
        for variant in variants:
            if variant.startswith("re:"):
                try:
                    re.compile(variant[3:])
                except re.error as error:
                    raise ValueError(f"variant {variant!r} is not a valid regular expression ({error})") from None
                shown = shown_variant(variant)
                if re.escape(shown) != shown.replace(" ", "\\ "):
                    raise ValueError(
                        f"variant {variant!r} must be a plain word with only look-around conditions "
                        "((?!…), (?=…), (?<!…), (?<=…)), so that the glossary can show it to readers"
                    )
        return variants

    @model_validator(mode="after")
    def _defined_unless_synonym(self) -> GlossaryEntry:
        if self.def_ is None and self.see is None:
            raise ValueError("no definition")  # worded by glossary_message, one message per language
        return self


class Candidate(_Model):
    citation: Text
    doi: Text | None = None
    confidence: Text | None = None
    note: Bilingual | None = None


class Reference(_Model):
    n: PositiveInt
    claim: Bilingual
    status: Literal["probable", "unknown"]
    candidate: Candidate | None = None
    cited_in: list[Annotated[str, StringConstraints(strict=True)]] = []

    @model_validator(mode="after")
    def _status_matches_candidate(self) -> Reference:
        # the message is the finding's text (see reference_message)
        if self.status == "probable" and self.candidate is None:
            raise ValueError(
                f"reference {self.n} is 'probable' but has no candidate.citation; "
                "add it from reference-candidates.md or set status: unknown."
            )
        if self.status == "unknown" and self.candidate is not None:
            raise ValueError(
                f"reference {self.n} is 'unknown' but has a candidate; set status: probable or remove the candidate."
            )
        return self


KINDS = ("character", "term", "punctuation", "word-split", "english")


class Correction(_Model):
    id: Text
    page: Text
    section: Text
    kind: Literal[KINDS]  # type: ignore[valid-type]
    source: Text
    site: Text
    count: PositiveInt = 1
    why: Bilingual


class Note(_Model):
    id: Text
    page: Text
    section: Text
    quote: Text
    zh: Text
    en: Text


@dataclass
class Checked:
    findings: list[Finding]
    usable: list[Record]  # every record, without its invalid fields
    valid: list[Record]  # the records that passed, normalised


def _field(loc: tuple) -> str:
    """('claim', 'en') -> 'claim.en'; ('variants', 2) -> 'variants'; 'def_' is written 'def'."""
    names = [str(part) for part in loc if not isinstance(part, int)]
    return ".".join("def" if name == "def_" else name for name in names)


def _is_missing(error: dict) -> bool:
    return error["type"] in ("missing", "string_too_short") or (
        error["type"] == "model_type" and error["input"] is None
    )


def _without(data: dict, loc: tuple) -> dict:
    """``data`` without the top-level field an error is about."""
    key = "def" if loc and loc[0] == "def_" else (loc[0] if loc else None)
    return {k: v for k, v in data.items() if k != key}


Messages = Callable[[Record, dict, str], "str | list[str] | None"]


def check(records: list[Record], model: type[BaseModel], path: str, message: Messages) -> Checked:
    """Validate each record; ``message(record, error, field)`` words one pydantic error."""
    findings, usable, valid = [], [], []
    for record in records:
        try:
            entry = model.model_validate(record.data)
        except ValidationError as error:
            data = record.data
            seen = set()
            for item in error.errors():
                field = _field(item["loc"])
                data = _without(data, item["loc"])
                texts = message(record, item, field)
                for text in [texts] if isinstance(texts, str) else texts or []:
                    if text not in seen:
                        seen.add(text)
                        findings.append(Finding(path, record.line, text))
            usable.append(Record(record.line, data))
            continue
        usable.append(record)
        valid.append(Record(record.line, entry.model_dump(by_alias=True, exclude_none=True)))
    return Checked(findings, usable, valid)


def _value(error: dict) -> str:
    value = error["input"]
    return f"{type(value).__name__} {value!r}" if not isinstance(value, str) else repr(value)


GLOSSARY_FIELDS = {
    "zh": "Chinese term ('zh')",
    "en": "English term ('en')",
    "def.zh": "Chinese definition ('def.zh')",
    "def.en": "English definition ('def.en')",
}


def glossary_message(record: Record, error: dict, field: str) -> str | None:
    entry_id = record.get("id")
    if field == "id":
        return (
            f"glossary entry has no valid 'id' (got {entry_id!r}); add a lowercase ASCII id such as 'bone-resorption'."
        )
    if not (isinstance(entry_id, str) and re.match(r"^[a-z0-9][a-z0-9-]*$", entry_id)):
        return None  # the invalid id is the message; the rest would only repeat it
    if not field and "no definition" in error["msg"]:
        return [
            f"glossary entry '{entry_id}' has no {GLOSSARY_FIELDS[f]}; every entry needs both languages."
            for f in ("def.zh", "def.en")
        ]
    if field == "def" and _is_missing(error):
        field_names = ("def.zh", "def.en")
        return [
            f"glossary entry '{entry_id}' has no {GLOSSARY_FIELDS[f]}; every entry needs both languages."
            for f in field_names
        ]
    if field in GLOSSARY_FIELDS and _is_missing(error):
        return f"glossary entry '{entry_id}' has no {GLOSSARY_FIELDS[field]}; every entry needs both languages."
    if field == "variants" and error["type"] == "value_error":
        return f"glossary entry '{entry_id}': {error['msg'].removeprefix('Value error, ')}; fix it."
    if field == "variants":
        return f"glossary entry '{entry_id}' has variants {_value(error)}; write a list of spellings ('- …')."
    return f"glossary entry '{entry_id}' has '{field}' {_value(error)}, which is not text; write it as text."


def reference_message(record: Record, error: dict, field: str) -> str | None:
    n = record.get("n")
    if field == "n":
        return "entry has no valid 'n' (a positive whole number); add it."
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        return None  # without a number the entry cannot be named; that message comes first
    if field == "claim" and _is_missing(error):
        return [f"reference {n} has no '{f}'; state the claim it supports." for f in ("claim.zh", "claim.en")]
    if field in ("claim.zh", "claim.en") and _is_missing(error):
        return f"reference {n} has no '{field}'; state the claim it supports."
    if field == "status":
        return f"reference {n} has status {record.get('status')!r}; use 'probable' or 'unknown'."
    if not field:  # a rule over several fields (status against candidate): its message is the text
        return error["msg"].removeprefix("Value error, ")
    if field.startswith("candidate") and record.get("status") == "unknown":
        return f"reference {n} is 'unknown' but has a candidate; set status: probable or remove the candidate."
    if field == "candidate.citation" and _is_missing(error):
        return (
            f"reference {n} is 'probable' but has no candidate.citation; "
            "add it from reference-candidates.md or set status: unknown."
        )
    if field == "cited_in":
        return f"reference {n} has cited_in {_value(error)}; write a list of 'page#section'."
    if field.startswith("candidate") and error["type"] in ("model_type", "dict_type"):
        return f"reference {n} has '{field}' {_value(error)}; write a mapping ('citation: …')."
    return f"reference {n} has '{field}' {_value(error)}, which is not valid here; see CONTRIBUTING.md."


def correction_message(what: str) -> Messages:
    def message(record: Record, error: dict, field: str) -> str | None:
        if _is_missing(error) and field == "why":
            return [f"{what} {record.get('id')!r} has no '{f}'; add it." for f in ("why.zh", "why.en")]
        if _is_missing(error):
            return f"{what} {record.get('id')!r} has no '{field}'; add it."
        if field == "kind":
            return f"correction '{record.get('id')}' has kind {record.get('kind')!r}; use one of {', '.join(KINDS)}."
        if field == "count":
            return f"{what} {record.get('id')!r} has count {_value(error)}; write a positive whole number."
        return f"{what} {record.get('id')!r} has '{field}' {_value(error)}, which is not text; write it as text."

    return message


def check_glossary(records: list[Record], path: str) -> Checked:
    return check(records, GlossaryEntry, path, glossary_message)


def check_references(records: list[Record], path: str) -> Checked:
    return check(records, Reference, path, reference_message)


def check_corrections(corrections: list[tuple[str, Record]], notes: list[tuple[str, Record]]):
    """(findings, usable corrections, valid corrections, usable notes, valid notes), each as (path, record)."""
    findings: list[Finding] = []
    out: list[list[tuple[str, Record]]] = []
    for pairs, model, what in ((corrections, Correction, "correction"), (notes, Note, "note")):
        usable, valid = [], []
        for path, record in pairs:
            checked = check([record], model, path, correction_message(what))
            findings += checked.findings
            usable += [(path, r) for r in checked.usable]
            valid += [(path, r) for r in checked.valid]
        out += [usable, valid]
    return findings, *out


def labels_findings(labels: Any, path: str, languages: list[str]) -> list[str]:
    """Problems of labels.yml: a language missing, a word missing in one language, a word not text."""
    if not isinstance(labels, dict):
        return [f"{path}: the top level must be a mapping of languages ('zh:', 'en:')."]
    problems = []
    for lang in languages:
        words = labels.get(lang)
        if not isinstance(words, dict):
            problems.append(f"{path}: no interface words for language '{lang}'; add '{lang}:' with every label.")
            continue
        for key, value in words.items():
            if not isinstance(value, str):
                problems.append(f"{path}: label '{lang}.{key}' is {value!r}, not text; write it as text.")
    keys = {lang: set(labels[lang]) for lang in languages if isinstance(labels.get(lang), dict)}
    every = set().union(*keys.values()) if keys else set()
    for lang, present in keys.items():
        for key in sorted(every - present):
            problems.append(f"{path}: label '{key}' is missing in '{lang}'; add its {lang} wording.")
    problems += placeholder_findings(labels, path, [lang for lang in languages if lang in keys])
    return problems


class LabelsError(ValueError):
    """labels.yml parsed but incomplete: its problems, one a line."""


def load_labels(text: str, path: str, languages: list[str] | None = None) -> dict[str, dict[str, str]]:
    """The interface words of labels.yml per language (every language, when none
    are named, has every word); DataError for broken YAML, LabelsError otherwise."""
    labels = load_mapping(text, path)
    problems = labels_findings(labels, path, languages or list(labels))
    if problems:
        raise LabelsError("\n".join(problems))
    return labels


def placeholder_findings(labels: dict, path: str, languages: list[str]) -> list[str]:
    """A word whose ``{name}`` slots differ between languages: the code fills the same slots in each."""
    problems = []
    if not languages:
        return problems
    first = languages[0]
    for key, value in labels[first].items():
        if not isinstance(value, str):
            continue
        slots = set(PLACEHOLDER_RE.findall(value))
        for lang in languages[1:]:
            other = labels[lang].get(key)
            if isinstance(other, str) and set(PLACEHOLDER_RE.findall(other)) != slots:
                want = ", ".join("{" + s + "}" for s in sorted(slots)) or "no {…} slot"
                problems.append(f"{path}: label '{lang}.{key}' must have the slots of '{first}.{key}' ({want}).")
    return problems


class EditionSource(_Model):
    title: dict[str, Text]  # the source's title in every language of the site
    language: Text  # the language the source is written in


class Edition(_Model):
    """edition.yml: what citations of the site say about the site and its source."""

    slug: Id  # names the edition's RIS/BibTeX and PDF files
    source: EditionSource


class EditionError(ValueError):
    """edition.yml parsed but not usable: its problems, one a line, each at its file:line."""


EDITION_FIELDS = {
    "slug": "the edition's short name, which names its RIS/BibTeX and PDF files ('slug: osteoimmunology')",
    "source": "what is known of the source ('source:' with 'title:' and 'language:')",
    "source.title": "the source's title in every language of the site ('title:' with one line per language)",
    "source.language": "the language the source is written in ('language: zh')",
}


def edition_message(field: str, error: dict, languages: list[str]) -> str:
    if _is_missing(error) and field in EDITION_FIELDS:
        return f"'{field}' is missing; add {EDITION_FIELDS[field]}."
    if field == "slug" and error["type"] == "string_pattern_mismatch":
        return f"'slug' is {_value(error)}; write lowercase letters, digits and '-' only."
    if field == "source.title" and error["type"] == "dict_type":
        return f"'source.title' is {_value(error)}; write one title per language ({', '.join(languages)})."
    if field.startswith("source.title.") and _is_missing(error):
        return f"'{field}' is empty; write the source's title in that language."
    if error["type"] in ("model_type", "dict_type"):
        return f"'{field}' is {_value(error)}; write a mapping ('{field.rsplit('.', 1)[-1]}:' with its fields)."
    return f"'{field}' is {_value(error)}, which is not text; write it as text."


def load_edition(text: str, path: str, languages: list[str]) -> Edition:
    """edition.yml, validated: DataError for broken YAML, EditionError for a missing or wrong field
    (and for a source title missing in a language of the site, or a source language the site lacks)."""
    data, lines = load_mapping_lines(text, path)

    def at(field: str) -> int:
        while field and field not in lines:  # a missing field: the line of the mapping it belongs in
            field = field.rpartition(".")[0]
        return lines.get(field, 1)

    findings = []
    try:
        edition = Edition.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            loc = [str(part) for part in item["loc"]]
            field = ".".join(loc)
            findings.append(Finding(path, at(field), edition_message(field, item, languages)))
        edition = None
    if edition is not None:
        for lang in languages:
            if lang not in edition.source.title:
                findings.append(
                    Finding(
                        path, at("source.title"), f"'source.title' has no '{lang}'; add the source's title in {lang}."
                    )
                )
        if edition.source.language not in edition.source.title:
            findings.append(
                Finding(
                    path,
                    at("source.language"),
                    f"'source.language' is {edition.source.language!r}, but 'source.title' has no title in it; "
                    "use the language of one of the titles (the source's own).",
                )
            )
    if findings:
        raise EditionError("\n".join(str(finding) for finding in sorted(findings)))
    return edition
