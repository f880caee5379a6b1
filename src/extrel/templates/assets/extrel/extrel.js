/* extrel: the switch to the version for the visually impaired, keyboard access to wide tables,
   sorting and filtering of the freshness dashboard. Nothing external. */
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  ready(setupAccess);
  ready(setupSearchLabel);
  ready(setupScrollables);

  /* The version for the visually impaired: larger text and high contrast (extrel.css, under
     html.x-access), remembered in localStorage; extrel-head.js applies it before the paint. */
  function setupAccess() {
    var root = document.documentElement;
    var buttons = document.querySelectorAll("[data-x-access]");
    function show(on) {
      root.classList.toggle("x-access", on);
      Array.prototype.forEach.call(buttons, function (b) {
        b.setAttribute("aria-pressed", on ? "true" : "false");
      });
    }
    show(root.classList.contains("x-access"));
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var on = !root.classList.contains("x-access");
        show(on);
        try {
          if (on) window.localStorage.setItem("extrel.access", "on");
          else window.localStorage.removeItem("extrel.access");
        } catch (e) { /* storage disabled: this page only */ }
      });
    });
  }

  /* Material's search dialog has no name of its own: give it the search field's. */
  function setupSearchLabel() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
    }
  }

  /* Tables that Material wraps for scrolling (the plan, say) must be reachable by keyboard
     when they do scroll, and named for screen readers. */
  function setupScrollables() {
    var ru = (document.documentElement.lang || "ru").slice(0, 2) === "ru";
    var label = ru ? "Таблица (прокручивается по горизонтали)" : "Table (scrolls sideways)";
    function update() {
      Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"),
        function (wrap) {
          if (wrap.scrollWidth > wrap.clientWidth + 1) {
            wrap.setAttribute("tabindex", "0");
            wrap.setAttribute("role", "region");
            wrap.setAttribute("aria-label", label);
          } else {
            wrap.removeAttribute("tabindex");
            wrap.removeAttribute("role");
            wrap.removeAttribute("aria-label");
          }
        });
    }
    update();
    var timer = null;
    window.addEventListener("resize", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 150);
    });
    // the switch to larger text changes what scrolls
    document.addEventListener("click", function (ev) {
      if (ev.target && ev.target.closest && ev.target.closest("[data-x-access]")) {
        window.setTimeout(update, 0);
      }
    });
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
        // aria-sort belongs on the header cell (role columnheader), not on its button
        var th = button.closest("th");
        var asc = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th[aria-sort]").forEach(function (h) {
          h.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
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

/* extrel: a video from a video host is embedded only when the visitor asks for it, so that
   opening a page sends nothing to another site. Without JavaScript the link opens the video. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".x-embed__open");
    if (!link) return;
    var box = link.parentNode;
    var frame = document.createElement("iframe");
    frame.src = box.getAttribute("data-src");
    frame.title = box.getAttribute("data-title") || "";
    frame.setAttribute("allow", "fullscreen; picture-in-picture");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.setAttribute("allowfullscreen", "");
    box.replaceChild(frame, link);
    frame.focus();
    event.preventDefault();
  });
})();
