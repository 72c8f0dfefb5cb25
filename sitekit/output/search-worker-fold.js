/* Search that finds Vietnamese typed with or without diacritics, and English in any inflection, and
   that is ready soon after the reader starts typing on a slow phone.
   hooks/search.py appends this file, without its comments, to Material's search worker (where `lunr`
   is global), so that it is loaded with the worker over http and from disk alike.

   - Every word is indexed folded ("tảo" as "tao"; đ as d) and every query word is folded too, so
     "tảo hôn", "tao hon" and "tảo hon" find the same pages, no query word is shown as missing, and a
     folded match is highlighted where the accented word stands. An English query word is stemmed as
     well ("marriages" as "marriag", which Material's trailing wildcard would otherwise miss).
   - Then a page whose title is the query, or holds it as a phrase, ranks above pages that only hold
     its words (the term "Tảo hôn" above a lesson that says "tảo hôn" forty times), and a page that
     holds the query words with their exact diacritics above one that matches only when folded
     ("hơn" above "hôn" for the query "hơn"): the page's own text is read for the words as typed.
   - Building the index is what the reader waits for after the first key. Each word is indexed once
     (folded), not twice; lunr's builder, unmaintained since 2020, converts every token to a string
     five times in its inner loop and inserts each term of a field vector with a splice: both are
     replaced below by equivalent code that gives the same index (tests/test_search.py checks it).
   - A result carries a short excerpt around its first match, not the whole section, and a page's
     result its best four sections, not all: the page gets and draws a fraction of the text (the
     page's thread is the slow one on a phone).
   - The stop-word filters of lunr-languages are registered, as lunr expects of every pipeline
     function (it warned in the console on every page). */
