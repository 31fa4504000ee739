"""The benchmark behind `make bench`: ratios and sizes, each a median of several runs.

Not part of `make test`: timings on a shared machine are noisy, so the targets
are reported (as ratios where a ratio makes the noise cancel), never asserted.
Writes bench/results.md and prints it.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchscale import scaled_project
from chromium import BROWSER_ARGS, CHROMIUM

from sitebuild import ROOT, build

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PAGE_WITHOUT_DIAGRAM = "autoimmune/lupus/"
PAGE_WITH_DIAGRAM = "immunology/cytokines/"
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
# Lighthouse runs per page, reported as their median (BENCH_LIGHTHOUSE_RUNS). Five, as
# Lighthouse's docs/variability.md advises ("the median Lighthouse score of 5 runs is twice as
# stable as 1 run"). One glossary run's TBT here ranged 66-348 ms; medians of 3 crossed its target.
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "5"))
# home (Figure 1), several figures, no figure, the long glossary, a parallel view
LIGHTHOUSE_PAGES = ["", PAGE_WITH_DIAGRAM, PAGE_WITHOUT_DIAGRAM, "glossary/", "parallel/immunology/cytokines/"]
SCALES = (1, 4, 16)
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed like a real host (Lighthouse measures what is sent)."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.endswith(COMPRESSIBLE) or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):  # keep the benchmark's output readable
        pass


@contextlib.contextmanager
def serve_gzip(directory: Path):
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# Search index bytes per language before issue 17 (commit 5d7f4bb, measured
# 2026-11-29): the target is at most 1.5 times these.
INDEX_BYTES_BEFORE = {"zh": 222_862, "en": 187_381}
RECALL_SAMPLE = {"zh": 400, "en": 200}


def median_seconds(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def config_without_hooks() -> Path:
    """mkdocs.yml minus the hooks: the same build with no checks or transforms.

    The theme overrides go too: their templates read what the hooks put in the
    page context (labels, publisher), so without the hooks they cannot render."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  - hooks/.*\n", "", text).replace("\nhooks:\n", "\nhooks: []\n")
    text = re.sub(r"(?m)^  custom_dir: overrides\n", "", text)
    path = ROOT / "mkdocs.nohooks.yml"  # beside mkdocs.yml so relative paths hold
    path.write_text(text, encoding="utf-8")
    return path


def build_times(out: Path) -> dict:
    def full():
        result = build(ROOT, out / "with")
        assert result.returncode == 0, result.stderr

    no_hooks = config_without_hooks()

    def bare():
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_DIR=str(out / "without"))
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--config-file", str(no_hooks)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )

    try:
        with_hooks, without = median_seconds(full), median_seconds(bare)
    finally:
        no_hooks.unlink()
    return {"with_hooks": with_hooks, "without_hooks": without, "ratio": with_hooks / without}


