/* extrel: Material's search worker, with each word of the query cut to its stem first.

   Material indexes words as they are and looks every query word up as a prefix ("word*"),
   so «делегации» alone never finds «делегация». Here the query word becomes the part it
   shares with its stem (lunr's Snowball stemmer of the page's language: «делегации» →
   «делегац»), and the prefix search then finds every form of the word. extrel-head.js starts
   this worker in place of Material's, whose address comes after the "#". */
(function () {
  "use strict";
  var material = new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href);
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
    if (ours && ours.has(ev)) return;
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

  /* Material's worker loads the stemmers relative to itself ("../lunr/..."), not to us */
  var load = self.importScripts;
  self.importScripts = function () {
    var urls = Array.prototype.map.call(arguments, function (url) {
      return new URL(url, material).href;
    });
    return load.apply(self, urls);
  };
  self.importScripts(material.href);
})();
