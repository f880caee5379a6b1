/* extrel: sorting and filtering of the freshness dashboard; nothing else, nothing external. */
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  ready(function () {
    var table = document.getElementById("x-dash");
    if (!table) return;
    var body = table.tBodies[0];
    var controls = document.querySelector(".x-dash-controls");
    if (controls) controls.hidden = false;
    var only = document.getElementById("x-only-behind");
    if (only) {
      only.addEventListener("change", function () {
        Array.prototype.forEach.call(body.rows, function (row) {
          row.hidden = only.checked && row.getAttribute("data-behind") !== "true";
        });
      });
    }
    Array.prototype.forEach.call(table.querySelectorAll(".x-sort"), function (button) {
      button.addEventListener("click", function () {
        var col = parseInt(button.getAttribute("data-col"), 10);
        var asc = button.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll(".x-sort").forEach(function (b) { b.removeAttribute("aria-sort"); });
        button.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-sort") || a.cells[col].textContent;
          var y = b.cells[col].getAttribute("data-sort") || b.cells[col].textContent;
          var r = x.localeCompare(y, document.documentElement.lang);
          return asc ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