def hook_share(out: Path) -> dict:
    """Time inside the project's hook handlers ÷ the whole build (one process, scripts/eventtimes.py),
    as wall time and as CPU time (steadier on a shared machine). "cold": empty caches of jieba's
    words for search, of the pages' glossary links and the glossary's listing (hooks/glossary.py:
    jieba's dictionary is loaded, every chapter parsed), of git's page dates (hooks/citation.py:
    one git log for all pages), of the pages' inline code (hooks/security_headers.py: every page
    parsed), of the formatted citations (hooks/citation.py: every cite box and RIS/BibTeX file),
    of the pages' descriptions (hooks/seo.py), of the parallel views (hooks/parallel.py), of the
    pages' citations and notes (hooks/rendercache.py) and of the web app's icons (hooks/webapp.py);
    "warm": the caches a cold run filled, as in a rebuild at the same commit on the same day (the
    cite boxes carry the build's date, so a new day formats them again). The diagram cache
    (Mermaid's SVG and the finished figures) is warm in both (diagram_cost() measures it cold)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_DIR=str(out / "events"))

    def sample(cache: Path) -> dict:
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "eventtimes.py")],
            cwd=ROOT,
            env=dict(
                env,
                SEARCH_SEGMENTS_CACHE_DIR=str(cache / "search"),
                GIT_DATES_CACHE_DIR=str(cache / "git"),
                GLOSSARY_LINKS_CACHE_DIR=str(cache / "links"),
                INLINE_CODE_CACHE_DIR=str(cache / "inline-code"),
                CITATIONS_CACHE_DIR=str(cache / "citations"),
                SEO_DESCRIPTIONS_CACHE_DIR=str(cache / "seo-descriptions"),
                WEBAPP_ICONS_CACHE_DIR=str(cache / "webapp-icons"),
                PARALLEL_VIEWS_CACHE_DIR=str(cache / "parallel-views"),
                RENDER_CACHE_DIR=str(cache / "rendered"),
            ),
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    cold = [sample(out / f"caches-cold-{run}") for run in range(RUNS)]
    warm = [sample(out / "caches-cold-0") for _ in range(RUNS)]
    return {"cold": event_summary(cold), "warm": event_summary(warm)}


def event_summary(samples: list[dict]) -> dict:
    """Medians over runs of the whole build and of groups of handlers, wall and CPU ("…_cpu")."""

    def spent(handlers: dict, prefixes) -> float:
        return sum(v for k, v in handlers.items() if k.startswith(prefixes))

    summary = {}
    for suffix, total, handlers in (("", "total", "handlers"), ("_cpu", "total_cpu", "handlers_cpu")):
        groups = {
            "total": [s[total] for s in samples],
            "hooks": [spent(s[handlers], "hooks/") for s in samples],
            "glossary_config": [s[handlers].get("hooks/glossary.py:config", 0.0) for s in samples],
            "diagrams": [spent(s[handlers], "hooks/diagrams.py") for s in samples],
            "citing": [spent(s[handlers], CITING) for s in samples],
        }
        summary.update({f"{name}{suffix}": statistics.median(values) for name, values in groups.items()})
    return summary


# Issue #15's additions to the build: citation metadata, cite boxes and files,
# the dated history of corrections, and git's last-updated dates
CITING = ("hooks/citation.py:", "hooks/corrections_history.py:", "git-revision-date-localized:")


def flashcard_seconds(out: Path) -> float:
    """The release step that writes the Anki deck and the CSV (not part of the build)."""
    from flashcards import make_flashcards

    return median_seconds(lambda: make_flashcards(out / "flashcards", "https://example.org/"))


# Runs a command and prints its wall time, CPU time (user + system, with every
# process it waited for, Chromium included) and the largest resident set.
MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": run.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mib": usage.ru_maxrss / 1024, "stderr": run.stderr[-3000:]}))
"""


