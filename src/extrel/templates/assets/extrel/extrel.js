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

  /* The version for the visually impaired (GOST R 52872-2019): the header's switch turns it
     on and off; the panel under the header (partials/x-access-panel.html) holds its settings,
     one group of radio buttons each. Each choice is an attribute of <html> (data-x-size="2")
     that extrel.css draws, remembered in localStorage for every page of the site, in every
     language; extrel-head.js applies them before the first paint. The words are the page's. */
  var SETTINGS = "extrel.access.settings";
  function store(action) {
    try { action(window.localStorage); } catch (e) { /* storage disabled: this page only */ }
  }
  function setupAccess() {
    var root = document.documentElement;
    var buttons = document.querySelectorAll("[data-x-access]");
    var panel = document.querySelector("[data-x-panel]");
    var status = document.querySelector("[data-x-access-status]");
    function show(on, announce) {
      root.classList.toggle("x-access", on);
      Array.prototype.forEach.call(buttons, function (b) {
        b.setAttribute("aria-pressed", on ? "true" : "false");
      });
      if (announce && status) status.textContent = status.getAttribute(on ? "data-on" : "data-off");
      images();
    }
    function turn(on) {
      show(on, true);
      store(function (s) {
        if (on) s.setItem("extrel.access", "on"); else s.removeItem("extrel.access");
      });
    }
    /* images off: each picture gives way to its description, in a frame (extrel.css) */
    function images() {
      if (!root.classList.contains("x-access") || root.getAttribute("data-x-images") !== "off") return;
      Array.prototype.forEach.call(document.querySelectorAll(".md-container img[alt]"), function (img) {
        var alt = img.getAttribute("alt").trim();
        var at = img.closest("picture") || img;
        if (!alt || (at.nextSibling && at.nextSibling.className === "x-alt")) return;
        var frame = document.createElement("span");
        frame.className = "x-alt";
        frame.textContent = alt;
        at.parentNode.insertBefore(frame, at.nextSibling);
      });
    }
    show(root.classList.contains("x-access"), false);
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () { turn(!root.classList.contains("x-access")); });
    });
    if (!panel) return;
    var radios = panel.querySelectorAll("input[type=radio]");
    Array.prototype.forEach.call(radios, function (radio) {
      var name = radio.name.replace(/^x-/, "");
      var value = root.getAttribute("data-x-" + name);
      if (value === radio.value) radio.checked = true;
    });
    panel.addEventListener("change", function (ev) {
      var radio = ev.target;
      if (!radio || radio.type !== "radio" || !radio.checked) return;
      var name = radio.name.replace(/^x-/, "");
      if (radio.hasAttribute("data-x-default")) root.removeAttribute("data-x-" + name);
      else root.setAttribute("data-x-" + name, radio.value);
      var saved = {};
      Array.prototype.forEach.call(radios, function (r) {
        if (r.checked && !r.hasAttribute("data-x-default")) saved[r.name.replace(/^x-/, "")] = r.value;
      });
      store(function (s) { s.setItem(SETTINGS, JSON.stringify(saved)); });
      images();
    });
    var normal = panel.querySelector("[data-x-normal]");
    if (normal) {
      normal.addEventListener("click", function () {
        turn(false);
        var back = Array.prototype.filter.call(buttons, function (b) { return b.offsetParent; })[0];
        if (back) back.focus();
      });
    }
  }

  /* Material's search dialog has no name of its own: give it the search field's. */
  function setupSearchLabel() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      if (input.hasAttribute("aria-label")) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
  }

  /* Tables that Material wraps for scrolling (the plan, say) must be reachable by keyboard
     when they do scroll, and named for screen readers. */
  function setupScrollables() {
    var words = document.querySelector("[data-x-words]");
    var label = words && words.getAttribute("data-table");
    function update() {
      Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"),
        function (wrap) {
          if (wrap.scrollWidth > wrap.clientWidth + 1) {
            wrap.setAttribute("tabindex", "0");
            wrap.setAttribute("role", "region");
            if (label) wrap.setAttribute("aria-label", label);
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
    // the version for the visually impaired and its settings change what scrolls
    document.addEventListener("click", function (ev) {
      if (ev.target && ev.target.closest && ev.target.closest("[data-x-access], [data-x-normal]")) {
        window.setTimeout(update, 0);
      }
    });
    document.addEventListener("change", function (ev) {
      if (ev.target && ev.target.closest && ev.target.closest("[data-x-panel]")) window.setTimeout(update, 0);
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
