// Citation popovers: a click or tap on a citation number opens, in place, what
// is known of that reference — its entry in the chapter's "References cited"
// list (claim, status, DOI when identified) and a link to the full entry.
// Escape, the close button or a tap outside closes it and gives focus back to
// the citation. Ctrl/Cmd/Shift/middle clicks, and pages without the list
// (where there is nothing to show in place), follow the link as before. The
// parallel view has one list per column, and a citation opens its column's entry.
(function () {
  "use strict";

  var list = null;
  // The interface words (docs/_data/labels.yml) of each language, embedded once
  // per page by the build (overrides/partials/site-labels.html); the page's own
  // language's, or those of the language an element is in (a parallel-view column)
  var labelsBlock = document.getElementById("site-labels");
  var LABELS = labelsBlock ? JSON.parse(labelsBlock.textContent) : {};
  function wordsOf(element) {
    var inLang = element.closest("[lang]") || document.documentElement;
    return LABELS[inLang.getAttribute("lang").split("-")[0]] || {};
  }
  var popover = null;
  var opener = null;

  // the popover speaks the language of the list its entry comes from
  function words(key, n) {
    return (wordsOf(list)[key] || "").replace("{n}", n);
  }

  // The entry of reference n. On the parallel view each column has its own list, in
  // its language: a citation in the English column opens the English entry.
  function entryFor(link, n) {
    var column = link.closest(".parallel-col");
    var scope = column ? '.parallel-col[lang="' + column.getAttribute("lang") + '"] ' : "";
    return document.querySelector(scope + '.chapter-references [data-ref="' + n + '"]');
  }

  function close(restoreFocus) {
    if (!popover || popover.hidden) return;
    popover.hidden = true;
    if (opener) opener.setAttribute("aria-expanded", "false");
    if (restoreFocus && opener) opener.focus();
    opener = null;
  }

  function build() {
    popover = document.createElement("div");
    popover.className = "citation-popover md-typeset";
    popover.setAttribute("role", "dialog");
    popover.id = "citation-popover";
    popover.tabIndex = -1;
    popover.hidden = true;
    document.body.appendChild(popover);
    popover.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.stopPropagation();
        close(true);
      }
    });
  }

  function place(link) {
    var rect = link.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    popover.style.width = width + "px";
    var left = Math.max(8, Math.min(rect.left + window.scrollX - 16, window.scrollX + document.documentElement.clientWidth - width - 8));
    popover.style.left = left + "px";
    popover.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  function open(link, n) {
    // an entry reads the same in every chapter's list (the print page has them all)
    var entry = entryFor(link, n);
    if (!entry) return false;
    list = entry.closest(".chapter-references");
    popover.textContent = "";
    var close_ = document.createElement("button");
    close_.type = "button";
    close_.className = "citation-popover__close";
    close_.setAttribute("aria-label", words("popover_close", n));
    close_.title = words("popover_close", n);
    close_.textContent = "×";
    close_.addEventListener("click", function () {
      close(true);
    });
    // the entry's content, not the <li> itself (a list item needs its list)
    var body = document.createElement("div");
    body.className = "citation-popover__body";
    Array.prototype.forEach.call(entry.children, function (child) {
      body.appendChild(child.cloneNode(true));
    });
    popover.append(close_, body);
    popover.setAttribute("aria-label", words("popover_label", n));
    opener = link;
    link.setAttribute("aria-expanded", "true");
    popover.hidden = false;
    place(link);
    popover.focus();
    return true;
  }

  function setUp() {
    list = document.querySelector(".chapter-references");
    if (!list) return;
    build(); // now, so that the links' aria-controls names an element
    document.querySelectorAll("sup.citation a[href*='#ref-']").forEach(function (link) {
      link.setAttribute("aria-haspopup", "dialog");
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-controls", "citation-popover");
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        var n = link.hash.replace("#ref-", "");
        if (opener === link && !popover.hidden) {
          event.preventDefault();
          close(true);
          return;
        }
        close(false);
        if (open(link, n)) event.preventDefault();
      });
    });
    // a tap or click anywhere else closes it
    document.addEventListener("pointerdown", function (event) {
      if (!popover || popover.hidden) return;
      if (popover.contains(event.target) || (opener && opener.contains(event.target))) return;
      close(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close(true);
    });
    // focus leaving the popover (Tab past its last link) closes it
    document.addEventListener("focusin", function (event) {
      if (popover && !popover.hidden && !popover.contains(event.target) && event.target !== opener) close(false);
    });
  }

  // On a touch screen the popover is the preview: drop the links' hover titles,
  // which a tap would show as a tooltip (abbr-tooltips.js) over the popover.
  // A mouse keeps the hover preview.
  if (window.matchMedia && window.matchMedia("(hover: none)").matches) {
    document.querySelectorAll("sup.citation a[title]").forEach(function (link) {
      link.removeAttribute("title");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
