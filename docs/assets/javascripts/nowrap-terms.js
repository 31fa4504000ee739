// Abbreviations never break inside (IL-17, TNF-α, M-CSF): a narrow phone screen
// otherwise breaks them at the hyphen. Glossary abbreviations are <abbr> and
// get white-space: nowrap from extra.css; this wraps the ones written without
// a glossary tooltip (IL-17A, a term inside a heading or a caption) in a
// nowrap span. Text only: not inside code, diagrams, or an existing <abbr>.
(function () {
  "use strict";

  // an uppercase-led token with a hyphen before a capital, digit or Greek letter
  var TERM = /[A-Z][A-Za-z0-9]*(?:-[A-Z0-9\u03b1-\u03c9][A-Za-z0-9\u03b1-\u03c9]*)+/g;
  var SKIP = "abbr, code, pre, svg, script, style, .nowrap, .mermaid, .diagram";

  function wrap(node) {
    var text = node.nodeValue;
    TERM.lastIndex = 0;
    if (!TERM.test(text)) return;
    var fragment = document.createDocumentFragment();
    var at = 0;
    text.replace(TERM, function (match, offset) {
      if (offset > at) fragment.append(text.slice(at, offset));
      var span = document.createElement("span");
      span.className = "nowrap";
      span.textContent = match;
      fragment.append(span);
      at = offset + match.length;
      return match;
    });
    if (at < text.length) fragment.append(text.slice(at));
    node.replaceWith(fragment);
  }

  // Elements are visited too, so a skipped element drops its whole subtree at once (asking
  // each text node's ancestors with closest() was most of this script's time on the glossary);
  // only text with a hyphen can hold a term
  function setUp() {
    document.querySelectorAll(".md-content .md-typeset").forEach(function (root) {
      var walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            return node.matches(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
          }
          return node.nodeValue.indexOf("-") >= 0 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        },
      });
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(wrap);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
