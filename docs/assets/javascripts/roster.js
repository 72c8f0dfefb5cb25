/* Filters for the trainer cards (sitekit/pages/roster_pages.py writes the cards, and the choices and words of
   the page's language in data attributes). Without JavaScript every card shows and no control appears.
   The choices live in the address (?agency=…&module=…): a filtered list can be shared, opening such a
   link applies it, and the back button returns to the previous choice. */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function setup() {
    var box = document.querySelector(".roster-filters");
    var list = document.querySelector(".trainer-cards");
    if (!box || !list || box.dataset.ready) return;
    box.dataset.ready = "1";
    var choices = JSON.parse(box.dataset.choices);
    var words = JSON.parse(box.dataset.words);
    var cards = Array.prototype.slice.call(list.querySelectorAll(".trainer-card"));
    var selects = [];

    var fields = element("fieldset", "roster-filters__fields");
    fields.appendChild(element("legend", "", words.legend));
    choices.forEach(function (choice) {
      var label = element("label");
      var select = element("select");
      select.name = choice.key;
      select.add(new Option(words.all, ""));
      choice.options.forEach(function (option) { select.add(new Option(option[1], option[0])); });
      select.addEventListener("change", function () { show(); remember(); });
      label.appendChild(element("span", "", choice.label));
      label.appendChild(select);
      fields.appendChild(label);
      selects.push(select);
    });

    // what the list shows now, told to screen readers too (a live region)
    var status = element("div", "roster-status");
    status.setAttribute("aria-live", "polite");
    var count = element("p", "roster-count");
    var empty = element("p", "roster-empty", words.empty + " ");
    var clear = element("button", "md-button", words.clear);
    clear.type = "button";
    clear.addEventListener("click", function () {
      choose(new URLSearchParams(""));
      show();
      remember();
      selects[0].focus();  // the button disappears with the message
    });
    empty.appendChild(clear);
    status.appendChild(count);
    status.appendChild(empty);
    box.appendChild(fields);
    box.appendChild(status);

    function choose(params) {
      selects.forEach(function (select) {
        select.value = params.get(select.name) || "";
        if (select.selectedIndex < 0) select.value = "";  // an option this list no longer has
      });
    }

    function show() {
      var shown = 0;
      cards.forEach(function (card) {
        var match = selects.every(function (select) {
          return !select.value || (card.getAttribute("data-" + select.name) || "").split(" ").indexOf(select.value) !== -1;
        });
        card.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = (shown === 1 ? words.one : words.other).replace("{n}", shown);
      empty.hidden = shown > 0;
    }

    function remember() {
      var params = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
      var query = params.toString();
      if ("?" + query === location.search || (!query && !location.search)) return;
      try {
        history.pushState(null, "", location.pathname + (query ? "?" + query : ""));
      } catch (error) {
        // some browsers refuse to change the address of a page opened from disk: the filters still work
      }
    }

    window.addEventListener("popstate", function () {
      choose(new URLSearchParams(location.search));
      show();
    });
    choose(new URLSearchParams(location.search));
    show();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
