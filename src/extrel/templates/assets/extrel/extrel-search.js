/* extrel: Material's search worker, with each word of the query cut to its stem first.

   Material indexes words as they are and looks every query word up as a prefix ("word*"),
   so «делегации» alone never finds «делегация». Here the query word becomes the part it
   shares with its stem (lunr's Snowball stemmer of the page's language: «делегации» →
   «делегац»), and the prefix search then finds every form of the word. extrel-head.js starts
   this worker in place of Material's, whose address is the "worker" parameter after the "#". */
(function () {
  "use strict";
  var hash = new URLSearchParams(self.location.hash.slice(1));
  var material = new URL(hash.get("worker") || "", self.location.href);
  if (material.origin !== self.location.origin) {
    throw new Error("extrel: the search worker must come from this site");
  }
  var SETUP = 0, QUERY = 2;  // Material's SearchMessageType
  var languages = [];
  var ours = typeof WeakSet === "function" ? new WeakSet() : null;
  var WORD = /(^|[\s"+-])(\p{L}{4,})(?=$|[\s"])/gu;  // whole words of letters only

  function stem(word, stemmer) {
    var lower = word.toLowerCase();
    var stemmed = String(stemmer(new self.lunr.Token(lower, {})));
    var n = 0;
    while (n < lower.length && n < stemmed.length && lower[n] === stemmed[n]) n += 1;
    return n >= 3 ? lower.slice(0, n) : lower;
  }

  function stemQuery(query) {
    var lunr = self.lunr;
    var lang = languages[0] || "en";
    var stemmer = lunr && (lang === "en" ? lunr.stemmer : lunr[lang] && lunr[lang].stemmer);
    if (typeof stemmer !== "function" || languages.length !== 1) return query;
    return query.replace(WORD, function (all, before, word) {
      return before + stem(word, stemmer);
    });
  }

  self.addEventListener("message", function (ev) {
    if ((pagefindBase && !failed) || (ours && ours.has(ev))) return;
    var message = ev.data;
    if (message && message.type === SETUP && message.data && message.data.config) {
      languages = message.data.config.lang || [];
    }
    if (message && message.type === QUERY && typeof message.data === "string" && ours) {
      ev.stopImmediatePropagation();
      var copy = new MessageEvent("message", { data: { type: QUERY, data: stemQuery(message.data) } });
      ours.add(copy);
      self.dispatchEvent(copy);
    }
  });

  /* The portal searches every municipality's pages with Pagefind (built by ``extrel build``
     into /pagefind/: an index per language, split in fragments; a query fetches only the
     fragments of its words). Its address is the "pagefind" parameter after the "#"; the
     answers are given in the form of Material's worker, so that Material draws them. If the
     index cannot be loaded (``extrel serve`` builds none), Material's worker runs instead. */
  var pagefindBase = hash.get("pagefind");
  /* A portal of thousands of municipalities has an index per group (pagefind/<group>/): the
     "group" parameter names the one the visitor picked, and a message {type: "x-group"}
     from the page switches to another, answering the last query again from it. */
  var GROUP = /^g[0-9a-f]{1,40}$/;
  if (pagefindBase) {
    var folder = new URL(pagefindBase, self.location.href);
    if (folder.origin !== self.location.origin) {
      throw new Error("extrel: the search index must come from this site");
    }
    var root = new URL("../", folder);
    var groupOf = function (id) { return id && GROUP.test(id) ? new URL(id + "/", folder) : folder; };
    var base = groupOf(hash.get("group"));
    var pagefind = null, wanted = null, busy = false, failed = false, early = [], last = null;
    var loaded = {};
    var escape = function (text) {
      return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
    };
    var answer = function (query) {
      return pagefind.search(query).then(function (found) {
        var top = found ? found.results.slice(0, 20) : [];
        return Promise.all(top.map(function (r) { return r.data(); })).then(function (pages) {
          return pages.map(function (page, i) {
            var location = new URL(page.url.replace(/^\//, ""), root).href;
            return [{ location: location, title: escape(page.meta.title || location),
                      text: page.excerpt, score: top[i].score,
                      terms: query.trim() ? (function (t) { t[query.trim()] = true; return t; })({}) : {} }];
          });
        });
      });
    };
    /* Pagefind's script of an index, set up for it (each index folder has its own copy, so
       each is a module of its own) */
    var load = function (at) {
      if (!loaded[at.href]) {
        loaded[at.href] = import(new URL("pagefind.js", at).href).then(function (module) {
          return module.options({ basePath: at.pathname, excerptLength: 24 }).then(function () {
            return module.init();
          }).then(function () { return module; });
        });
      }
      return loaded[at.href];
    };
    var next = function () {
      if (busy || wanted === null) return;
      var query = wanted;
      wanted = null;
      last = query;
      busy = true;
      var done = function (items) {
        busy = false;
        /* a newer query waits: this one's answer is already stale */
        if (wanted === null) self.postMessage({ type: 3, data: { items: items } });
        next();
      };
      (query.trim() ? answer(query) : Promise.resolve([])).then(done, function (err) {
        console.warn("extrel: search failed", err);
        done([]);
      });
    };
    self.addEventListener("message", function (ev) {
      var message = ev.data;
      if (message && message.type === "x-group") {
        ev.stopImmediatePropagation();  /* ours alone: Material's worker would throw on it */
        if (failed) return;
        var chosen = groupOf(String(message.data));
        if (chosen.href === base.href) return;
        base = chosen;
        if (!pagefind) return;  /* still starting: the start loads the group picked last */
        load(chosen).then(function (module) {
          if (base.href !== chosen.href) return;  /* another group was picked meanwhile */
          pagefind = module;
          if (wanted === null && last !== null) wanted = last;
          next();
        }, function (err) { console.warn("extrel: the group's search index is missing", err); });
        return;
      }
      if (failed) return;
      if (message && message.type === SETUP) {
        ev.stopImmediatePropagation();
        var lang = hash.get("lang") || (message.data.config.lang || [])[0] || "en";
        /* Pagefind takes the language of its index from <html lang> alone, and a worker has
           no document: this stand-in answers that one question (and no other). */
        if (typeof self.document === "undefined") {
          self.document = {
            currentScript: null,
            querySelector: function (sel) {
              return sel === "html" ? { getAttribute: function (n) { return n === "lang" ? lang : null; } } : null;
            }
          };
        }
        var ready = function (at) {
          return load(at).then(function (module) {
            /* another group was picked while this one loaded: wait for that one instead */
            if (base.href !== at.href) return ready(base);
            pagefind = module;
            return module;
          });
        };
        ready(base).then(function () {
          self.postMessage({ type: 1 });
          next();
        }).catch(function (err) {
          console.warn("extrel: the region's search index is missing; the portal's alone is searched", err);
          failed = true;
          startMaterial();
          self.dispatchEvent(new MessageEvent("message", { data: message }));
          early.splice(0).forEach(function (m) { self.dispatchEvent(new MessageEvent("message", { data: m })); });
        });
      } else if (message && message.type === QUERY) {
        ev.stopImmediatePropagation();
        if (!pagefind) { early.push(message); return; }
        wanted = String(message.data);
        next();
      }
    }, true);
  } else {
    startMaterial();
  }

  function startMaterial() {
    /* Material's worker loads the stemmers relative to itself ("../lunr/..."), not to us */
    var load = self.importScripts;
    self.importScripts = function () {
      var urls = Array.prototype.map.call(arguments, function (url) {
        return new URL(url, material).href;
      });
      return load.apply(self, urls);
    };
    self.importScripts(material.href);
  }
})();
