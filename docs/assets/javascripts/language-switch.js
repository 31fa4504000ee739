// Keep the page and the #section when switching language.
//
// mkdocs-static-i18n gives each page selector links to the same page in the
// other language, but they drop the #section, and Material's own alternate
// handler rewrites the click into a sitemap lookup that falls back to the
// language's home page. Both languages use the same heading ids, so we carry
// the hash over ourselves and keep Material's handler out of the way
// (capture phase + stopPropagation; the link's default navigation proceeds).
document.addEventListener(
  "click",
  function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    event.stopPropagation();
    if (!location.hash) return;
    var url = new URL(link.getAttribute("href"), location.href);
    url.hash = location.hash;
    link.setAttribute("href", url.href);
  },
  true
);
