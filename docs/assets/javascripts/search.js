/* Search on a weak connection, as trainers type. Loaded before Material's bundle (overrides/main.html).

   - The search index (hundreds of KB) is fetched only when the reader starts to search: focus on the
     search field, the search button, or a key. Material requests it when the page loads; its request
     is held here until then. From disk (file://) Material loads it its own way, untouched.
   - Text typed in decomposed Unicode (NFD: "tảo" as "ta" + combining marks, as some keyboards send
     it) is composed (NFC) before Material reads the query.
   - A page opened from a search result marks the words searched for even where they are written
     with diacritics and were typed without ("tao hon" marks "tảo hôn"); Material marks only exact
     spellings. */
(function () {
  "use strict";

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  /* --- the index, when the reader wants it --- */
  var INDEX = /(^|\/)search\/search_index\.json$/;
  var wanted = false;
  var held = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.searchIndex && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };
  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }
  function isSearchField(el) {
    return el && el.classList && el.classList.contains("md-search__input");
  }
  document.addEventListener("focusin", function (event) { if (isSearchField(event.target)) want(); }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) want();
  }, true);
  document.addEventListener("keydown", function (event) {  // Material opens search with these keys
    var typing = event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[fs/]$/i.test(event.key)) want();
  }, true);

  /* --- the query in composed form --- */
  function compose(event) {
    var input = event.target;
    if (!isSearchField(input)) return;
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

  /* --- the searched words, marked on the page opened from a result --- */
  function foldedCopy(text) {  // one folded character per character, so positions stay the same
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var folded = fold(text[i]).toLowerCase();
      out += folded.length === 1 ? folded : text[i];
    }
    return out;
  }
  function markSearched() {
    var words = (new URLSearchParams(location.search).get("h") || "").split(/\s+/)
      .map(function (w) { return fold(w.normalize("NFC").toLowerCase()); })
      .filter(function (w) { return w.length > 1; });
    var article = document.querySelector("article.md-content__inner");
    if (!words.length || !article) return;
    var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var pattern = new RegExp("(^|[^0-9a-z])(" + escaped.join("|") + ")", "g");
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {acceptNode: function (node) {
      return node.parentElement.closest("script, style, mark, .headerlink") ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT;
    }});
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var folded = foldedCopy(node.data);
      var ranges = [];
      var match;
      pattern.lastIndex = 0;
      while ((match = pattern.exec(folded))) {
        var start = match.index + match[1].length;
        ranges.push([start, start + match[2].length]);
      }
      for (var r = ranges.length - 1; r >= 0; r--) {  // from the end: earlier offsets stay valid
        var word = node.splitText(ranges[r][0]);
        word.splitText(ranges[r][1] - ranges[r][0]);
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        word.parentNode.replaceChild(mark, word);
        mark.appendChild(word);
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markSearched);
  else markSearched();
})();
