/* Filters for the trainer roster: by module, commune, agency and language.
   Without JavaScript the roster is a plain table; this only adds the select boxes and hides rows. */
(function () {
  "use strict";
  function setup() {
    var box = document.querySelector(".roster-filters");
    var table = document.querySelector("table.roster");
    if (!box || !table || box.dataset.ready) return;
    box.dataset.ready = "1";
    var labels = JSON.parse(box.dataset.labels);
    var names = JSON.parse(box.dataset.names);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = {};
    var count = document.createElement("p");
    count.className = "roster-count";
    count.setAttribute("aria-live", "polite");
    Object.keys(names).forEach(function (key) {
      var label = document.createElement("label");
      label.textContent = names[key] + " ";
      var select = document.createElement("select");
      select.name = key;
      select.add(new Option(box.dataset.all, ""));
      Object.keys(labels[key]).forEach(function (value) {
        select.add(new Option(labels[key][value], value));
      });
      select.addEventListener("change", apply);
      label.appendChild(select);
      box.appendChild(label);
      selects[key] = select;
    });
    box.appendChild(count);
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = Object.keys(selects).every(function (key) {
          var wanted = selects[key].value;
          return !wanted || (row.dataset[key] || "").split(" ").indexOf(wanted) !== -1;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown + " / " + rows.length;
    }
    apply();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
