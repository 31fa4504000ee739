// Printing a chapter from the browser:
// - "Print handout (without answers)" (hooks/print_handout.py): marks <html>
//   with print-no-answers, which print.css reads, prints, and unmarks after
//   printing; the ordinary print (Ctrl+P) still prints the answers.
// - a diagram taller than a printed page is scaled down to fit (with its
//   lead-in and caption, print.css keeps it on one page). CSS alone cannot:
//   Material draws Mermaid inside a closed shadow root.
(function () {
  "use strict";

  var MARK = "print-no-answers";
  var PX_PER_MM = 96 / 25.4;
  // A4 content height is 259 mm (print.css @page); leave room for the lead-in
  // line and a caption of up to ten lines (the English captions are long)
  var MAX_FIGURE_PX = 150 * PX_PER_MM;

  function fitFigures() {
    document.querySelectorAll(".md-typeset .mermaid, .md-typeset .diagram").forEach(function (figure) {
      figure.style.zoom = "";
      var height = figure.getBoundingClientRect().height;
      if (height > MAX_FIGURE_PX) figure.style.zoom = String(MAX_FIGURE_PX / height);
    });
  }

  function unfitFigures() {
    document.querySelectorAll(".md-typeset .mermaid, .md-typeset .diagram").forEach(function (figure) {
      figure.style.zoom = "";
    });
  }

  function setUp() {
    document.querySelectorAll(".print-handout").forEach(function (box) {
      box.hidden = false;
      box.querySelector("button").addEventListener("click", function () {
        document.documentElement.classList.add(MARK);
        window.print();
      });
    });
    window.addEventListener("beforeprint", fitFigures);
    window.addEventListener("afterprint", function () {
      unfitFigures();
      document.documentElement.classList.remove(MARK);
    });
    // print emulation (and some browsers) switch the media without the events
    var print = window.matchMedia("print");
    var follow = function (event) {
      event.matches ? fitFigures() : unfitFigures();
    };
    print.addEventListener ? print.addEventListener("change", follow) : print.addListener(follow);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
