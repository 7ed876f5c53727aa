// Certificate catalogue filters: batch, level, organisation and search-as-you-type over the catalogue page's list of
// every certificate, mirrored in the URL query (?batch=1&level=intermediate&org=…&text=…; batch=none: no source gives
// the batch) so a filtered view can be shared and reloaded. Without JavaScript the filter form stays hidden and the
// whole list is shown. Not `q`: Material opens its own search box for ?q=. An entry's batch is its group's data-batch;
// its data-orgs holds the keys of its organisation's spellings, each the data-key of an option of the organisation
// filter (whose value is the Chinese name and whose text is in the page's language): the search matches the entry's
// names and those of its organisation, without a copy of them in every entry.
(function () {
  // the space between sentences, in the page's language (none in Chinese): macros/site/page_meta.py script_words
  var words = document.getElementById("x-script-words");
  var SPACE = words ? JSON.parse(words.textContent).wordSpace : " ";
  var FIELDS = ["batch", "level", "org", "text"];

  function terms(text) {
    return text.toLowerCase().split(/\s+/).filter(function (t) { return t; });
  }

  function matches(entry, f) {
    if (f.batch && entry.batch !== f.batch) return false;
    if (f.level && entry.levels.indexOf(f.level) < 0) return false;
    if (f.org && entry.orgs.indexOf(f.org) < 0) return false;
    return f.text.every(function (t) { return entry.haystack.indexOf(t) >= 0; });
  }

  function setup() {
    var form = document.getElementById("catalogue-filters");
    var list = document.getElementById("catalogue-list");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "1";
    var organisations = {};
    Array.prototype.forEach.call(form.elements.org.options, function (o) {
      if (o.dataset.key) organisations[o.dataset.key] = { value: o.value, text: (o.value + " " + o.textContent).toLowerCase() };
    });
    var rows = Array.prototype.map.call(list.querySelectorAll(".x-cat-group li"), function (li) {
      var orgs = li.dataset.orgs ? li.dataset.orgs.split(" ").map(function (key) { return organisations[key]; }) : [];
      var names = Array.prototype.map.call(li.querySelectorAll("a, [lang]"), function (el) { return el.textContent; });
      return {
        li: li,
        batch: li.closest(".x-cat-group").dataset.batch,
        levels: li.dataset.levels.split(" "),
        orgs: orgs.map(function (o) { return o.value; }),
        haystack: names.concat(orgs.map(function (o) { return o.text; })).join(" ").toLowerCase(),
      };
    });
    var groups = list.querySelectorAll(".x-cat-group");
    var empty = list.querySelector(".x-cat-empty");
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
      rows.forEach(function (entry) {
        var ok = matches(entry, filter);
        entry.li.hidden = !ok;
        if (ok) shown++;
      });
      // a batch's heading only while one of its certificates is shown
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector("li:not([hidden])");
      });
      if (empty) empty.hidden = shown > 0;
      var text = status.dataset.template.replace("%(shown)s", shown).replace("%(total)s", rows.length);
      if (values.level && status.dataset.levelNote) text += SPACE + status.dataset.levelNote;
      status.textContent = text;
      list.dataset.shown = String(shown);
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
