// Marks each dated window "open now / upcoming / ended" from the reader's own date (not the build date).
// Recurring windows (data-recur-from) are shifted to this year's occurrence, or next year's once it has passed.
// Without JavaScript the page still lists every window with its dates.
(function () {
  // Every word this script writes comes from the page, in its language (macros/site/page_meta.py script_words).
  var words = document.getElementById("x-script-words");
  var W = words ? JSON.parse(words.textContent) : null;
  function fill(pattern, values) { return pattern.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; }); }
  function parse(s) { var p = s.split("-"); return new Date(+p[0], +p[1] - 1, +p[2]); }
  function iso(d) { return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0"); }
  function occurrence(row, today) {
    var start = parse(row.dataset.start), end = parse(row.dataset.end);
    if (!row.dataset.recurFrom) return [start, end];
    var until = row.dataset.recurUntil ? +row.dataset.recurUntil : 9999;
    var year = Math.min(Math.max(today.getFullYear(), +row.dataset.recurFrom), until);
    var shift = year - start.getFullYear();
    var s = new Date(start.getFullYear() + shift, start.getMonth(), start.getDate());
    var e = new Date(end.getFullYear() + shift, end.getMonth(), end.getDate());
    if (e < today && year + 1 <= until) {
      s = new Date(s.getFullYear() + 1, s.getMonth(), s.getDate());
      e = new Date(e.getFullYear() + 1, e.getMonth(), e.getDate());
    }
    return [s, e];
  }
  window.portalStatus = function (today) {
    if (!W) return;
    var t = W;
    var now = today || new Date();
    now = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    document.querySelectorAll("[data-end]").forEach(function (row) {
      var range = occurrence(row, now), status = now < range[0] ? "next" : now > range[1] ? "past" : "now";
      var badge = row.querySelector(".x-status");
      if (!badge) return;
      badge.dataset.status = status;
      var text = t[status];
      if (row.dataset.recurFrom && status !== "past") text += " · " + t.nextOn + iso(range[0]);
      badge.textContent = text;
      row.dataset.status = status;
      row.dataset.occStart = iso(range[0]);
      row.dataset.occEnd = iso(range[1]);
    });
    fillPresent();
  };
  // The home page's "now / next" box, redone from the reader's date with the rows of the tables below it.
  function human(s) {
    var p = s.split("-");
    return fill(W.date, { year: +p[0], month: +p[1], day: +p[2], mon: W.months[+p[1] - 1] });
  }
  function fillPresent() {
    var box = document.querySelector(".x-present:not(.x-cal-present)");  // the calendar's own box: calendar.js
    if (!box) return;
    var t = W, seen = {}, found = [];
    document.querySelectorAll(".x-overview [data-end]").forEach(function (row) {
      var status = row.dataset.status;
      if ((status !== "now" && status !== "next") || seen[row.id]) return;
      seen[row.id] = true;
      found.push(row);
    });
    found.sort(function (a, b) { return a.dataset.occStart < b.dataset.occStart ? -1 : a.dataset.occStart > b.dataset.occStart ? 1 : 0; });
    var list = box.querySelector(".x-present-list");
    list.textContent = "";
    found.slice(0, 5).forEach(function (row) {
      var li = document.createElement("li"), badge = document.createElement("span"), a = document.createElement("a");
      badge.className = "x-status";
      badge.dataset.status = row.dataset.status;
      badge.textContent = t[row.dataset.status];
      a.href = "#" + row.id;
      a.textContent = row.dataset.label;
      var when = human(row.dataset.occStart);
      if (row.dataset.occEnd !== row.dataset.occStart) when = fill(W.range, { start: when, end: human(row.dataset.occEnd) });
      li.append(badge, " ", a, " · " + row.dataset.where + " · " + when);
      list.appendChild(li);
    });
    box.querySelector(".x-present-none").hidden = found.length > 0;
    var asOf = box.querySelector(".x-present-asof");
    if (asOf) asOf.hidden = true;
  }
  var run = function () { window.portalStatus(); };
  if (typeof document$ !== "undefined") document$.subscribe(run); else document.addEventListener("DOMContentLoaded", run);
})();

// A table wider than the screen scrolls inside its .x-table-wrap: make that scroller reachable by keyboard
// (WCAG 2.1.1; axe: scrollable-region-focusable). Checked on load and when the width changes.
(function () {
  function focusableScrollers() {
    document.querySelectorAll(".x-table-wrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) wrap.tabIndex = 0;
      else wrap.removeAttribute("tabindex");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusableScrollers);
  else focusableScrollers();
  window.addEventListener("resize", focusableScrollers);
})();

// The theme searches when a key is released. Text pasted by a long press or committed by an input method arrives
// without one (teachers bring document numbers from WeChat that way): every change of the box's text is passed on as
// a key release, and a composition only once it is committed.
(function () {
  function passOn(event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.matches(".md-search__input") || event.isComposing) return;
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  document.addEventListener("input", passOn, true);
  document.addEventListener("compositionend", passOn, true);
})();

// Search lists the first pages that match (docs/assets/javascripts/workers/search-pagefind.js fetches each listed
// page's text): a button below the list asks for more, pressed or scrolled into view (a reader who scrolls the list
// to its end; not when the first screen already shows it, so a short list costs no more page texts than it shows),
// and the count above it says how many matched in all, not how many are listed so far. The worker answers on the
// page's channel (overrides/main.html).
(function () {
  var words = document.getElementById("x-script-words"), config = document.getElementById("__config");
  var list = document.querySelector(".md-search-result__list"), meta = document.querySelector(".md-search-result__meta");
  if (!window.xSearchChannel || typeof BroadcastChannel !== "function" || !words || !config || !list || !meta) return;
  var W = JSON.parse(words.textContent), counts = JSON.parse(config.textContent).translations;
  var channel = new BroadcastChannel(window.xSearchChannel), state = null;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "x-search-more";
  button.hidden = true;
  button.textContent = W.searchMore;
  list.after(button);
  function counted() {  // the theme's own words for "N matching documents", with the number of all matches
    return state && state.total > state.shown ? counts["search.result.other"].replace("#", state.total) : null;
  }
  function show() {
    var box = document.querySelector(".md-search__input");
    var live = state && box && box.value.trim() === state.query;
    button.hidden = !live || state.shown >= state.total;
    var text = live && counted();
    if (text && meta.textContent !== text) meta.textContent = text;
  }
  channel.addEventListener("message", function (event) { state = event.data; show(); });
  new MutationObserver(show).observe(meta, { childList: true });  // the theme writes its count on every answer
  function more() { if (state && !button.hidden) channel.postMessage({ more: state.query }); }
  button.addEventListener("click", more);
  var scroller = list.closest(".md-search__scrollwrap");
  if (scroller && typeof IntersectionObserver === "function") {
    new IntersectionObserver(function (entries) {
      if (entries[entries.length - 1].isIntersecting && scroller.scrollTop > 0) more();
    }).observe(button);
  }
})();
