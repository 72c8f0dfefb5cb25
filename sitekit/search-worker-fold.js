/* Search that finds Vietnamese typed with or without diacritics, and English in any inflection.
   hooks/search.py appends this file, without its comments, to Material's search worker (where `lunr`
   is global), so that it is loaded with the worker over http and from disk alike.

   - Every word is indexed as written and folded ("tảo" and "tao"; đ as d), at the same position, so
     a folded match is highlighted in the results where the accented word stands.
   - Every query word is folded, so "tảo hôn", "tao hon" and "tảo hon" find the same pages and no
     query word is shown as missing; an English query word is stemmed too ("marriages" as "marriag",
     which Material's trailing wildcard would otherwise miss in a stemmed index).
   - Then a page whose title is the query, or holds it as a phrase, ranks above pages that only hold
     its words (the term "Tảo hôn" above a lesson that says "tảo hôn" forty times), and a page that
     holds the query words with their exact diacritics above one that matches only when folded
     ("hơn" above "hôn" for the query "hơn").
   - The stop-word filters of lunr-languages are registered, as lunr expects of every pipeline
     function (it warned in the console on every page). */
(function () {
  "use strict";
  if (typeof lunr === "undefined") throw new Error("search-worker-fold.js: Material's worker defines no lunr");

  var EXACT_BOOST = 4;  // the score of a page with the exact words, against one with folded words only
  var TITLE_BOOST = 8;  // a title that is the query; a longer title holding it as a phrase gets its share
  var titles = {};  // ref -> {exact, folded}: the title's words, lower case (stemmed in English)
  var stemQueries = false;  // true when the index is stemmed (English)
  var exactQuery = null;  // while a query runs: its words with diacritics, as typed (NFC, lower case)
  var folding = true;
  var typed = "";  // the query as Material passes it to lunr, folded, without operators

  function stem(word) {
    return stemQueries ? lunr.stemmer(new lunr.Token(word, {})).toString() : word;
  }
  function phrase(value, folded) {  // the words of a title or a query, as one comparable string
    var text = value.normalize("NFC").toLowerCase();
    return (folded ? fold(text) : text).split(/[^0-9a-z\u00c0-\u024f\u1e00-\u1eff]+/).filter(Boolean).map(stem).join(" ");
  }
  function holds(title, words) {
    return (" " + title + " ").indexOf(" " + words + " ") !== -1;
  }

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  /* Indexing: the word, and its folded form when that differs. */
  function foldVariants(token) {
    var word = token.toString();
    var folded = fold(word);
    return folded === word ? token : [token, token.clone(function () { return folded; })];
  }
  lunr.Pipeline.registerFunction(foldVariants, "foldVariants");

  var makeStopWordFilter = lunr.generateStopWordFilter;
  var stopWordFilters = 0;
  lunr.generateStopWordFilter = function (words) {
    var filter = makeStopWordFilter(words);
    lunr.Pipeline.registerFunction(filter, "stopWordFilter-" + (++stopWordFilters));
    return filter;
  };

  /* The builder gets the folding step after the language plugin has set its pipeline (Material
     calls `use(lunr.vi)` then adds the documents). A Vietnamese index is not stemmed: lunr's English
     stemmer must not touch its queries either ("tay" would become "tai"). */
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this._folding) {
      this._folding = true;
      this.pipeline.add(foldVariants);
      stemQueries = this.pipeline._stack.indexOf(lunr.stemmer) !== -1;
      if (!stemQueries) this.searchPipeline.remove(lunr.stemmer);
    }
    if (doc && doc.title) {
      var title = String(doc.title).replace(/<[^>]*>/g, " ");
      titles[doc[this._ref]] = {exact: phrase(title, false), folded: phrase(title, true)};
    }
    return add.call(this, doc, attributes);
  };

  /* The index's vocabulary as a plain trie. lunr minimises it (shares the nodes of common endings),
     and with the folded words added its minimised set led a wildcard query ("1*") to words the
     index does not hold: "Cannot read properties of undefined (reading '_index')", no results. */
  function vocabulary(words) {
    var root = new lunr.TokenSet();
    words.forEach(function (word) {
      var node = root;
      for (var i = 0; i < word.length; i++) node = node.edges[word[i]] || (node.edges[word[i]] = new lunr.TokenSet());
      node.final = true;
    });
    return root;
  }
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    var index = build.call(this);
    index.tokenSet = vocabulary(Object.keys(index.invertedIndex));
    return index;
  };

  /* Query words: folded (and stemmed for English), before lunr matches them. */
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (spec) {
    if (folding && spec && typeof spec.term === "string") {
      var term = fold(spec.term.normalize("NFC").toLowerCase());
      if (stemQueries) {  // the word between Material's wildcards
        var parts = term.match(/^(\*?)(.*?)(\*?)$/);
        term = parts[1] + lunr.stemmer(new lunr.Token(parts[2], {})).toString() + parts[3];
      }
      if (exactQuery && term !== spec.term) exactQuery.push(spec.term.normalize("NFC").toLowerCase());
      spec.term = term;
    }
    return clause.call(this, spec);
  };

  /* Ranking: pages that hold the words as typed, diacritics included, first. */
  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    exactQuery = [];
    var results = search.call(this, query);
    var accented = exactQuery.filter(function (term) { return fold(term) !== term; });
    exactQuery = null;
    var words = String(query).replace(/[*^~+\-]\d*/g, " ");
    var exactWords = phrase(words, false);
    var foldedWords = phrase(words, true);
    var accentedQuery = exactWords !== foldedWords;
    if (foldedWords) {
      results.forEach(function (r) {
        var title = titles[r.ref];
        if (!title) return;
        // typed with diacritics, a title that has them counts fully, one that matches only folded half
        var share = accentedQuery && !holds(title.exact, exactWords) ? 0.5 : 1;
        if (holds(title.folded, foldedWords)) {
          r.score *= 1 + share * TITLE_BOOST * foldedWords.split(" ").length / title.folded.split(" ").length;
        }
      });
      results.sort(function (a, b) { return b.score - a.score; });
    }
    if (!accented.length) return results;
    folding = false;
    var exact;
    try {
      exact = this.query(function (q) {
        accented.forEach(function (term) {
          q.term(term.replace(/\*$/, ""), {wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false});
        });
      });
    } finally {
      folding = true;
    }
    var bonus = {};
    exact.forEach(function (r) {
      bonus[r.ref] = Object.keys(r.matchData.metadata).length / accented.length;
    });
    results.forEach(function (r) { r.score *= 1 + EXACT_BOOST * (bonus[r.ref] || 0); });
    return results.sort(function (a, b) { return b.score - a.score; });
  };
})();
