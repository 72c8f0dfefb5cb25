/* Text typed in decomposed Unicode (NFD: "tảo" as "ta" + combining marks, as some keyboards send it)
   is turned into composed form (NFC) before Material's search reads the query, so it finds the
   same pages as the composed text. Runs in the capture phase, before Material's own listeners. */
(function () {
  "use strict";
  function compose(event) {
    var input = event.target;
    if (!input || !input.classList || !input.classList.contains("md-search__input")) return;
    var value = input.value;
    var composed = value.normalize("NFC");
    if (composed === value) return;
    var caret = input.selectionStart === value.length ? composed.length : input.selectionStart;
    input.value = composed;
    input.setSelectionRange(caret, caret);
  }
  ["keydown", "keyup", "input", "focus"].forEach(function (type) {
    document.addEventListener(type, compose, true);
  });
})();
