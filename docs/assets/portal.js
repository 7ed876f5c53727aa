// Marks each dated window "open now / upcoming / ended" from the reader's own date (not the build date).
// Recurring windows (data-recur-from) are shifted to this year's occurrence, or next year's once it has passed.
// Without JavaScript the page still lists every window with its dates.
(function () {
  var LABELS = {
    zh: { now: "进行中", next: "即将开始", past: "已结束", nextOn: "下次：" },
    en: { now: "Open now", next: "Upcoming", past: "Ended", nextOn: "Next: " }
  };
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
    var lang = document.documentElement.lang === "en" ? "en" : "zh";
    var t = LABELS[lang];
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
    });
  };
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
