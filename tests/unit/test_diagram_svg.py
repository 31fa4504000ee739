"""The pure side of build-time diagrams: blocks, cache keys, finished SVG, error lines."""

from __future__ import annotations

from sitecheck.diagrams import (
    error_finding,
    figure_html,
    find_blocks,
    finish_svg,
    mermaid_config,
    render_key,
    replace_blocks,
)

PAGE = '<p>a</p><pre class="mermaid"><code>flowchart TD\n  a --> b\n</code></pre><p>b</p>'
SVG = (
    '<svg id="fig-1" width="100%" style="max-width: 600px;" role="graphics-document document" '
    'aria-labelledby="t" aria-describedby="d"><title id="t">T</title><desc id="d">D</desc>'
    "<style>#fig-1{fill:#fe000a;}#fig-1 .node rect{fill:#fe000c;stroke:#fe000d;}"
    "#fig-1 .edgeLabel{background-color:rgba(254, 0, 7, 0.5);}"
    "#fig-1 div.mermaidTooltip{position:absolute;}#fig-1 :root{--mermaid-font-family:x;}</style><g></g></svg>"
)


def test_blocks_are_found_and_replaced_in_order():
    blocks = find_blocks(PAGE)
    assert [b.source for b in blocks] == ["flowchart TD\n  a --> b"]
    assert replace_blocks(PAGE, blocks, ["<svg/>"]) == "<p>a</p><svg/><p>b</p>"
    assert replace_blocks(PAGE, blocks, [None]) == PAGE  # left for the reader's browser


def test_cache_key_changes_with_version_configuration_and_source():
    key = render_key("11.17.2", {}, "flowchart TD\n a")
    assert key == render_key("11.17.2", {}, "flowchart TD\n a")
    assert key != render_key("11.17.3", {}, "flowchart TD\n a")
    assert key != render_key("11.17.2", {"flowchart": {"curve": "linear"}}, "flowchart TD\n a")
    assert key != render_key("11.17.2", {}, "flowchart TD\n b")


def test_ids_are_seeded_and_user_arguments_apply():
    config = mermaid_config({"theme": "neutral"}, "abc")
    assert config["deterministicIds"] is True and config["deterministicIDSeed"] == "abc"
    assert config["theme"] == "neutral"


def test_finished_svg_follows_the_palette_and_has_an_accessible_name():
    svg = finish_svg(SVG, "0" * 64)
    assert "#fe00" not in svg and "rgba(254" not in svg
    assert "fill:var(--diagram-text)" in svg and "stroke:var(--diagram-node-border)" in svg
    assert "background-color:var(--diagram-label-bg)" in svg
    assert "mermaid" not in svg.lower()  # nothing for mkdocs-mermaid2 to re-parse
    assert 'role="img"' in svg and 'aria-labelledby="t"' in svg
    assert "max-width: 600px; min-width: 450px" in svg


def test_figure_with_links_keeps_its_links_for_screen_readers():
    linked = SVG.replace("<g></g>", '<a xlink:href="../x/"><g></g></a>')
    svg = finish_svg(linked, "0" * 64)
    assert 'role="graphics-document document"' in svg
    assert figure_html(svg).startswith('<div class="diagram" tabindex="0">')  # scrollable by keyboard


def test_parse_error_points_at_the_file_line():
    message = "Parse error on line 3:\n...TD  a --> b[x\n---------------^\nExpecting 'SQE', 'PE', got 'NEWLINE'"
    finding = error_finding("docs/x.md", 20, message)
    assert (finding.path, finding.line) == ("docs/x.md", 23)
    assert finding.message.startswith(
        "diagram does not parse: Mermaid expected 'SQE', 'PE' but got 'NEWLINE' near '...TD  a --> b[x'; fix"
    )