def measured_build(project: Path, site_dir: Path, cache: Path) -> dict:
    """One strict build in a fresh process, measured (see MEASURE)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_DIR=str(site_dir), DIAGRAMS_CACHE_DIR=str(cache))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml")]
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], cwd=project, env=env, capture_output=True, text=True
    )
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"build of {project} failed:\n{result['stderr']}")
    summary = re.search(r"diagrams: (\d+) drawn at build time \((\d+) by Mermaid", result["stderr"])
    result["rendered"] = int(summary.group(2)) if summary else 0
    return result


def diagram_cost(out: Path) -> dict:
    """The same build with an empty diagram cache (Chromium draws all) and then a full one."""
    cache = out / "diagram-cache"
    cold = measured_build(ROOT, out / "cold", cache)
    warm = measured_build(ROOT, out / "warm", cache)
    return {"cold": cold, "warm": warm}


def scaling(out: Path) -> dict:
    """Build time and peak memory with the chapters 1×, 4×, 16×; fitted growth exponents."""
    cache = ROOT / ".cache" / "diagrams"  # warm: the copies repeat the real diagrams
    runs = {}
    for factor in SCALES:
        project = scaled_project(out / f"scaled-{factor}", factor)
        runs[factor] = measured_build(project, out / f"scaled-{factor}-site", cache)
        shutil.rmtree(project, ignore_errors=True)

    def exponent(key: str) -> float:
        xs = [math.log(f) for f in SCALES]
        ys = [math.log(runs[f][key]) for f in SCALES]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)

    return {"runs": runs, "cpu_exponent": exponent("cpu"), "wall_exponent": exponent("wall")}


def kind_of(url: str, content_type: str) -> str:
    if "font" in content_type or re.search(r"\.(woff2?|ttf|otf)$", url):
        return "fonts"
    if "javascript" in content_type or url.endswith(".js"):
        return "JS"
    if "css" in content_type or url.endswith(".css"):
        return "CSS"
    if "html" in content_type:
        return "HTML"
    return "other"


def transferred(context, url: str) -> dict:
    """Gzip bytes per kind of resource for one page load (as a gzip-serving host sends them)."""
    sizes: dict[str, int] = {}
    mermaid = 0
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects have no body
            continue
        kind = kind_of(response.url, response.headers.get("content-type", ""))
        size = len(gzip.compress(body, mtime=0))
        sizes[kind] = sizes.get(kind, 0) + size
        if "mermaid" in response.url:
            mermaid += size
    page.close()
    return {"sizes": sizes, "mermaid": mermaid}


def pdf_times(html_build: float) -> dict:
    """`make pdf`-equivalent per language, if the PDF script is present."""
    script = ROOT / "scripts" / "pdf.py"
    if not script.exists():
        return {}
    results = {}
    with tempfile.TemporaryDirectory() as out:
        for lang in ("zh", "en"):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, str(script), "--lang", lang, "--out", out],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            seconds = time.perf_counter() - start
            pdfs = list(Path(out).glob(f"*{lang}*.pdf"))
            size = pdfs[0].stat().st_size if pdfs else 0
            results[lang] = {"seconds": seconds, "ratio": seconds / html_build, "bytes": size}
    return results


def lighthouse_run(url: str, categories: str, keep: Path | None = None) -> dict:
    """One Lighthouse run of one page; ``keep``: where to write its JSON report (trace included)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                f"--chrome-path={CHROMIUM}",
                "--chrome-flags=--headless=new " + " ".join(BROWSER_ARGS),
                f"--only-categories={categories}",
                "--output=json",
                f"--output-path={report.name}",
                "--quiet",
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        text = Path(report.name).read_text()
    if keep:
        keep.write_text(text)
    data = json.loads(text)
    failing = []
    for category in data["categories"].values():
        for ref in category["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{category['id']}: {audit['title']}")
    return {
        "scores": {k: round(v["score"] * 100) for k, v in data["categories"].items()},
        # without the performance category these audits are not run
        "tbt": data["audits"].get("total-blocking-time", {}).get("numericValue", 0),
        "lcp": data["audits"].get("largest-contentful-paint", {}).get("numericValue", 0),
        "bytes": data["audits"].get("total-byte-weight", {}).get("numericValue", 0),
        "below_100": failing,
    }


def lighthouse(
    base: str,
    categories: str = "performance,accessibility,best-practices,seo",
    runs: int = LIGHTHOUSE_RUNS,
    pages: list[str] = LIGHTHOUSE_PAGES,
) -> dict:
    """Per page, the median of ``runs`` Lighthouse runs: each score, TBT, LCP and bytes
    separately (one run of a page varies by up to 7 points on this machine); the
    audits below 100 of any run."""
    if not LIGHTHOUSE.exists():
        return {}
    scores = {}
    for path in pages:
        samples = [lighthouse_run(f"{base}/{path}", categories) for _ in range(runs)]
        scores[path or "/"] = {
            "scores": {k: statistics.median(s["scores"][k] for s in samples) for k in samples[0]["scores"]},
            "tbt": statistics.median(s["tbt"] for s in samples),
            "lcp": statistics.median(s["lcp"] for s in samples),
            "bytes": statistics.median(s["bytes"] for s in samples),
            "below_100": sorted({audit for s in samples for audit in s["below_100"]}),
            "runs": [{"performance": s["scores"].get("performance"), "tbt": s["tbt"]} for s in samples],
        }
    return scores


