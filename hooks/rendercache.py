"""Rendered Markdown kept on disk between builds, for hooks whose page rendering depends only on
the page's text and on data read once per build (references, editor's notes): one file per page
answer, named by the code that renders (the hooks, sitecheck/ and its templates, Jinja's version), the
build's data and the page's own inputs. A change of any of them renders the page anew."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import plugin_internals
import sitecheck.templates
from sitecheck.diskcache import cache_folder, file_key, kept_text, key_text
from sitehook import root_of


def sitecheck_code() -> bytes:
    """The whole sitecheck package's code (what the cached answers and their imports run)."""
    package = Path(sitecheck.templates.__file__).parent
    return b"".join(path.read_bytes() for path in sorted(package.glob("*.py")))


# The hooks' own folder: the functions that render a cached answer (references.py's and
# editorial.py's rendered(), parallel.py's view_markdown()) are hook code
HOOKS = Path(__file__).parent


def hooks_code() -> bytes:
    return b"".join(path.read_bytes() for path in sorted(HOOKS.glob("*.py")))


def rendering_code() -> list[bytes | str]:
    """The hooks' and sitecheck/'s code, the templates and Jinja's version: what renders every
    answer (an edit of any hook renders every page anew: these caches serve rebuilds of one commit)."""
    import jinja2

    templates = sitecheck.templates.TEMPLATES
    template_bytes = b"".join(path.read_bytes() for path in sorted(templates.iterdir()) if path.is_file())
    return [hooks_code(), sitecheck_code(), template_bytes, jinja2.__version__]


# The code does not change within a build, and each hook and language pass asked for it anew
# (eight reads of ≈60 files and ≈0.4 MB hashed a build): read and hashed once per build, as the
# site model is made (the configuration object stands for the build)
_build_code: dict = {"config": None, "key": None}


def rendering_code_key(config) -> str:
    """``file_key(*rendering_code())``, once per build."""
    if not plugin_internals.same_build(_build_code["config"], config):
        _build_code.update(config=config, key=file_key(*rendering_code()))
    return _build_code["key"]


def cached_render(config, state: dict, name: str, build_data: Callable[[], list], inputs: list, render) -> str:
    """``render()``'s text, or the one kept for the same code, build data (``build_data()``, read
    once per build into ``state``) and page ``inputs``."""
    if "render_cache" not in state:
        root = root_of(config)
        folder = cache_folder(root, "rendered", "RENDER_CACHE_DIR") / name
        data = key_text(build_data())
        state["render_cache"] = (folder, file_key(rendering_code_key(config), data))
    folder, prefix = state["render_cache"]
    return kept_text(folder / f"{file_key(prefix, key_text(inputs))}.md", render)
