// The theme's search worker (its file name arrives as ?worker=…, see overrides/main.html) with Chinese queries cut
// into the words the index holds. The index was segmented by jieba at build time (words between zero-width spaces);
// the theme cuts a query against its index with a greedy match that never tries a run of Han characters as a whole,
// so 湘教通 became 湘 (STACK-NOTES.md). Here each run is cut into the index's own words, longest first, before the
// theme sees it, and each word is closed by a character no word contains, so that the theme keeps it whole.
// Lives beside the theme's worker: the theme's worker loads its language files from "../lunr" relative to itself.
(function () {
  var SETUP = 0, QUERY = 2;  // the theme's message types (integrations/search/worker/message)
  var HAN = /\p{sc=Han}+/gu;
  var words = new Set(), longest = 1, closer = "\u3400";

  // Every word of the index with a Han character in it, split as the theme's tokenizer splits.
  function learn(index) {
    var separator = new RegExp(index.config.separator, "g");
    var chars = new Set();
    index.docs.forEach(function (doc) {
      ((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]*>/g, " ").split(separator).forEach(function (token) {
        if (!token || !/\p{sc=Han}/u.test(token)) return;
        token = token.toLowerCase();
        words.add(token);
        longest = Math.max(longest, token.length);
        for (var c of token) chars.add(c);
      });
    });
    // the closing character: a Han character (so that it belongs to the run) found in no word
    closer = ["\u3400", "\u3401", "\u3402", "\u3403"].find(function (c) { return !chars.has(c); }) || closer;
  }

  // A run of Han characters as the index's words, longest match first; characters no word starts with stay together.
  function cut(run) {
    var out = [], rest = "";
    for (var i = 0; i < run.length;) {
      var found = null;
      for (var n = Math.min(longest, run.length - i); n >= 2 && !found; n--)
        if (words.has(run.slice(i, i + n))) found = run.slice(i, i + n);
      if (!found && words.has(run[i])) found = run[i];
      if (found) {
        if (rest) { out.push(rest); rest = ""; }
        out.push(found + closer);
        i += found.length;
      } else {
        rest += run[i++];
      }
    }
    if (rest) out.push(rest);
    return out.join(" ");
  }

  function segment(query) {
    return words.size ? query.replace(HAN, cut) : query;
  }

  // The theme's worker registers one "message" listener: it receives the messages with the query already cut.
  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, function (event) {
      var message = event.data;
      if (message && message.type === SETUP) learn(message.data);
      if (message && message.type === QUERY && typeof message.data === "string")
        return handler({ data: { type: QUERY, data: segment(message.data) } });
      return handler(event);
    }, options);
  };
  self.portalSegment = segment;  // for tests and for a look from the browser's console
  var theirs = new URLSearchParams(self.location.search).get("worker") || "";
  if (!/^[\w.-]+\.js$/.test(theirs)) throw new Error("search-segment.js: ?worker= must name the theme's worker file");
  importScripts(theirs);
})();
