"""A tiny bilingual site with the real hooks and data formats, built in-process.

Each fault test writes one fault into it and asserts the exact messages the
strict build logs, in the manner of MkDocs' own ``mkdocs/tests/build_tests.py``:
``load_config`` + ``mkdocs.commands.build.build`` in this process, with a log
handler on the ``mkdocs`` logger instead of a subprocess and its stderr. The
hooks are the project's own files (``hooks/`` links to them); MkDocs keeps one
module per hook path across builds, as ``mkdocs serve`` does, so rebuilding
one fixture site shows state that is not reset per build.
"""

from __future__ import annotations

import collections
import logging
import os
import sysconfig
import textwrap
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.theme import Theme

from sitebuild import ROOT

# Material prints a banner on import unless this is set (the Makefile exports it too)
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

HOOKS = ["i18n_parity", "references", "glossary", "editorial", "parallel"]

MKDOCS_YML = """\
site_name: fixture
strict: true
site_dir: !ENV [SITE_DIR, site]
theme:
  name: material
  language: zh
exclude_docs: |
  _data/
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
plugins:
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
        - locale: zh
          default: true
          name: 中文
        - locale: en
          name: English
hooks:
""" + "".join(f"  - hooks/{name}.py\n" for name in HOOKS)

CHAPTER_ZH = """\
# 1 骨质疏松症与破骨细胞 { #chapter }

RANKL 促进破骨细胞形成[@1]。

## 1.1 小节 { #part }

骨吸收增加[@2]。
"""

CHAPTER_EN = """\
# 1 Osteoporosis and osteoclasts { #chapter }

RANKL promotes osteoclast formation[@1].

## 1.1 Part { #part }

Bone resorption increases[@2].
"""

GLOSSARY = """\
- id: osteoclast
  zh: 破骨细胞
  en: osteoclast
  def:
    zh: 导致骨质吸收的专有细胞。
    en: The cell dedicated to bone resorption.
- id: rankl
  zh: 核因子κB受体活化因子配体
  en: RANK ligand
  abbr: RANKL
  def:
    zh: 激活 RANK 受体。
    en: Activates the RANK receptor.
- id: rank
  zh: 核因子κB受体活化因子
  en: receptor activator of nuclear factor-κB
  abbr: RANK
  def:
    zh: 破骨细胞前体上的受体。
    en: The receptor on osteoclast precursors.
- id: rheumatoid-arthritis
  zh: 类风湿关节炎
  en: rheumatoid arthritis
  abbr: RA
  def:
    zh: 一种风湿病。
    en: A rheumatic disease.
  variants:
    - 类风湿性关节炎
"""

REFERENCES = """\
- n: 1
  cited_in: [chapter#chapter]
  claim:
    zh: RANKL 促进破骨细胞形成。
    en: RANKL promotes osteoclast formation.
  status: unknown
- n: 2
  cited_in: [chapter#part]
  claim:
    zh: 骨吸收增加。
    en: Bone resorption increases.
  status: unknown
"""

EDITION = """\
slug: osteoimmunology
source:
  title:
    zh: 免疫学因素在骨质疏松发病中的作用
    en: The role of immunological factors in the development of osteoporosis
  language: zh
"""

CORRECTIONS = """\
corrections: []
notes: []
"""

FILES = {
    "mkdocs.yml": MKDOCS_YML,
    "docs/index.md": "# 首页 { #home }\n",
    "docs/index.en.md": "# Home { #home }\n",
    "docs/chapter.md": CHAPTER_ZH,
    "docs/chapter.en.md": CHAPTER_EN,
    "docs/references.md": "# 参考文献 { #references }\n\n[[references]]\n",
    "docs/references.en.md": "# References { #references }\n\n[[references]]\n",
    "docs/glossary.md": "# 术语表 { #glossary }\n\n[[glossary]]\n",
    "docs/glossary.en.md": "# Glossary { #glossary }\n\n[[glossary]]\n",
    "docs/_data/glossary.yml": GLOSSARY,
    "docs/_data/references.yml": REFERENCES,
    "docs/_data/corrections/fixture.yml": CORRECTIONS,
    "docs/_data/labels.yml": (ROOT / "docs" / "_data" / "labels.yml").read_text(encoding="utf-8"),
    "docs/_data/edition.yml": EDITION,
}


@dataclass
class BuildResult:
    """What one in-process build logged, and whether it succeeded."""

    ok: bool
    warnings: list[str] = field(default_factory=list)  # messages as logged (hook prefix included)
    errors: list[str] = field(default_factory=list)
    crash: str | None = None  # the traceback of an exception that is not MkDocs' own Abort

    lines: list[str] = field(default_factory=list)  # every record from INFO up, as the CLI prints them

    @property
    def log(self) -> str:
        return "\n".join(["WARNING " + w for w in self.warnings] + ["ERROR " + e for e in self.errors])

    # the subprocess-era interface some build tests use
    @property
    def returncode(self) -> int:
        return 0 if self.ok else 1

    @property
    def stderr(self) -> str:
        return "\n".join(self.lines + ([self.crash] if self.crash else []))


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja bytecode kept in memory, keyed by template file and source checksum (an edited
    template compiles again)."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()