(function () {
  "use strict";
  if (typeof lunr === "undefined") throw new Error("search-worker-fold.js: Material's worker defines no lunr");

  var EXACT_BOOST = 4;  // the score of a page with the exact words, against one with folded words only
  var TITLE_BOOST = 8;  // a title that is the query; a longer title holding it as a phrase gets its share
  var titles = {};  // ref -> {exact, folded}: the title's words, lower case (stemmed in English)
  var texts = {};  // ref -> the title and text as written, lower case: where exact words are looked for
  var EXCERPT = 300;  // characters of text shown with a result, around its first match
  var SECTIONS = 4;  // sections of a page shown under it, the best first; the page itself always
  var stemQueries = false;  // true when the index is stemmed (English)
  var exactQuery = null;  // while a query runs: its words with diacritics, as typed (NFC, lower case)
  var typed = "";  // the query as Material passes it to lunr, folded, without operators

  function stem(word) {
    return stemQueries ? lunr.stemmer(new lunr.Token(word, {})).toString() : word;
  }
  var LETTERS = "0-9a-z\u00c0-\u024f\u1e00-\u1eff";  // what a word is made of, lower case
  var NOT_LETTERS = new RegExp("[^" + LETTERS + "]+");
  function phrase(value, folded) {  // the words of a title or a query, as one comparable string
    var text = value.normalize("NFC").toLowerCase();
    return (folded ? fold(text) : text).split(NOT_LETTERS).filter(Boolean).map(stem).join(" ");
  }
  function holds(title, words) {
    return (" " + title + " ").indexOf(" " + words + " ") !== -1;
  }

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  /* Indexing: each word folded (a few thousand distinct words: each is folded once). */
  var foldedWords = Object.create(null);
  function foldWord(word) {
    var folded = foldedWords[word];
    return folded === undefined ? (foldedWords[word] = fold(word)) : folded;
  }
  function foldWords(token) {
    return token.update(foldWord);
  }
  lunr.Pipeline.registerFunction(foldWords, "foldWords");

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
      this.pipeline.add(foldWords);
      stemQueries = this.pipeline._stack.indexOf(lunr.stemmer) !== -1;
      if (!stemQueries) this.searchPipeline.remove(lunr.stemmer);
    }
    var title = doc && doc.title ? String(doc.title).replace(/<[^>]*>/g, " ") : "";
    if (title) titles[doc[this._ref]] = {exact: phrase(title, false), folded: phrase(title, true)};
    if (doc) texts[doc[this._ref]] = (title + " " + (doc.text || "")).normalize("NFC").toLowerCase();
    return indexDocument.call(this, doc, attributes);
  };

  /* lunr 2.3.9's Builder.add, reading each token's string once (lunr converts it at every use). */
  function addDocument(doc, attributes) {
    var docRef = doc[this._ref];
    var fields = Object.keys(this._fields);
    var whitelist = this.metadataWhitelist;
    var index = this.invertedIndex;
    this._documents[docRef] = attributes || {};
    this.documentCount += 1;
    for (var i = 0; i < fields.length; i++) {
      var fieldName = fields[i];
      var extractor = this._fields[fieldName].extractor;
      var value = extractor ? extractor(doc) : doc[fieldName];
      var terms = this.pipeline.run(this.tokenizer(value, {fields: [fieldName]}));
      var fieldRef = new lunr.FieldRef(docRef, fieldName).toString();
      var fieldTerms = Object.create(null);
      this.fieldTermFrequencies[fieldRef] = fieldTerms;
      this.fieldLengths[fieldRef] = terms.length;
      for (var j = 0; j < terms.length; j++) {
        var token = terms[j];
        var term = token.toString();
        fieldTerms[term] = (fieldTerms[term] || 0) + 1;
        var posting = index[term];
        if (posting === undefined) {
          posting = Object.create(null);
          posting._index = this.termIndex;
          this.termIndex += 1;
          for (var k = 0; k < fields.length; k++) posting[fields[k]] = Object.create(null);
          index[term] = posting;
        }
        var entry = posting[fieldName][docRef] || (posting[fieldName][docRef] = Object.create(null));
        for (var l = 0; l < whitelist.length; l++) {
          var key = whitelist[l];
          (entry[key] || (entry[key] = [])).push(token.metadata[key]);
        }
      }
    }
  }

  /* lunr 2.3.9's Builder.createFieldVectors, each vector sorted once instead of spliced term by term. */
  var lunrFieldVectors = lunr.Builder.prototype.createFieldVectors;
  function createFieldVectors() {
    var fieldVectors = {};
    var fieldRefs = Object.keys(this.fieldTermFrequencies);
    var idfs = Object.create(null);
    for (var i = 0; i < fieldRefs.length; i++) {
      var fieldRef = lunr.FieldRef.fromString(fieldRefs[i]);
      var fieldName = fieldRef.fieldName;
      var fieldLength = this.fieldLengths[fieldRef];
      var termFrequencies = this.fieldTermFrequencies[fieldRef];
      var terms = Object.keys(termFrequencies);
      var fieldBoost = this._fields[fieldName].boost || 1;
      var docBoost = this._documents[fieldRef.docRef].boost || 1;
      var pairs = new Array(terms.length);
      for (var j = 0; j < terms.length; j++) {
        var term = terms[j];
        var tf = termFrequencies[term];
        var posting = this.invertedIndex[term];
        var idf = idfs[term];
        if (idf === undefined) idf = idfs[term] = lunr.idf(posting, this.documentCount);
        var score = idf * ((this._k1 + 1) * tf) /
          (this._k1 * (1 - this._b + this._b * (fieldLength / this.averageFieldLength[fieldName])) + tf);
        score *= fieldBoost;
        score *= docBoost;
        pairs[j] = [posting._index, Math.round(score * 1000) / 1000];
      }
      pairs.sort(function (a, b) { return a[0] - b[0]; });
      var elements = new Array(pairs.length * 2);
      for (var p = 0; p < pairs.length; p++) {
        elements[2 * p] = pairs[p][0];
        elements[2 * p + 1] = pairs[p][1];
      }
      fieldVectors[fieldRef] = new lunr.Vector(elements);
    }
    this.fieldVectors = fieldVectors;
  }
  lunr.Builder.prototype.createFieldVectors = createFieldVectors;
  var indexDocument = addDocument;
  /* lunr's own builder again (true) or this file's (false): for the test that proves both give the
     same index, nothing else */
  lunr.siteUseLunrBuilder = function (on) {
    indexDocument = on ? add : addDocument;
    lunr.Builder.prototype.createFieldVectors = on ? lunrFieldVectors : createFieldVectors;
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
    if (spec && typeof spec.term === "string") {
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
    var patterns = accented.map(function (term) {  // each typed word as the start of a word of the text
      var word = term.replace(/^\*+|\*+$/g, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return new RegExp("(^|[^" + LETTERS + "])" + word);
    });
    results.forEach(function (r) {
      var text = texts[r.ref] || "";
      var found = patterns.filter(function (pattern) { return pattern.test(text); }).length;
      r.score *= 1 + EXACT_BOOST * found / patterns.length;
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  };

  /* Results: each text cut to an excerpt around its first match, at spaces (never inside a mark or
     an entity: neither holds a space). The whole section would be copied to the page and drawn. */
  function excerpt(html) {
    if (html.length <= EXCERPT) return html;
    var first = html.indexOf("<mark>");
    var start = first < EXCERPT / 3 ? 0 : html.lastIndexOf(" ", first - EXCERPT / 3) + 1;
    var end = html.indexOf(" ", start + EXCERPT);
    if (end === -1) end = html.length;
    return (start > 0 ? "… " : "") + html.slice(start, end) + (end < html.length ? " …" : "");
  }
  /* Each page's result with its best few sections: Material draws every matching section of a page
     (a long lesson has dozens), most of them folded away, on the slow thread of the phone. */
  function bestSections(group) {
    var page = group.filter(function (doc) { return doc.location.indexOf("#") === -1; });
    var sections = group.filter(function (doc) { return doc.location.indexOf("#") !== -1; })
      .sort(function (a, b) { return b.score - a.score; }).slice(0, SECTIONS);
    return group.filter(function (doc) { return page.indexOf(doc) !== -1 || sections.indexOf(doc) !== -1; });
  }
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data && message.data.items) {  // Material's RESULT
      message.data.items = message.data.items.map(function (group) {
        return bestSections(group).map(function (doc) {
          if (typeof doc.text === "string") doc.text = excerpt(doc.text);
          return doc;
        });
      });
    }
    return post.apply(self, arguments);
  };
})();