def search_measures(context, base: str, site: Path) -> dict:
    """Per language: index bytes (raw, gzip) against before, and recall of sampled queries (scripts/searchrecall.py)."""
    from searchrecall import chapter_pages, chinese_queries, english_queries, recall, run_queries

    measures = {}
    for lang, root in (("zh", ""), ("en", "en/")):
        data = (site / root / "search" / "search_index.json").read_bytes()
        sample = chinese_queries if lang == "zh" else english_queries
        queries = sample(site, chapter_pages(site), RECALL_SAMPLE[lang], seed=2026)
        page = context.new_page()
        results = run_queries(page, f"{base}/{root}{PAGE_WITH_DIAGRAM}", [q.text for q in queries])
        page.close()
        measures[lang] = {
            "bytes": len(data),
            "gzip": len(gzip.compress(data, mtime=0)),
            "ratio": len(data) / INDEX_BYTES_BEFORE[lang],
            "recall": recall(queries, results)[0],
            "recall_top10": recall(queries, results, top=10)[0],
            "queries": len(queries),
        }
    return measures


def precache_size(out: Path) -> tuple[Path, dict]:
    """What the service worker downloads on the first visit: the release's site build and its sw.js."""
    from serviceworker import generate

    site = out / "release"
    result = build(ROOT, site, {"SERVICE_WORKER": "true"})
    assert result.returncode == 0, result.stderr
    precache = generate(site)
    return site, {"files": len(precache.entries), "raw": precache.raw_bytes, "gzip": precache.gzip_bytes}