# The static files of the installed themes (Material, MkDocs' own), by theme folders and static
# templates: MkDocs walks Material's ~15,000 files (icons included) and matches each against its
# patterns in every build and language pass, a third of a fixture build's time
_THEME_FILES: dict[tuple, list[tuple[str, str]]] = {}
_INSTALLED = Path(sysconfig.get_paths()["purelib"])


@contextmanager
def _templates_compiled_once():
    """MkDocs makes a new Jinja environment for every build (and language pass), so each
    fixture build compiled Material's templates again, and listed the installed themes' files
    again. Across this process's fixture builds the compiled templates and the lists are
    reused; the output is the same."""
    get_env = Theme.get_env
    add_files_from_theme = Files.add_files_from_theme

    def env_with_compiled_templates(theme: Theme) -> jinja2.Environment:
        env = get_env(theme)
        env.bytecode_cache = _COMPILED
        return env

    def theme_files_listed_once(files: Files, env: jinja2.Environment, config) -> None:
        dirs = tuple(config.theme.dirs)
        if not all(Path(folder).is_relative_to(_INSTALLED) for folder in dirs):
            return add_files_from_theme(files, env, config)  # a fixture's own overrides may change
        key = (dirs, tuple(config.theme.static_templates))
        if key not in _THEME_FILES:
            listed = Files([])
            add_files_from_theme(listed, env, config)
            _THEME_FILES[key] = [(file.src_uri, file.src_dir) for file in listed]
        for path, folder in _THEME_FILES[key]:
            if files.get_file_from_path(path) is None:  # as MkDocs: theme files never replace docs files
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))

    Theme.get_env = env_with_compiled_templates
    Files.add_files_from_theme = theme_files_listed_once
    try:
        yield
    finally:
        Theme.get_env = get_env
        Files.add_files_from_theme = add_files_from_theme


def build_in_process(config_file: Path, site_dir: Path) -> BuildResult:
    """A strict ``mkdocs build`` of ``config_file`` in this process (MkDocs' build_tests style)."""
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    level = logger.level
    logger.setLevel(logging.INFO)  # as the CLI does: some tests read INFO lines
    crash = None
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        with _templates_compiled_once():
            mkdocs_build(config)
        ok = True
    except Abort:
        ok = False
    except Exception:  # a traceback is itself a finding: bad input must end in a message
        ok, crash = False, traceback.format_exc()
    finally:
        logger.removeHandler(capture)
        logger.setLevel(level)
    return BuildResult(
        ok,
        [r.getMessage() for r in capture.records if r.levelno == logging.WARNING],
        [r.getMessage() for r in capture.records if r.levelno >= logging.ERROR],
        crash,
        [f"{r.levelname:<8}-  {r.getMessage()}" for r in capture.records],
    )


class FixtureSite:
    def __init__(self, root: Path):
        self.root = root
        for name, text in FILES.items():
            self.write(name, text)
        # hooks a test adds by relative path ("hooks/x.py") resolve to the project's own
        (root / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)

    def write(self, name: str, text: str, dedent: bool = True) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")

    def read(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        assert old in text, f"fixture text {old!r} not in {name}"
        self.write(name, text.replace(old, new, 1))

    def append(self, name: str, text: str) -> None:
        self.write(name, self.read(name) + text)

    def delete(self, name: str) -> None:
        (self.root / name).unlink()

    def build(self) -> BuildResult:
        return build_in_process(self.root / "mkdocs.yml", self.root / "site")


def warnings(result) -> list[str]:
    """The WARNING messages of a build (hook prefix included): in-process, or a subprocess' stderr."""
    if isinstance(result, BuildResult):
        return list(result.warnings)
    return [
        line.split(" -  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("WARNING") and " -  " in line
    ]


def errors(result) -> list[str]:
    """The ERROR lines of a build, as the command line prints them."""
    if isinstance(result, BuildResult):
        return [f"ERROR   -  {message}" for message in result.errors]
    return [line for line in result.stderr.splitlines() if line.startswith("ERROR")]


def count_reads(monkeypatch) -> collections.Counter:
    """How often each file, by name, is read as text (``Path.read_text``) from now until the
    test ends: the site model's data files are read once per build."""
    reads = collections.Counter()
    read_text = Path.read_text

    def counting(path, *args, **kwargs):
        reads[path.name] += 1
        return read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", counting)
    return reads
