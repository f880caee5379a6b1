/* extrel, loaded in the page head before Material's bundle: what has to happen before the
   page is drawn or before Material starts. Self-hosted; it asks no other host for anything. */
(function () {
  "use strict";
  var root = document.documentElement;

  /* The version for the visually impaired and its settings (data-x-size, data-x-scheme, ...
     on <html>; extrel.css draws them), remembered across pages, sections and languages: they
     share the origin, hence localStorage. Set before the first paint, so nothing flashes. */
  try {
    var store = window.localStorage;
    if (store.getItem("extrel.access") === "on") root.classList.add("x-access");
    var settings = JSON.parse(store.getItem("extrel.access.settings") || "{}");
    Object.keys(settings).forEach(function (name) {
      var value = String(settings[name]);
      if (/^[a-z]{1,12}$/.test(name) && /^[a-z0-9]{1,12}$/.test(value)) {
        root.setAttribute("data-x-" + name, value);
      }
    });
  } catch (e) { /* storage disabled or spoilt: the switch still works on this page */ }

  /* The search index (tens of kilobytes per language, growing with every news item) and the
     search worker are fetched when the visitor turns to search, not on every page load.
     Material 9 fetches the index with XMLHttpRequest and starts the worker at once; both are
     held back here until the search field gets focus (or the search toggle opens), and let
     through at once when the page was opened from a search (?q= or ?h=). */
  var params = new URLSearchParams(window.location.search);
  var wanted = params.has("q") || params.has("h");
  var waiting = [];
  function release() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var WORKER = /\/workers\/search\.[^/]*\.js(?:[?#]|$)/;
  function absolute(url) {
    try { return new URL(String(url), document.baseURI).pathname; } catch (e) { return ""; }
  }

  var XHR = window.XMLHttpRequest;
  if (XHR) {
    var open = XHR.prototype.open, send = XHR.prototype.send;
    XHR.prototype.open = function (method, url) {
      this.xSearchIndex = INDEX.test(absolute(url));
      return open.apply(this, arguments);
    };
    XHR.prototype.send = function () {
      var xhr = this, args = arguments;
      if (xhr.xSearchIndex && !wanted) {
        waiting.push(function () { send.apply(xhr, args); });
        return undefined;
      }
      return send.apply(xhr, args);
    };
  }

  /* The search worker is extrel-search.js (beside this file), which cuts query words to
     their stems and then runs Material's worker. */
  var script = document.currentScript && document.currentScript.src;
  var NativeWorker = window.Worker;
  if (NativeWorker && script) {
    var wrapper = new URL("extrel-search.js", script).href;
    /* on the portal, the region's Pagefind index (the script tag names it, relative to the
       root of this language's site, two folders above this script) */
    var pagefind = document.currentScript.getAttribute("data-pagefind");
    if (pagefind) pagefind = new URL(pagefind, new URL("../../", script)).href;
    var searchWorker = function (url, options) {
      var hash = new URLSearchParams({ worker: new URL(String(url), document.baseURI).href });
      if (pagefind) {
        hash.set("pagefind", pagefind);
        hash.set("lang", root.lang);
        var group = chosenGroup();
        if (group) hash.set("group", group);
      }
      var worker = new NativeWorker(wrapper + "#" + hash, options);
      workers.push(worker);
      return worker;
    };
    /* A stand-in for the search worker that becomes the real one on its first message,
       which Material sends only once the index is there. */
    var LazyWorker = function (url, options) {
      if (!WORKER.test(absolute(url))) return new NativeWorker(url, options);
      if (wanted) return searchWorker(url, options);
      var real = null, listeners = [], handler = null;
      function start() {
        if (!real) {
          real = searchWorker(url, options);
          listeners.forEach(function (args) { real.addEventListener.apply(real, args); });
          if (handler) real.onmessage = handler;
        }
        return real;
      }
      return {
        postMessage: function () { var w = start(); return w.postMessage.apply(w, arguments); },
        addEventListener: function () {
          if (real) return real.addEventListener.apply(real, arguments);
          listeners.push(arguments);
          return undefined;
        },
        removeEventListener: function (type, fn) {
          if (real) return real.removeEventListener.apply(real, arguments);
          listeners = listeners.filter(function (args) { return args[0] !== type || args[1] !== fn; });
          return undefined;
        },
        terminate: function () { if (real) real.terminate(); },
        set onmessage(fn) { handler = fn; if (real) real.onmessage = fn; },
        get onmessage() { return handler; }
      };
    };
    LazyWorker.prototype = NativeWorker.prototype;
    window.Worker = LazyWorker;
  }

  /* A portal of thousands of municipalities has a search index per group (a federal
     subject, say): the page offers the choice (form[data-x-search-group]), remembered across
     pages and languages; the same choice is shown above the search results, and a change
     tells the search worker, which answers the query again from that group's index. */
  var GROUP_KEY = "extrel.search.group", workers = [], picked = null, telling = null;
  function groupIds() {
    var select = document.getElementById("x-search-group");
    return select ? Array.prototype.map.call(select.options, function (o) { return o.value; }) : [];
  }
  function chosenGroup() {
    var ids = groupIds(), saved = null;
    if (picked !== null && ids.indexOf(picked) >= 0) return picked;  /* even without storage */
    try { saved = window.localStorage.getItem(GROUP_KEY); } catch (e) { /* private mode */ }
    return ids.indexOf(saved) >= 0 ? saved : (ids[0] || null);
  }
  function setUpGroups() {
    var form = document.querySelector("form[data-x-search-group]");
    var output = document.querySelector(".md-search__output");
    if (!form) return;
    var copy = output ? form.cloneNode(true) : null;
    if (copy) {
      copy.querySelector("label").setAttribute("for", "x-search-group-results");
      copy.querySelector("select").id = "x-search-group-results";
      output.insertBefore(copy, output.firstChild);
    }
    var selects = [form, copy].filter(Boolean).map(function (f) { return f.querySelector("select"); });
    var group = chosenGroup();
    selects.forEach(function (select) {
      select.value = group;
      /* Material's search takes every key while it is open (arrows move between results, Tab
         and letters go back to the field): the choice keeps them, but Escape, which closes
         the search */
      select.addEventListener("keydown", function (ev) {
        if (ev.key !== "Escape") ev.stopPropagation();
      });
      select.addEventListener("change", function () {
        picked = select.value;
        try { window.localStorage.setItem(GROUP_KEY, picked); } catch (e) { /* private mode */ }
        selects.forEach(function (other) { other.value = picked; });
        /* arrows through a closed list change it at each step: the worker hears the last */
        window.clearTimeout(telling);
        telling = window.setTimeout(function () {
          workers.forEach(function (worker) { worker.postMessage({ type: "x-group", data: picked }); });
        }, 300);
      });
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    /* Material closes the search on Tab from its field: Tab leads to the choice above the
       results instead (Shift+Tab from there leads back) */
    var field = document.querySelector("[data-md-component=search-query]");
    if (copy && field) {
      field.addEventListener("keydown", function (ev) {
        if (ev.key === "Tab" && !ev.shiftKey && !ev.altKey && !ev.ctrlKey && !ev.metaKey) {
          ev.preventDefault();
          ev.stopPropagation();
          copy.querySelector("select").focus();
        }
      });
      copy.querySelector("select").addEventListener("keydown", function (ev) {
        if (ev.key === "Tab" && ev.shiftKey) {
          ev.preventDefault();
          field.focus();
        }
      });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpGroups);
  } else {
    setUpGroups();
  }

  function isSearch(el) {
    return el && el.matches && (el.matches("[data-md-component=search-query]") ||
      el.matches("[data-md-toggle=search]") || el.matches("label[for=__search]"));
  }
  document.addEventListener("focusin", function (ev) { if (isSearch(ev.target)) release(); }, true);
  document.addEventListener("pointerdown", function (ev) {
    if (ev.target && ev.target.closest && isSearch(ev.target.closest("label, input"))) release();
  }, true);
  /* Material reads the search field on "keyup" only. Text that arrives without one (a
     keyboard layout or an input method that composes letters, a paste, a dictation, or
     keys pressed faster than they are released) left the results of an earlier, shorter
     query on screen. Every change of the field is announced as a keyup here; Material
     drops repeats of the same text, and runs the latest text once the index is ready. */
  document.addEventListener("input", function (ev) {
    if (ev.target && ev.target.matches && ev.target.matches("[data-md-component=search-query]")) {
      ev.target.dispatchEvent(new KeyboardEvent("keyup", { key: "Unidentified" }));
    }
  }, true);
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.matches && ev.target.matches("[data-md-toggle=search]") &&
        ev.target.checked) release();
  }, true);

  /* Material fetches a sitemap.xml beside the address of every <link rel="alternate"> to
     steer its own language selector. extrel's language links already lead to the same page
     in the other language, so those requests are useless, and beside a page they answer 404.
     The links are hidden from Material while it starts (this listener runs before Material's,
     being registered first) and given back right after, for whoever reads them. */
  document.addEventListener("DOMContentLoaded", function () {
    var links = Array.prototype.slice.call(document.querySelectorAll("link[rel=alternate]"));
    links.forEach(function (link) { link.setAttribute("rel", "x-alternate"); });
    window.setTimeout(function () {
      links.forEach(function (link) { link.setAttribute("rel", "alternate"); });
    }, 0);
  }, { once: true });
})();
