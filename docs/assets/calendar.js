// Calendar pages: the province switch of the national calendar and today's mark in the month grids.
// Without JavaScript the switch stays hidden and every province's windows are shown; nothing depends on this.
(function () {
  function iso(d) { return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0"); }
  // Hides the windows (and the month tables left empty) of every province whose box is unchecked.
  function applyFilter(filter) {
    var shown = {};
    filter.querySelectorAll("input[data-cal-province]").forEach(function (box) { shown[box.value] = box.checked; });
    document.querySelectorAll("[data-province]").forEach(function (el) {
      el.hidden = shown[el.dataset.province] === false;
    });
    document.querySelectorAll("[data-provinces]").forEach(function (month) {
      month.hidden = !month.dataset.provinces.split(" ").some(function (id) { return shown[id] !== false; });
    });
  }
  function markToday(today) {
    document.querySelectorAll("td.x-cal-today").forEach(function (cell) {
      cell.classList.remove("x-cal-today"); cell.removeAttribute("aria-current");
    });
    var cell = document.querySelector('td[data-date="' + iso(today) + '"]');
    if (cell) { cell.classList.add("x-cal-today"); cell.setAttribute("aria-current", "date"); }
  }
  window.portalCalendar = { applyFilter: applyFilter, markToday: markToday };
  function init() {
    markToday(new Date());
    var filter = document.querySelector(".x-cal-filter");
    if (!filter) return;
    filter.hidden = false;
    filter.addEventListener("change", function () { applyFilter(filter); });
    applyFilter(filter);  // the browser may restore unchecked boxes on "back"
  }
  if (typeof document$ !== "undefined") document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