def report(results: dict) -> str:
    b = results["build"]
    lines = [
        "# Benchmark",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"median of {RUNS} runs; {time.strftime('%Y-%m-%d')}.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| strict build with hooks ÷ without hooks | {b['ratio']:.2f} "
        f"({b['with_hooks']:.1f} s ÷ {b['without_hooks']:.1f} s) | ≤ 1.10 |",
    ]
    caches = {
        "warm": "warm caches (a rebuild at the same commit, same day: jieba's dictionary never loaded, no git log, "
        "no page parsed twice)",
        "cold": "cold caches (jieba's dictionary loaded, in search's handler; every chapter parsed for glossary "
        "links and for the CSP's hashes; one git log per page)",
    }
    for cache, what in caches.items():
        h = results["hook_share"][cache]
        lines.append(
            f"| time inside the hooks' handlers ÷ whole build (one process), {what} | "
            f"CPU {h['hooks_cpu'] / h['total_cpu']:.2f} ({h['hooks_cpu']:.2f} s of {h['total_cpu']:.1f} s; "
            f"glossary's on_config {h['glossary_config_cpu']:.2f} s, diagrams {h['diagrams_cpu']:.2f} s); "
            f"wall {h['hooks'] / h['total']:.2f} ({h['hooks']:.2f} s of {h['total']:.1f} s) | ≤ 0.10 |"
        )
    for cache in caches:
        h = results["hook_share"][cache]
        lines.append(
            f"| citing, last-updated dates, corrections history (#15) ÷ whole build, {cache} caches | "
            f"CPU {h['citing_cpu'] / h['total_cpu']:.3f} ({h['citing_cpu']:.2f} s of {h['total_cpu']:.1f} s); "
            f"wall {h['citing'] / h['total']:.3f} ({h['citing']:.2f} s of {h['total']:.1f} s) | ≤ 0.05 |"
        )
    h = results["hook_share"]["warm"]
    if "flashcards" in results:
        lines.append(
            f"| flashcards (release step) ÷ whole build | {results['flashcards'] / h['total']:.3f} "
            f"({results['flashcards']:.2f} s) | — |"
        )
    for label, key in (("without", "no_diagram"), ("with", "diagram")):
        t = results["bytes"][key]
        split = ", ".join(f"{k} {v / 1024:.0f} KiB" for k, v in sorted(t["sizes"].items()))
        lines.append(
            f"| gzip bytes, chapter page {label} diagrams | {split}; Mermaid {t['mermaid'] / 1024:.0f} KiB | "
            f"{'0 Mermaid bytes' if key == 'no_diagram' else '—'} |"
        )
    d = results["diagram_cost"]
    lines.append(
        f"| diagrams: cold build (empty cache, Chromium draws {d['cold']['rendered']}) vs warm (cache, "
        f"{d['warm']['rendered']} drawn) | cold {d['cold']['wall']:.1f} s wall / {d['cold']['cpu']:.1f} s CPU; "
        f"warm {d['warm']['wall']:.1f} s wall / {d['warm']['cpu']:.1f} s CPU | warm starts no browser |"
    )
    sc = results["scaling"]
    steps = "; ".join(
        f"{f}×: {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU, {r['peak_mib']:.0f} MiB" for f, r in sc["runs"].items()
    )
    lines.append(
        f"| scaling (chapters ×1, ×4, ×16, both languages) | {steps}; exponent {sc['cpu_exponent']:.2f} (CPU), "
        f"{sc['wall_exponent']:.2f} (wall) | ≤ 1.1 |"
    )
    for lang, m in results.get("search", {}).items():
        kind = "2–4-character substrings" if lang == "zh" else "words"
        lines.append(
            f"| search index ({lang}): bytes ÷ before issue 17; gzip | {m['ratio']:.2f} "
            f"({m['bytes'] / 1024:.0f} KiB ÷ {INDEX_BYTES_BEFORE[lang] / 1024:.0f} KiB); "
            f"{m['gzip'] / 1024:.0f} KiB | ≤ 1.5 |"
        )
        lines.append(
            f"| search recall ({lang}), {m['queries']} random {kind} of the chapters: section among the results; "
            f"among the first 10 | {m['recall']:.1%}; {m['recall_top10']:.1%} | ≥ 99 % |"
        )
    for lang, p in results.get("pdf", {}).items():
        lines.append(
            f"| PDF ({lang}) time ÷ HTML build time; size | {p['ratio']:.2f} ({p['seconds']:.1f} s); "
            f"{p['bytes'] / 1e6:.1f} MB | zh < 8 MB |"
        )
    if "precache" in results:
        c = results["precache"]
        lines.append(
            f"| service worker precache, both languages (the first visit downloads it) | {c['files']} files, "
            f"{c['gzip'] / 1e6:.2f} MB gzip ({c['raw'] / 1e6:.2f} MB uncompressed) | ≤ 3 MB |"
        )
    for page, lh in results.get("lighthouse", {}).items():
        scores = ", ".join(f"{k} {v}" for k, v in lh["scores"].items())
        below = "; ".join(lh["below_100"]) or "—"
        lines.append(
            f"| Lighthouse {page} (gzip server), median of {len(lh['runs'])} runs | {scores}; "
            f"TBT {lh['tbt']:.0f} ms, LCP {lh['lcp'] / 1000:.1f} s, "
            f"transfer {lh['bytes'] / 1024:.0f} KiB | performance ≥ 95, TBT ≤ 200 ms, others 100"
            f"{', transfer ≤ 150 KiB' if page == PAGE_WITH_DIAGRAM else ''}; below 100: {below} |"
        )
    for page, lh in results.get("lighthouse_release", {}).items():
        scores = ", ".join(f"{k} {v}" for k, v in lh["scores"].items())
        below = "; ".join(lh["below_100"]) or "—"
        lines.append(f"| Lighthouse {page}, release site (service worker) | {scores} | 100 each; below 100: {below} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    from playwright.sync_api import sync_playwright

    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        results["build"] = build_times(out)
        results["hook_share"] = hook_share(out)
        results["flashcards"] = flashcard_seconds(out)
        results["diagram_cost"] = diagram_cost(out)
        results["scaling"] = scaling(out)
        site = out / "with"
        with serve_gzip(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
            context = browser.new_context()
            results["bytes"] = {
                "no_diagram": transferred(context, f"{base}/{PAGE_WITHOUT_DIAGRAM}"),
                "diagram": transferred(context, f"{base}/{PAGE_WITH_DIAGRAM}"),
            }
            results["search"] = search_measures(context, base, site)
            browser.close()
            results["lighthouse"] = lighthouse(base)
        # the site as published, with its service worker (performance is left out: the
        # worker's precache downloads during the measured load make it time out here)
        release, results["precache"] = precache_size(out)
        with serve_gzip(release) as base:
            results["lighthouse_release"] = lighthouse(base, "best-practices,accessibility,seo")
        results["pdf"] = pdf_times(results["build"]["with_hooks"])
    text = report(results)
    (ROOT / "bench" / "results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
