"""Generated HTML comes from Jinja templates in overrides/partials/generated/,
not f-strings: markup in one place. ``*.html`` templates escape every value;
``*.md`` templates write Markdown (with raw HTML blocks) around Markdown the
caller gives them, which must stay as it is, so they escape nothing."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "generated"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,  # a missing label is an error, not an empty string
        keep_trailing_newline=True,
    )


def render(name: str, **values) -> str:
    return environment().get_template(name).render(**values)


def fragment(name: str, **values) -> str:
    """A piece of markup to splice into text: the template without its file's final newline."""
    return render(name, **values).removesuffix("\n")
