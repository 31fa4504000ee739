// Chinese search: any substring of two or more characters is found.
//
// Prepended by hooks/search_languages.py to Material's own search worker (one
// file, so the worker's lunr and its language files load as before, also under
// the file:// iframe shim). Runs first, on the same messages:
//
// - SETUP: every document gets two more fields, built from its Chinese text
//   (which the build already split into jieba words, joined by U+200B):
//   "cjk" (text) and "cjkt" (title). Each holds every character bigram of every
//   Chinese run — Lucene's CJK-analyzer approach — and every jieba word of two
//   or more characters, marked "_w_o_r_d" so that a whole-word hit scores more.
// - QUERY: every Chinese run of two or more characters becomes "all of its
//   bigrams are required" plus its whole word, boosted so that whole-word hits
//   rank first (title bigrams are boosted less than Material boosts titles, or
//   a title that merely contains the run would outrank them).
// - RESULT: the run is marked in each result's text and becomes the result's
//   term (for the "?h=" highlight on the page), instead of the coded tokens.
//
// Bigrams are written "a_b", never "ab": Material's worker segments Chinese in
// the query by the tokens of the index, and would cut a plain "ab" apart again.
//
// The index is built when the reader first searches, not on every page load:
// Material sends SETUP (and an empty QUERY) as each page loads, and building
// the index took 0.25-0.35 s of CPU per Chinese page in Chromium (more on a
// phone) for pages where nobody searches. SETUP is held and answered READY at
// once; the page's "build" message (docs/assets/javascripts/search-intent.js:
// the reader focused the search box) or else the first QUERY with text hands
// SETUP to Material's worker, which builds; its READY is kept back and the
// queries typed meanwhile are handed on after it, in order. An empty QUERY
// before that is answered as Material answers it ({items: []}).
(function () {
  "use strict";

  var SETUP = 0;
  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;
  var HAN_RUN = /[\p{sc=Han}\u200b]+/gu;
  var HAN = /\p{sc=Han}/u;
  var WORD_BOOST = 100;
  var TITLE_BOOST = 10;
  var MARKED = /<mark\b[^>]*>.*?<\/mark>|<[^>]*>/g;
  var lastRuns = [];

  function bigrams(run) {
    var chars = Array.from(run);
    var grams = [];
    for (var i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + "_" + chars[i + 1]);
    return grams;
  }

  function word(text) {
    return "_" + Array.from(text).join("_");
  }

  // The bigram and whole-word tokens of one field's text (markup dropped)
  function cjkTokens(text) {
    var tokens = new Set();
    var plain = String(text || "").replace(/<[^>]*>/g, " ");
    (plain.match(HAN_RUN) || []).forEach(function (run) {
      run.split("\u200b").forEach(function (w) {
        if (Array.from(w).length >= 2) tokens.add(word(w));
      });
      bigrams(run.replace(/\u200b/g, "")).forEach(function (gram) {
        tokens.add(gram);
      });
    });
    return Array.from(tokens).join(" ");
  }

  function prepareIndex(data) {
    var fields = data.config.fields;
    fields.cjk = { boost: (fields.text && fields.text.boost) || 1 };
    fields.cjkt = { boost: TITLE_BOOST };
    data.docs.forEach(function (doc) {
      if (HAN.test(doc.text || "")) doc.cjk = cjkTokens(doc.text);
      if (HAN.test(doc.title || "")) doc.cjkt = cjkTokens(doc.title);
    });
  }

  function transformQuery(query) {
    lastRuns = String(query).match(/\p{sc=Han}{2,}/gu) || [];
    return String(query).replace(/\p{sc=Han}{2,}/gu, function (run) {
      var required = bigrams(run).map(function (gram) {
        return "+" + gram;
      });
      return " " + required.join(" ") + " " + word(run) + "^" + WORD_BOOST + " ";
    });
  }

  // <mark> each run in the text outside tags and existing marks (the build put
  // U+200B between jieba's words, so a run may have them between its characters)
  function mark(html, runs) {
    if (!html || !runs.length) return html;
    var pattern = new RegExp(
      runs
        .map(function (run) {
          return Array.from(run).join("\u200b?");
        })
        .join("|"),
      "gu"
    );
    var out = "";
    var last = 0;
    String(html).replace(MARKED, function (skip, at) {
      out += html.slice(last, at).replace(pattern, "<mark>$&</mark>") + skip;
      last = at + skip.length;
      return skip;
    });
    return out + html.slice(last).replace(pattern, "<mark>$&</mark>");
  }

  function presentResult(data) {
    var runs = lastRuns;
    if (!runs.length || !data || !data.items) return;
    data.items.forEach(function (group) {
      group.forEach(function (item) {
        var terms = {};
        Object.keys(item.terms || {}).forEach(function (term) {
          if (!(HAN.test(term) && term.indexOf("_") >= 0)) terms[term] = item.terms[term];
        });
        if (item.score > 0) runs.forEach(function (run) { terms[run] = true; });
        item.terms = terms;
        item.text = mark(item.text, runs);
        item.title = mark(item.title, runs);
        delete item.cjk;
        delete item.cjkt;
      });
    });
  }

  var heldSetup = null; // Material's SETUP, until the first query with text
  var building = false; // Material's worker is building the index
  var waiting = []; // queries typed while it builds
  var passing = false; // a message this file hands on to Material's worker

  var wanted = false; // the page asked for the index before SETUP came

  function build() {
    var setup = heldSetup;
    heldSetup = null;
    building = true;
    prepareIndex(setup.data);
    handOn(setup);
  }

  // Every worker of the site's open tabs hears it and builds: never more than all
  // of them built on load before
  if (typeof BroadcastChannel !== "undefined") {
    new BroadcastChannel("search-index").onmessage = function () {
      if (heldSetup) build();
      else if (!building) wanted = true;
    };
  }

  function handOn(message) {
    passing = true;
    try {
      self.dispatchEvent(new MessageEvent("message", { data: message }));
    } finally {
      passing = false;
    }
  }

  // Material's worker answers with the global postMessage: see its answers first
  var send = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === READY && building) {
      building = false; // the reader was told READY when SETUP came
      waiting.splice(0).forEach(handOn);
      return;
    }
    if (message && message.type === RESULT) presentResult(message.data);
    return send.apply(self, arguments);
  };

  addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP && message.data && message.data.config && !passing) {
      event.stopImmediatePropagation();
      heldSetup = message;
      send.call(self, { type: READY });
      if (wanted) build();
      return;
    }
    if (message.type !== QUERY || typeof message.data !== "string") return;
    if (heldSetup && message.data === "") {
      event.stopImmediatePropagation();
      send.call(self, { type: RESULT, data: { items: [] } });
      return;
    }
    if (heldSetup || building) {
      event.stopImmediatePropagation();
      waiting.push(message);
      if (heldSetup) build();
      return;
    }
    message.data = transformQuery(message.data);
  });
})();
