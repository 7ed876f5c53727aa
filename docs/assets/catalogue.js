// Certificate catalogue filters: batch, level, organisation and search-as-you-type, mirrored in the URL query
// (?batch=1&level=intermediate&org=…&text=…; batch=none: no source gives the batch) so a filtered view can be shared
// and reloaded. Without JavaScript the filter form stays hidden and the whole table is shown. Not `q`: Material opens
// its own search box for ?q=. A row's data-orgs holds every spelling of its organisation, one a line.
(function () {
  // the space between sentences, in the page's language (none in Chinese): macros/site/page_meta.py script_words
  var words = document.getElementById("x-script-words");
  var SPACE = words ? JSON.parse(words.textContent).wordSpace : " ";
  var FIELDS = ["batch", "level", "org", "text"];

  function terms(text) {
    return text.toLowerCase().split(/\s+/).filter(function (t) { return t; });
  }

  function matches(row, f) {
    if (f.batch && row.dataset.batch !== f.batch) return false;
    if (f.level && row.dataset.levels.split(" ").indexOf(f.level) < 0) return false;
    if (f.org && row.dataset.orgs.split("\n").indexOf(f.org) < 0) return false;
    var haystack = row.dataset.search;
    return f.text.every(function (t) { return haystack.indexOf(t) >= 0; });
  }

  function setup() {
    var form = document.getElementById("catalogue-filters");
    var table = document.getElementById("catalogue-table");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "1";
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr.x-cert"));
    var empty = table.querySelector("tr.x-cat-empty");
    var status = form.querySelector(".x-cat-status");

    function current() {
      var values = {};
      FIELDS.forEach(function (name) { values[name] = form.elements[name].value.trim(); });
      return values;
    }

    function writeUrl(values) {
      var params = new URLSearchParams(location.search);
      FIELDS.forEach(function (name) {
        if (values[name]) params.set(name, values[name]); else params.delete(name);
      });
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
      // The language switch opens the same view in the other language (same filters, same query).
      document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
        var target = new URL(link.getAttribute("href"), location.href);
        target.search = query ? "?" + query : "";
        link.setAttribute("href", target.pathname + target.search + target.hash);
      });
    }

    function update() {
      var values = current();
      var filter = { batch: values.batch, level: values.level, org: values.org, text: terms(values.text) };
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row, filter);
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (empty) empty.hidden = shown > 0;
      var text = status.dataset.template.replace("%(shown)s", shown).replace("%(total)s", rows.length);
      if (values.level && status.dataset.levelNote) text += SPACE + status.dataset.levelNote;
      status.textContent = text;
      table.dataset.shown = String(shown);
      writeUrl(values);
    }

    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name), el = form.elements[name];
      if (value === null) return;
      if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === value; })) return;
      el.value = value;
    });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.hidden = false;
    update();
  }

  if (typeof document$ !== "undefined") document$.subscribe(setup); else document.addEventListener("DOMContentLoaded", setup);
})();
