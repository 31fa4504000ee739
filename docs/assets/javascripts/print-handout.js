// "Print handout (without answers)": prints the chapter with the self-check
// questions but not their answers. The button (hooks/print_handout.py) marks
// <html> with print-no-answers, which print.css reads, prints, and unmarks
// after printing; the ordinary print (Ctrl+P) still prints the answers.
(function () {
  "use strict";

  var MARK = "print-no-answers";

  function setUp() {
    document.querySelectorAll(".print-handout").forEach(function (box) {
      box.hidden = false;
      box.querySelector("button").addEventListener("click", function () {
        document.documentElement.classList.add(MARK);
        window.print();
      });
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove(MARK);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
