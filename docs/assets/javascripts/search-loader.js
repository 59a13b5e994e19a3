/* EcoLeap Production: Material's search, as our pages start it (overrides/main.html loads this
   just before Material's bundle, on the site and in the offline copy). A file of its own, not an
   inline script: the browser keeps it from page to page, and every page's HTML is about 2.5 kB
   gzip lighter.

   On the site, Material requests the search index as its bundle starts: the heaviest file of a
   visit, for a search most readers never open. The request is opened at once but sent only when
   the reader reaches for search (a tap or click in the search box or on its button, focus in the
   box, or a shortcut key: /, s, f), and it goes to the index of the page's own language
   (`data-index-folder`, curriculum/searchindex.py). Material keeps its place in the search box
   meanwhile and searches once the index is in.
   As it starts, Material also fetches the sitemap beside each alternate link (one for each
   language), to send a language link to the page's twin. Ours link there already (the i18n
   plugin), so those two requests, 5 kB gzip of a first visit, are not sent. A sitemap asked for
   after the reader's first tap, key or click (the version selector's) goes out as usual.

   The offline copy (`data-offline`) is opened from file://, where the browser refuses every
   XMLHttpRequest: no sitemap is asked for there at all. Material loads the index as a script,
   `search/search_index.js` beside the site's root, which it makes with a `setAttribute`; that
   goes to the page's own language's index instead. Its worker is the offline copy's iframe
   stand-in (offline-worker.js, loaded in the head as Material's polyfill).

   On both, Material's search worker is behind a stand-in. Material starts its worker (12 kB
   gzip, lunr) as it starts too; it is first given work when the index is in, so the worker starts
   then. Until then the stand-in keeps Material's listeners.
   What the stand-in does to the index and to each query (stop words, endings, the packed
   index, compound words) is in search-stand-in.js, which it loads when the reader reaches for
   search, beside the index: 1.6 kB gzip that a page visited without a search does not load.
   Until it is in, the stand-in keeps Material's messages to the worker, in order. */
(function () {
  "use strict";
  var script = document.currentScript;
  var indexFolder = script.getAttribute("data-index-folder") || "", offline = script.hasAttribute("data-offline");
  var xhr = XMLHttpRequest.prototype, open = xhr.open, send = xhr.send;
  var SITEMAP = /\/sitemap\.xml$/, INDEX = /search\/search_index\.json$/, SCRIPT_INDEX = /search\/search_index\.js$/;
  var held = [], wanted = false, acted = false;
  var STAND_IN = new URL("search-stand-in.js", script.src).href, search = null, waiting = [];
  // The stand-in's functions (window.ecoleapSearch): `then` is called with them once they are in,
  // in the order asked.
  function withStandIn(then) {
    if (search) { return then(search); }
    if (waiting.push(then) > 1) { return; }
    var tag = document.createElement("script");
    tag.src = STAND_IN;
    tag.onload = function () { search = window.ecoleapSearch; waiting.splice(0).forEach(function (f) { f(search); }); };
    document.head.appendChild(tag);
  }
  xhr.open = function (method, url) {
    var args = [].slice.call(arguments);
    this.unasked = (offline || !acted) && SITEMAP.test(String(url));
    this.searchIndex = !offline && INDEX.test(String(url));
    if (this.searchIndex) { args[1] = String(url).replace(INDEX, indexFolder + "search/search_index.json"); }
    return open.apply(this, args);
  };
  xhr.send = function () {
    if (this.unasked) { return; }
    if (this.searchIndex && !wanted) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  function want(event) {
    var asked = event.type === "keydown" ? "/sf".indexOf(event.key) >= 0 && event.key.length === 1
      : event.target.closest && event.target.closest('.md-search, [for="__search"]');
    if (wanted || !asked) { return; }
    wanted = true;
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
    withStandIn(function () {});
  }
  if (offline) {
    var setAttribute = Element.prototype.setAttribute;
    HTMLScriptElement.prototype.setAttribute = function (name, value) {
      if (name === "src" && SCRIPT_INDEX.test(String(value))) { value = String(value).replace(SCRIPT_INDEX, indexFolder + "search/search_index.js"); }
      return setAttribute.call(this, name, value);
    };
  } else {
    ["pointerdown", "focusin", "keydown"].forEach(function (type) { document.addEventListener(type, want, true); });
    // Any act of the reader's ends the start, a click too: a screen reader's may come without a
    // pointer or key event before it.
    ["pointerdown", "keydown", "click"].forEach(function (type) {
      document.addEventListener(type, function () { acted = true; }, true);
    });
  }

  // Material's SearchMessageType
  var BaseWorker = window.Worker, SETUP = 0, QUERY = 2, RESULT = 3;
  function SearchWorker(url, options) {
    this.start = function () { return new BaseWorker(url, options); };
    this.listeners = []; this.stopWords = []; this.typed = {};
  }
  SearchWorker.prototype.addEventListener = function (type, listener, options) {
    var self = this, heard = type !== "message" ? listener : function (event) {
      var message = event && event.data;
      if (search && message && message.type === RESULT && message.data && message.data.items) {
        event = { data: { type: RESULT, data: search.withTypedMissing(message.data, self.typed) } };
      }
      return listener.call(this, event);
    };
    this.listeners.push([type, listener, options, heard]);
    if (this.real) { this.real.addEventListener(type, heard, options); }
  };
  SearchWorker.prototype.removeEventListener = function (type, listener, options) {
    var real = this.real;
    this.listeners = this.listeners.filter(function (l) {
      var same = l[0] === type && l[1] === listener;
      if (same && real) { real.removeEventListener(type, l[3], options); }
      return !same;
    });
  };
  SearchWorker.prototype.postMessage = function (message) {
    var self = this;
    withStandIn(function () { self.send(message); });
  };
  SearchWorker.prototype.send = function (message) {
    // A message that waited for the stand-in's functions starts no worker after `terminate`.
    if (this.ended) { return; }
    if (!this.real) {
      this.real = this.start();
      this.listeners.forEach(function (l) { this.real.addEventListener(l[0], l[3], l[2]); }, this);
    }
    if (message && message.type === SETUP) {
      this.stopWords = message.data.config.stop_words || [];
      this.endings = message.data.config.query_endings;
      message = { type: SETUP, data: search.withCompoundParts(search.unpacked(message.data)) };
    }
    if (message && message.type === QUERY) {
      var searched = search.shortened(search.withoutStopWords(message.data, this.stopWords), this.endings);
      this.typed = search.typedWords(message.data, searched);
      message = { type: QUERY, data: searched };
    }
    this.real.postMessage(message);
  };
  SearchWorker.prototype.terminate = function () { this.ended = true; if (this.real) { this.real.terminate(); } };
  window.Worker = function (url, options) {
    return /workers\/search\.[^/]*\.js$/.test(String(url)) ? new SearchWorker(url, options) : new BaseWorker(url, options);
  };
})();
