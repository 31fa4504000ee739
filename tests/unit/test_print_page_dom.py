"""The print page's DOM as printed (hooks/sitecheck/printpage.py), on print-site's markup:
page sections nested in the nav's sections."""

from __future__ import annotations

from sitecheck import printpage

PAGE = """<html><head><title>t</title></head><body><div id="print-site-page">
<section class='print-page md-section' id='section-1' heading-number='1'><h1 id="x">Part</h1>
<section class="print-page" id="immunology-t-cells" heading-number="1.1">
<h2 id="immunology-t-cells-th17">Th17</h2><div id="note-1">n</div><div id="__tabbed_1_1">tab</div>
<div class="diagram"><svg id="fig-1"><a xlink:href="#immunology-t-cells-th17"><text>t</text></a></svg></div>
</section></section>
<section class="print-page" id="references"><div id="ref-3">r</div><div id="references-ref-4">taken</div>
<div id="ref-4">dup</div></section>
</div></body></html>"""


def ids(html: str) -> set[str]:
    soup = printpage.parse(html)
    printpage.prefix_ids(soup)
    return {tag["id"] for tag in soup.find_all(id=True)}


def test_every_page_element_gets_its_page_prefixed_id_and_sections_keep_theirs():
    found = ids(PAGE)
    assert {"section-1", "immunology-t-cells", "references"} <= found  # the sections themselves
    assert {"immunology-t-cells-note-1", "references-ref-3", "section-1-x"} <= found
    assert "immunology-t-cells-th17" in found and "immunology-t-cells-immunology-t-cells-th17" not in found


def test_material_and_diagram_ids_and_taken_ids_stay():
    found = ids(PAGE)
    assert {"__tabbed_1_1", "fig-1", "ref-4", "references-ref-4"} <= found
