// Content tooltips on demand (Material's content.tooltips is off, see
// hooks/lazy_tooltips.py): one shared tooltip, shown for the titled element in
// the content under the pointer or tapped, or holding the keyboard focus —
// glossary and citation links, abbreviations (<abbr data-preview title>),
// clickable Mermaid nodes (<g data-preview title>; Mermaid wraps a node's group
// in its link, so a focused node link shows its group's title). Nothing runs
// at load but a few listeners.
(function () {
  "use strict";

  // [data-title]: the element whose tooltip is shown (its title moved there)
  var SELECTOR = ".md-content [title], .md-content [data-title]";
  var tip = null;
  var shown = null;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "abbr-tooltip md-typeset";
      tip.setAttribute("role", "tooltip");
      tip.id = "abbr-tooltip";
      document.body.appendChild(tip);
    }
    return tip;
  }

  function show(abbr) {
    if (shown === abbr) return;
    hide();
    // the text moves to data-title while shown, so the browser's own title
    // tooltip does not appear on top of this one
    var text = abbr.getAttribute("title") || abbr.getAttribute("data-title");
    abbr.setAttribute("data-title", text);
    abbr.removeAttribute("title");
    abbr.setAttribute("aria-describedby", "abbr-tooltip");
    var box = tooltip();
    box.textContent = text;
    var rect = abbr.getBoundingClientRect();
    var width = Math.min(box.offsetWidth || 320, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = rect.bottom + window.scrollY + 8 + "px";
    box.classList.add("abbr-tooltip--active");
    shown = abbr;
  }

  function hide() {
    if (!shown) return;
    shown.setAttribute("title", shown.getAttribute("data-title"));
    shown.removeAttribute("data-title");
    shown.removeAttribute("aria-describedby");
    tip.classList.remove("abbr-tooltip--active");
    shown = null;
  }

  function target(event) {
    return event.target.closest ? event.target.closest(SELECTOR) : null;
  }

  document.addEventListener("pointerover", function (event) {
    var abbr = target(event);
    if (abbr) show(abbr);
    else if (shown && event.pointerType === "mouse") hide();
  });
  // a diagram's node link holds the focus; its title is on the node group inside it
  function focused(event) {
    var link = event.target;
    var inDiagram = link.matches && link.matches(".md-content svg a");
    return target(event) || (inDiagram ? link.querySelector(":scope > [title], :scope > [data-title]") : null);
  }

  document.addEventListener("focusin", function (event) {
    var abbr = focused(event);
    abbr ? show(abbr) : hide();
  });
  document.addEventListener("click", function (event) {
    if (!target(event)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", hide, { passive: true });
})();
