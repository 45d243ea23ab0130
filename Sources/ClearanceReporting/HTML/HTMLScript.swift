/// The report's only script, inlined: a text filter over the checklists, and every `<details>` opened for
/// printing. Without it the page works the same, less the text box (which starts hidden).
enum HTMLScript {
    /// The JavaScript text (a Mustache partial with no tags).
    static let text = #"""
    (function () {
      "use strict";
      var box = document.getElementById("subject-search");
      var cards = document.querySelectorAll(".subject");
      if (box) {
        box.hidden = false;
        box.addEventListener("input", function () {
          var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
          cards.forEach(function (card) {
            var text = card.getAttribute("data-search") || "";
            card.classList.toggle("unmatched", !words.every(function (word) { return text.indexOf(word) >= 0; }));
          });
        });
      }
      var closed = [];
      window.addEventListener("beforeprint", function () {
        closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
        closed.forEach(function (d) { d.open = true; });
      });
      window.addEventListener("afterprint", function () {
        closed.forEach(function (d) { d.open = false; });
        closed = [];
      });
    })();
    """#
}
