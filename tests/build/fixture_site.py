"""A tiny bilingual site with the real hooks and data formats, for fault tests.

Each test writes one fault into it and asserts the exact message the strict
build prints (in the manner of MkDocs' own build tests).
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from sitebuild import ROOT, build

MKDOCS_YML = """\
site_name: fixture
strict: true
site_dir: !ENV [SITE_DIR, site]
theme:
  name: material
  language: zh
exclude_docs: |
  _data/
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
  - hooks/i18n_parity.py
  - hooks/references.py
  - hooks/glossary.py
  - hooks/editorial.py
"""

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

CORRECTIONS = """\
corrections: []
notes: []
"""


class FixtureSite:
    def __init__(self, root: Path):
        self.root = root
        docs = root / "docs"
        (docs / "_data" / "corrections").mkdir(parents=True)
        shutil.copytree(ROOT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
        # the templates the hooks render generated pages with
        shutil.copytree(ROOT / "overrides" / "partials" / "generated", root / "overrides" / "partials" / "generated")
        shutil.copy(ROOT / "docs" / "_data" / "labels.yml", docs / "_data" / "labels.yml")
        self.write("mkdocs.yml", MKDOCS_YML)
        self.write("docs/index.md", "# 首页 { #home }\n")
        self.write("docs/index.en.md", "# Home { #home }\n")
        self.write("docs/chapter.md", CHAPTER_ZH)
        self.write("docs/chapter.en.md", CHAPTER_EN)
        self.write("docs/references.md", "# 参考文献 { #references }\n\n[[references]]\n")
        self.write("docs/references.en.md", "# References { #references }\n\n[[references]]\n")
        self.write("docs/glossary.md", "# 术语表 { #glossary }\n\n[[glossary]]\n")
        self.write("docs/glossary.en.md", "# Glossary { #glossary }\n\n[[glossary]]\n")
        self.write("docs/_data/glossary.yml", GLOSSARY)
        self.write("docs/_data/references.yml", REFERENCES)
        self.write("docs/_data/corrections/fixture.yml", CORRECTIONS)

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")

    def read(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        assert old in text, f"fixture text {old!r} not in {name}"
        self.write(name, text.replace(old, new, 1))

    def build(self):
        return build(self.root, self.root / "site")


def warnings(result) -> list[str]:
    """The WARNING lines of a build, without the level prefix."""
    return [
        line.split(" -  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("WARNING") and " -  " in line
    ]


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
