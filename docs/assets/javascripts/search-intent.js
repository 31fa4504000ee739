// Search's index is built by the search worker when the reader is about to
// search, not on every page load (hooks/search_cjk.js): focusing the search box
// (a tap on the magnifier, the keyboard shortcut, a ?q= link) tells the worker
// to start, so the index is ready or nearly so by the first keystroke. Without
// this message (no BroadcastChannel) the first query starts it.
(function () {
  "use strict";

  if (typeof BroadcastChannel === "undefined") return;
  var told = false;

  document.addEventListener(
    "focusin",
    function (event) {
      var target = event.target;
      if (told || !target || !target.matches || !target.matches("input.md-search__input")) return;
      told = true;
      var channel = new BroadcastChannel("search-index");
      channel.postMessage("build");
      channel.close();
    },
    true
  );
})();
