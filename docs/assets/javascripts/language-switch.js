// Keep the section when switching language. The language selector links
// (Material's `extra.alternate`, set per page by mkdocs-static-i18n) point at
// the same page in the other language but drop the #section; both languages
// use the same heading ids, so the hash can be carried over as it is.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[hreflang]");
  if (!link || !location.hash) return;
  var url = new URL(link.getAttribute("href"), location.href);
  url.hash = location.hash;
  link.setAttribute("href", url.href);
});
