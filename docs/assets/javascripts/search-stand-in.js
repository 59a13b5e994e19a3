/* EcoLeap Production: what the page's search worker stand-in (search-loader.js) does to the
   search index and to each query, loaded when the reader reaches for search.

   Material searches each word of a query as the start of a word, stop words too, so "how to
   start" also found every "tool" and "total" by "to", and "a" found most of the site. The
   stand-in leaves the index's stop words (curriculum/searchindex.py) out of each query, but not
   the last word, which may be the start of one still being typed ("to" of "tools"), nor a query
   of stop words alone, nor one that uses lunr's syntax: quotes, + - ~ ^ * and field:.
   Then each word loses a common inflection ending ("improvements" is searched as "improvement",
   "energin" as "energi"), by the index's rules (curriculum/searchquery.py, which says why), as
   `searchquery.shortened` does.
   A result names the query's words it lacks ("Missing: …") by the words searched; the stand-in
   gives those back as they were typed, so a reader sees "improvements", not "improvement". The
   words a result has stay as searched: its link highlights them on the page.
   The index comes packed (curriculum/searchwords.py): its entries field by field, and each word
   of their `words` once, with the places of the entries that have it. The stand-in writes the
   entries out for lunr, as `searchwords.unpack_index` does, and in Swedish adds the last parts of
   compound words (`searchindex.as_searched`).
   tests/stand_in.py runs its functions in Node beside the Python they mirror. */
window.ecoleapSearch = (function () {
  "use strict";
  // lunr's own query syntax: such a query is searched as typed
  var SYNTAX = /["~^*:]|(^|\s)[+-]/;
  function unpacked(index) {
    var config = index.config, columns = config.entries, DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
    if (!columns) { return index; }
    var fields = Object.keys(columns), page = "";
    var docs = (columns.location || []).map(function (location, i) {
      if (location && location.charAt(0) === "#") { location = page + location; }
      page = (location || "").split("#")[0];
      var doc = {};
      fields.forEach(function (field) {
        var value = field === "location" ? location : columns[field][i];
        if (value !== null) { doc[field] = value; }
      });
      return doc;
    });
    var words = docs.map(function () { return []; });
    var list = config.word_list ? config.word_list.split(" ") : [], word = "";
    var places = config.word_entries ? config.word_entries.split(" ") : [];
    for (var i = 0; i < list.length; i++) {
      word = word.slice(0, DIGITS.indexOf(list[i].charAt(0))) + list[i].slice(1);
      for (var j = 0, number = -1, gap = 0; j < places[i].length; j++) {
        var digit = DIGITS.indexOf(places[i].charAt(j));
        gap = gap * 32 + digit % 32;
        if (digit < 32) { number += gap + 1; words[number].push(word); gap = 0; }
      }
    }
    docs = docs.map(function (doc, n) { return words[n].length ? Object.assign(doc, { words: words[n].join(" ") }) : doc; });
    var rest = Object.assign({}, config);
    delete rest.entries;
    delete rest.word_list;
    delete rest.word_entries;
    return Object.assign({}, index, { config: rest, docs: docs });
  }
  // Where words compound, an entry is also found by the last part of a compound: its words get
  // each part that is a word of the index, when what comes before it is one too (or one and a
  // linking "s"), all letters, no stop word, each at least `compound_part` letters long. As
  // `searchentry.with_compound_parts` does; the index need not carry them (4 kB gzip of the
  // Swedish one), for about 80 ms once, as the index comes in (Node on the 2-core test machine).
  // Writes into the index `unpacked` made.
  function withCompoundParts(index) {
    var config = index.config, shortest = config.compound_part;
    if (!shortest) { return index; }
    var split = new RegExp(config.separator), stop = new Set(config.stop_words), letters = /^\p{L}+$/u, vocabulary = new Set();
    var held = index.docs.map(function (doc) {
      var found = new Set((doc.text + " " + (doc.words || "")).split(split).filter(Boolean).map(function (term) { return term.toLowerCase(); }));
      found.forEach(function (term) { if (letters.test(term) && !stop.has(term)) { vocabulary.add(term); } });
      return found;
    });
    index.docs.forEach(function (doc, n) {
      var parts = new Set();
      Array.from(held[n]).filter(function (term) { return term.length >= 2 * shortest && letters.test(term); }).sort().forEach(function (term) {
        for (var cut = shortest; cut <= term.length - shortest; cut++) {
          var part = term.slice(cut), first = term.slice(0, cut);
          if (vocabulary.has(part) && !held[n].has(part) && (vocabulary.has(first) || first.slice(-1) === "s" && vocabulary.has(first.slice(0, -1)))) { parts.add(part); }
        }
      });
      if (parts.size) { doc.words = [doc.words].concat(Array.from(parts)).filter(Boolean).join(" "); }
    });
    return index;
  }
  function withoutStopWords(query, stopWords) {
    if (typeof query !== "string" || SYNTAX.test(query)) { return query; }
    var words = query.trim().split(/\s+/), last = words.length - 1;
    var kept = words.filter(function (word, i) { return i === last || stopWords.indexOf(word.toLowerCase()) < 0; });
    return kept.length === 1 && stopWords.indexOf(kept[0].toLowerCase()) >= 0 ? query : kept.join(" ");
  }
  function shortened(query, endings) {
    if (typeof query !== "string" || !endings || SYNTAX.test(query)) { return query; }
    return query.trim().split(/\s+/).map(function (word) {
      word = word.toLowerCase();
      for (var i = 0; i < endings.rules.length; i++) {
        var pattern = new RegExp("(?:" + endings.rules[i][0] + ")$");
        if (pattern.test(word)) {
          var shorter = word.replace(pattern, endings.rules[i][1]);
          return shorter.length >= endings.shortest ? shorter : word;
        }
      }
      return word;
    }).join(" ");
  }
  // Each searched word: the word typed for it.
  function typedWords(query, searched) {
    var typed = {}, words = String(query).trim().toLowerCase().split(/\s+/);
    String(searched).trim().split(/\s+/).forEach(function (word) {
      var from = words.filter(function (w) { return w.indexOf(word) === 0; })[0];
      if (from && from !== word) { typed[word] = from; }
    });
    return typed;
  }
  // Material's result is {items: [[{terms: {word: found}}]]}.
  function withTypedMissing(result, typed) {
    return Object.assign({}, result, { items: result.items.map(function (group) {
      return group.map(function (item) {
        var terms = {};
        Object.keys(item.terms || {}).forEach(function (word) {
          terms[!item.terms[word] && typed[word] ? typed[word] : word] = item.terms[word];
        });
        return Object.assign({}, item, { terms: terms });
      });
    }) });
  }
  return {
    unpacked: unpacked, withCompoundParts: withCompoundParts, withoutStopWords: withoutStopWords,
    shortened: shortened, typedWords: typedWords, withTypedMissing: withTypedMissing
  };
})();
