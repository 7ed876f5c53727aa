// The theme's search box asks this worker (in place of its lunr worker, see overrides/main.html) and gets the answers
// from Pagefind: the reader's language's index arrives in small chunks as queries need them, never the whole site.
// It speaks the theme's worker messages (integrations/search/worker/message): SETUP (the theme's index, empty here)
// is answered READY, a QUERY with a RESULT: result groups, one per page, the page first and then its sections.
// Each page listed costs its text (Pagefind's fragment of the page, 1-8 KB): a query fetches the first FIRST pages (a
// phone's screen, 390x844, shows 4 or 5 results with their sections), and MORE further ones each time the reader asks
// for them (the button docs/assets/portal.js adds below the list, pressed or scrolled to, through the page's
// BroadcastChannel named in ?channel=, which also hears how many pages matched).
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var FIRST = 4, MORE = 5;
  // A page whose title or document number has the query's words comes first: each page's `keys` metadata (its title
  // cut into words, macros/site/search_keys.py) adds to the score of its text; Pagefind's `title` (one unsegmented
  // word in Chinese) adds nothing, so that both languages rank alike.
  var RANKING = { metaWeights: { keys: 5, title: 0 } };
  var params = new URLSearchParams(self.location.search);
  var channel = params.get("channel") && typeof BroadcastChannel === "function"
    ? new BroadcastChannel(params.get("channel")) : null;
  var siteRoot = new URL("../../../", self.location.href);  // this file is assets/javascripts/workers/
  var bundle = new URL("pagefind/", siteRoot).href;
  var lang = params.get("lang") || "unknown";
  // Pagefind takes the language from <html lang>, which a worker has not (it would fall back to the language with the
  // most pages): it is answered from ?lang=, set by the page.
  self.document = { currentScript: null, querySelector: function (selector) {
    return selector === "html" ? { getAttribute: function () { return lang; } } : null;
  } };
  // Loaded at the first query, not with the page: a reader who never searches downloads nothing of it. Each query
  // gets a fresh Pagefind instance: in Pagefind 1.5.2 one instance's metadata scores grow with every search it has
  // run, so that the same query ranked differently after others (安徽: the province page first on its own, the notice
  // first after three other queries). A new instance fetches nothing again but the small entry file; the browser's
  // cache holds the rest.
  var loaded = null;
  function instance() {
    loaded = loaded || import(bundle + "pagefind.js");
    return loaded.then(function (module) {
      var fresh = module.createInstance({ basePath: bundle });
      return fresh.options({ ranking: RANKING }).then(function () { return fresh.init(); }).then(function () {
        return fresh;
      });
    });
  }
  var queue = Promise.resolve();  // queries are answered in the order asked: the theme shows the last answer

  function address(url) {  // Pagefind's URLs start at the site's root folder, wherever the site is served from
    return new URL(url.replace(/^\//, ""), siteRoot).href;
  }

  // The query's words as typed, which the theme hands to the page it opens (?h=) to mark there. Not the words Pagefind
  // marked in its excerpts: it cuts a name it does not know (杨承阁) into single characters, marked everywhere.
  function terms(query) {
    var words = {};
    query.split(/\s+/).filter(Boolean).forEach(function (word) { words[word.toLowerCase()] = true; });
    return words;
  }

  function group(data, score, query) {
    var sections = (data.sub_results || []).filter(function (s) { return s.url.indexOf("#") >= 0; });
    var matched = terms(query);
    var page = { location: address(data.url), title: data.meta.title || data.url, text: data.excerpt,
      score: score, terms: matched };
    var best = Math.max.apply(null, sections.map(function (s) { return (s.locations || []).length; }).concat([0]));
    return [page].concat(sections.map(function (s) {
      return { location: address(s.url), title: s.title, text: s.excerpt, terms: matched,
        score: (s.locations || []).length === best ? score : score / 2 };  // the theme folds the lower ones
    }));
  }

  var current = { query: "", results: [], items: [] };  // the last query's answer, as far as it is loaded

  // The results up to `count` of the current answer, their pages' text fetched and turned into the theme's groups.
  function fill(state, count) {
    var next = state.results.slice(state.items.length, count);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      pages.forEach(function (data, i) { state.items.push(group(data, next[i].score, state.query)); });
      return state;
    });
  }

  function answer(state) {
    self.postMessage({ type: RESULT, data: { items: state.items.slice() } });
    if (channel) channel.postMessage({ query: state.query, total: state.results.length, shown: state.items.length });
  }

  // A Chinese query is cut into words here, not by Pagefind. The browser's word segmenter (Intl.Segmenter) cuts a word
  // it does not know into single characters (市级审核 → 市 级 审核), and Pagefind wants each query word to start a word
  // of the page as the index's own segmenter cut it (市级 whole, and no word of the filing guide starts with 级). So
  // the query is searched as the browser cuts it and, when that left single characters side by side, once more with
  // those joined again (市级 审核); the answer lists the pages either search finds, each at its better score. With
  // Intl.Segmenter hidden from it, Pagefind takes the words as given (space-separated, punctuation dropped).
  var Segmenter = self.Intl && Intl.Segmenter;
  var HAN = /^\p{Script=Han}$/u, PUNCTUATION = /^[\p{P}\p{S}\s]*$/u;
  if (Segmenter && /^zh\b/i.test(lang)) Intl.Segmenter = undefined;
  function wordings(query) {
    if (!Segmenter || Intl.Segmenter) return [query];
    var words = Array.from(new Segmenter(lang, { granularity: "word" }).segment(query), function (s) {
      return s.segment;
    }).filter(function (word) { return !PUNCTUATION.test(word); });
    var joined = [], run = "";
    words.forEach(function (word) {
      if (HAN.test(word)) { run += word; return; }
      if (run) joined.push(run);
      run = "";
      joined.push(word);
    });
    if (run) joined.push(run);
    var cut = words.join(" "), rejoined = joined.join(" ");
    return rejoined === cut ? [cut] : [cut, rejoined];
  }

  function search(query) {
    if (!query) return Promise.resolve({ query: query, results: [], items: [] });
    (current.pagefinds || []).forEach(function (old) { old.destroy(); });
    var pagefinds = [], best = {};
    return wordings(query).reduce(function (done, words) {  // one after the other, each on its own instance
      return done.then(instance).then(function (pagefind) {
        pagefinds.push(pagefind);
        return pagefind.search(words);
      }).then(function (found) {
        (found ? found.results : []).forEach(function (r) { if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r; });
      });
    }, Promise.resolve()).then(function () {
      var results = Object.keys(best).map(function (id) { return best[id]; });
      results.sort(function (a, b) { return b.score - a.score; });
      return fill({ query: query, results: results, items: [], pagefinds: pagefinds }, FIRST);
    });
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP) {
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var query = String(message.data || "").trim();
      queue = queue.then(function () {
        return search(query).catch(function (error) {
          console.warn("search-pagefind.js:", error);
          return { query: query, results: [], items: [] };
        }).then(function (state) { current = state; answer(state); });
      });
    }
  });
  if (channel) channel.addEventListener("message", function (event) {  // the reader asks for more of this answer
    var asked = event.data || {};
    if (asked.more !== current.query || current.items.length >= current.results.length) return;
    queue = queue.then(function () {
      var state = current;
      return fill(state, state.items.length + MORE).then(function () { if (state === current) answer(state); });
    }).catch(function (error) { console.warn("search-pagefind.js:", error); });
  });
})();
