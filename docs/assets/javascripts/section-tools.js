// Section tools, on every heading with an id (h1–h3 of the page content):
// - a "copy link" button that copies the section's absolute URL (#id included),
//   at the site's published address (SITE_URL) when the build has one;
// - the "cite this section" boxes the build puts under numbered headings
//   (hooks/citation.py): today's date as the access date, and a copy button.
// Plain buttons and <details>, so keyboard and screen readers work as usual.
(function () {
  "use strict";

  // The page language's interface words (docs/_data/labels.yml), embedded once
  // per page, for each language, by the build (overrides/partials/site-labels.html)
  var labelsBlock = document.getElementById("site-labels");
  var LABELS = labelsBlock ? JSON.parse(labelsBlock.textContent) : {};
  var WORDS = LABELS[(document.documentElement.getAttribute("lang") || "").split("-")[0]] || {};
  var LINK_ICON =
    '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">' +
    '<path fill="currentColor" d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 0 1 4.2 4.2l-2.1 2.1a1 1 0 1 1-1.4-1.4l2.1-2.1a1 1 0 0 0-1.4-1.4l-3.5 3.5a1 1 0 0 1-1.4 0Zm2.8-2.8a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 0 1-4.2-4.2l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a1 1 0 0 0 1.4 1.4l3.5-3.5a1 1 0 0 1 1.4 0Z"/></svg>';
  // parsed once and cloned per heading: parsing it for each of the glossary's 80
  // headings was a quarter of this script's time at load (Chromium trace)
  var ICON = document.createElement("template");
  ICON.innerHTML = LINK_ICON;

  // The heading's own words, without the ¶ permalink and our controls
  function headingTitle(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink, .section-tools").forEach(function (node) {
      node.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // The page's published address: the canonical link, made from SITE_URL at
  // build time, so a copy from the offline package or a mirror still names the
  // real site; a development build's canonical is loopback, so use where we are
  var LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;
  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href) {
      var published = new URL(canonical.href);
      if (/^https?:$/.test(published.protocol) && !LOOPBACK.test(published.hostname)) return published;
    }
    return new URL(location.href);
  }

  function sectionUrl(heading) {
    var url = pageUrl();
    url.search = ""; // drop ?h= from a search result
    url.hash = heading.id;
    return url.href;
  }

  // The reader's date, written the way the box's style writes it:
  // GB/T 7714 "2026-11-29" (Chinese pages), AMA "November 29, 2026" (English)
  function accessDate(lang) {
    var now = new Date();
    if (lang === "zh") {
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    }
    return new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric" }).format(now);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // older browsers and plain-http hosts: the selection-based fallback
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      area.remove();
      ok ? resolve() : reject(new Error("copy failed"));
    });
  }

  // Say what happened in a live region next to the button, for a moment
  function confirm(status, text) {
    status.textContent = text;
    status.classList.add("is-visible");
    clearTimeout(status._timer);
    status._timer = setTimeout(function () {
      status.classList.remove("is-visible");
      status.textContent = "";
    }, 2500);
  }

  function button(className, label, html) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.setAttribute("aria-label", label);
    element.title = label;
    element.innerHTML = html;
    return element;
  }

  function status() {
    var element = document.createElement("span");
    element.className = "section-tools__status";
    element.setAttribute("role", "status");
    return element;
  }

  // One section-link control per heading: the heading's permalink (Material's ¶,
  // a real link to #id, so "copy link address" and following it still work)
  // becomes a 24 px link icon that also copies the section's absolute URL.
  // Copy button and ¶ used to be two tab stops that wrapped onto a line of
  // their own on a phone; now the control stays on the line of the title's
  // last word (white-space: nowrap on that word and the control).
  function addCopyLink(heading) {
    var title = headingTitle(heading);
    var link = heading.querySelector("a.headerlink");
    if (!link) {
      link = document.createElement("a");
      link.href = "#" + heading.id;
    }
    link.className = "headerlink section-tools__copy";
    link.replaceChildren(ICON.content.cloneNode(true));
    // the label names the section: a list of "copy link" controls is otherwise ambiguous
    link.setAttribute("aria-label", WORDS.section_copy_link + WORDS.colon + title);
    link.title = WORDS.section_copy_link;
    var said = status();
    link.addEventListener("click", function () {
      // no preventDefault: the address bar shows the section's link, as the ¶ did
      copyText(sectionUrl(heading)).then(
        function () { confirm(said, WORDS.section_link_copied); },
        function () { confirm(said, WORDS.cite_failed); }
      );
    });
    var tools = document.createElement("span");
    tools.className = "section-tools";
    tools.append(link, said);
    keepWithLastWord(heading, tools);
  }

  // Put the control in a nowrap span together with the title's last word
  // (last Latin word, or last character of Chinese text)
  function keepWithLastWord(heading, tools) {
    var walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    var last = null;
    while (walker.nextNode()) {
      if (walker.currentNode.nodeValue.trim()) last = walker.currentNode;
    }
    var keep = document.createElement("span");
    keep.className = "section-tools__keep";
    if (!last || last.parentNode !== heading) {
      // the last word sits inside markup (an <abbr>, say): keep that element with the control
      var element = last ? last.parentNode : null;
      while (element && element.parentNode !== heading) element = element.parentNode;
      if (element) {
        element.before(keep);
        keep.append(element, tools);
      } else {
        heading.appendChild(tools);
      }
      return;
    }
    var text = last.nodeValue.replace(/\s+$/, "");
    var cut = Math.max(text.lastIndexOf(" "), text.lastIndexOf("\u00a0")) + 1;
    if (/[\u4e00-\u9fff]$/.test(text)) cut = Math.max(cut, text.length - 1);
    var tail = last.splitText(cut);
    tail.nodeValue = tail.nodeValue.replace(/\s+$/, "");
    tail.before(keep);
    keep.append(tail, tools);
  }

  // The build renders each box (hooks/citation.py) with the build date as the
  // access date; put in today's date and wire the copy button.
  function enhanceCite(box) {
    var text = box.querySelector(".section-cite__text");
    var date = box.querySelector(".section-cite__accessed");
    if (!text || box.querySelector(".section-cite__copy")) return;
    if (date) {
      date.textContent = accessDate(box.dataset.lang);
      date.setAttribute("datetime", new Date().toISOString().slice(0, 10));
    }
    var copy = button("section-cite__copy md-button", WORDS.cite_copy, WORDS.cite_copy);
    var said = status();
    copy.addEventListener("click", function () {
      copyText(text.textContent).then(
        function () { confirm(said, WORDS.cite_copied); },
        function () { confirm(said, WORDS.cite_failed); }
      );
    });
    text.after(copy, said);
  }

  function setUp() {
    var headings = document.querySelectorAll(
      ".md-content .md-typeset h1[id], .md-content .md-typeset h2[id], .md-content .md-typeset h3[id]"
    );
    headings.forEach(function (heading) {
      if (heading.querySelector(".section-tools")) return;
      addCopyLink(heading);
    });
    document.querySelectorAll("details.section-cite").forEach(enhanceCite);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
