// Calendar pages, from the reader's own date: what is open now and next (the box on top), past years folded away,
// the "this month" link and today's cell; on the national calendar the province switch (which also shades only the
// days of the provinces shown), kept in the address
// (?province=anhui,hunan) so that a view can be shared, reloaded and carried to the other language.
// Without JavaScript the page says all this as of the data's last check and shows every province: nothing depends
// on this script.
(function () {
  // Its words and the number of entries in the "now / next" box (as many as the build lists) come from the page
  // (macros/site/page_meta.py script_words).
  var words = document.getElementById("x-script-words");
  var W = words ? JSON.parse(words.textContent) : null;

  function iso(d) { return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0"); }
  function shown(el) { return !el.closest("[hidden]:not(details)"); }

  // Hides the windows (and the month tables left empty) of every province whose box is unchecked.
  function applyFilter(filter) {
    var on = {};
    filter.querySelectorAll("input[data-cal-province]").forEach(function (box) { on[box.value] = box.checked; });
    document.querySelectorAll("[data-province]").forEach(function (el) {
      el.hidden = on[el.dataset.province] === false;
    });
    document.querySelectorAll("[data-provinces]").forEach(function (month) {
      month.hidden = !month.dataset.provinces.split(" ").some(function (id) { return on[id] !== false; });
    });
    markBusy();
  }

  // Shades the days of the month tables on which a window of a province shown runs (the build shades them for all).
  function markBusy() {
    var cells = {};
    document.querySelectorAll("td[data-date]").forEach(function (cell) {
      cells[cell.dataset.date] = cell;
      cell.classList.remove("x-cal-busy");
    });
    document.querySelectorAll("li.x-cal-entry[data-start][data-end]").forEach(function (entry) {
      if (entry.hidden) return;
      var p = entry.dataset.start.split("-"), day = new Date(+p[0], +p[1] - 1, +p[2]);
      for (var key = iso(day); key <= entry.dataset.end; day.setDate(day.getDate() + 1), key = iso(day)) {
        if (cells[key]) cells[key].classList.add("x-cal-busy");
      }
    });
  }

  // ?province=a,b lists the provinces shown; no parameter: all of them.
  function readUrl(filter) {
    var wanted = new URLSearchParams(location.search).get("province");
    if (!wanted) return;
    var ids = wanted.split(",");
    var boxes = filter.querySelectorAll("input[data-cal-province]");
    if (!Array.prototype.some.call(boxes, function (box) { return ids.indexOf(box.value) >= 0; })) return;
    boxes.forEach(function (box) { box.checked = ids.indexOf(box.value) >= 0; });
  }

  function writeUrl(filter) {
    var boxes = Array.prototype.slice.call(filter.querySelectorAll("input[data-cal-province]"));
    var checked = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    var params = new URLSearchParams(location.search);
    if (checked.length === boxes.length) params.delete("province"); else params.set("province", checked.join(","));
    var query = params.toString().replace(/%2C/g, ",");
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var target = new URL(link.getAttribute("href"), location.href);
      target.search = query ? "?" + query : "";
      link.setAttribute("href", target.pathname + target.search + target.hash);
    });
  }

  function markToday(today) {
    document.querySelectorAll("td.x-cal-today").forEach(function (cell) {
      cell.classList.remove("x-cal-today"); cell.removeAttribute("aria-current");
    });
    var cell = document.querySelector('td[data-date="' + iso(today) + '"]');
    if (cell) { cell.classList.add("x-cal-today"); cell.setAttribute("aria-current", "date"); }
  }

  // The box on top: windows of the provinces shown that are open today or still to come, soonest first.
  function fillPresent(today) {
    var box = document.querySelector(".x-cal-present");
    if (!box || !W) return;
    var day = iso(today), found = [];
    document.querySelectorAll("li.x-cal-entry[data-start][data-end]").forEach(function (entry) {
      if (entry.dataset.end >= day && shown(entry)) found.push(entry);
    });
    found.sort(function (a, b) { return a.dataset.start < b.dataset.start ? -1 : a.dataset.start > b.dataset.start ? 1 : 0; });
    var list = box.querySelector(".x-present-list");
    list.textContent = "";
    found.slice(0, W.presentLimit).forEach(function (entry) {
      var status = entry.dataset.start <= day ? "now" : "next";
      var li = document.createElement("li"), badge = document.createElement("span"), a = document.createElement("a");
      badge.className = "x-status";
      badge.dataset.status = status;
      badge.textContent = status === "now" ? W.presentNow : W.presentNext;
      a.href = "#" + entry.id;
      a.textContent = entry.querySelector(".x-cal-title").textContent;
      li.dataset.province = entry.dataset.province;
      var where = entry.dataset.where || entry.querySelector(".x-cal-prov").textContent;  // the national page: its own words
      li.append(badge, " ", a, " · " + where + " · ", entry.querySelector("time.x-cal-when").cloneNode(true));
      list.appendChild(li);
    });
    box.querySelector(".x-present-none").hidden = found.length > 0;
    var asOf = box.querySelector(".x-present-asof");
    if (asOf) asOf.hidden = true;
  }

  // Years before this one are folded away; this year and later ones are open.
  function foldYears(today) {
    document.querySelectorAll("details.x-cal-year").forEach(function (year) {
      year.open = +year.dataset.year >= today.getFullYear();
    });
  }

  // "This month": today's month, else the next month with windows, else the last one shown.
  function pointJump(today) {
    var link = document.querySelector("a.x-cal-jump");
    if (!link) return;
    var months = Array.prototype.filter.call(document.querySelectorAll(".x-cal-month[id]"), shown);
    if (!months.length) return;
    var key = "m-" + iso(today).slice(0, 7);
    var target = months.find(function (m) { return m.id >= key; }) || months[months.length - 1];
    link.setAttribute("href", "#" + target.id);
  }

  // A link into a folded year (from the box on top, a month's list, the address) opens that year first.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var year = target && target.closest("details.x-cal-year");
    if (year && !year.open) { year.open = true; target.scrollIntoView(); }
  }

  function at(today) {
    today = new Date(today.getFullYear(), today.getMonth(), today.getDate());
    markToday(today);
    foldYears(today);
    fillPresent(today);
    pointJump(today);
    openTarget();
  }
  window.portalCalendar = { applyFilter: applyFilter, markToday: markToday, markBusy: markBusy, at: at };

  function init() {
    if (!document.querySelector(".x-cal-head")) return;
    var filter = document.querySelector(".x-cal-filter");
    if (filter) {
      filter.hidden = false;
      readUrl(filter);
      filter.addEventListener("change", function () { applyFilter(filter); writeUrl(filter); at(new Date()); });
      applyFilter(filter);  // the address, or the boxes the browser restored on "back"
      writeUrl(filter);
    }
    at(new Date());
    window.addEventListener("hashchange", openTarget);
  }
  if (typeof document$ !== "undefined") document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
