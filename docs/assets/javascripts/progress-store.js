/* EcoLeap Production: the self-study progress store (docs/about/contributing.md#progress-store).
   One record per stable key, kept in this browser's localStorage under one name for every
   curriculum version, so a coach's ticks carry into each newer version of the site.

     window.ecoleapProgress.get("unit:green-toolkit")
       -> {done: true, date: "2026-12-05", version: "2026.1", digest: "3f2a9c0d1b7e"} or null
     .set(key, record)   record: {done, date?, version?, digest?}; date and version are filled in
     .remove(key)        .all() -> {key: record}
     .exportJSON()       -> text for a file        .importJSON(text) -> {ok, count} or {ok: false, reason, found}
     .onChange(fn)       fn(key) after every change made through this store, on this page

   Keys: `unit:<unit id>`, `step:<certification step id>`, `selfcheck:<unit id>`. A page whose
   content changed since it was ticked keeps its tick; the page compares digests and says so. */
(function () {
  "use strict";
  var STORAGE = "ecoleap-progress";
  // before 2026.2: one store per curriculum version
  var LEGACY = "ecoleap-progress:";
  var KEY = /^(unit|step|selfcheck):[a-z0-9][a-z0-9-]*$/;
  var meta = document.querySelector('meta[name="curriculum-version"]');
  var VERSION = meta ? meta.getAttribute("content") : "unversioned";
  var listeners = [];

  function today() { return new Date().toISOString().slice(0, 10); }

  /* "2026.2" -> [2026, 2]; anything else (a dev build) -> null, which compares as current. */
  function versionParts(version) {
    var match = /^(\d{4})\.(\d+)$/.exec(String(version || ""));
    return match ? [Number(match[1]), Number(match[2])] : null;
  }
  function newerThanThisSite(version) {
    var theirs = versionParts(version), ours = versionParts(VERSION);
    if (!theirs || !ours) { return false; }
    return theirs[0] > ours[0] || (theirs[0] === ours[0] && theirs[1] > ours[1]);
  }

  /* A stored or imported record, made whole; null when it is not a record of a done item. */
  function clean(value, version) {
    // the 2026.1 format
    if (typeof value === "string") { value = { done: true, date: value }; }
    if (!value || typeof value !== "object" || value.done !== true) { return null; }
    var record = { done: true, date: /^\d{4}-\d{2}-\d{2}$/.test(value.date) ? value.date : today(),
                   version: String(value.version || version || VERSION) };
    if (typeof value.digest === "string" && value.digest) { record.digest = value.digest; }
    return record;
  }
  function stableKey(key) {
    // the 2026.1 name of a step
    key = String(key).replace(/^certification:/, "step:");
    return KEY.test(key) ? key : null;
  }

  // when storage is off, ticks last for this visit
  var memory = null;
  /* The stored records that are records: a store edited by hand or left damaged loses only its
     bad entries, and a page never stops on it. */
  function read() {
    if (memory) { return memory; }
    var stored;
    try {
      var data = JSON.parse(localStorage.getItem(STORAGE) || "{}");
      stored = data && data.records && typeof data.records === "object" && !Array.isArray(data.records) ? data.records : {};
    } catch (e) { return {}; }
    var records = {};
    Object.keys(stored).forEach(function (key) {
      // the store writes records as objects; a string is no record here
      var value = stored[key];
      var record = stableKey(key) === key && value && typeof value === "object" ? clean(value) : null;
      if (record) { records[key] = record; }
    });
    return records;
  }
  function write(records) {
    try {
      localStorage.setItem(STORAGE, JSON.stringify({ format: 2, records: records }));
      memory = null;
    } catch (e) { memory = records; }
  }

  /* Ticks from the per-version stores move into the one store, once; checklist ticks were
     shared by every page and are not self-study progress, so they are left behind. */
  function migrate() {
    var legacy = [];
    try {
      for (var i = 0; i < localStorage.length; i += 1) {
        var name = localStorage.key(i);
        if (name && name.indexOf(LEGACY) === 0) { legacy.push(name); }
      }
    } catch (e) { return; }
    if (!legacy.length) { return; }
    var records = read();
    legacy.forEach(function (name) {
      var old;
      try { old = JSON.parse(localStorage.getItem(name) || "{}"); } catch (e) { old = {}; }
      Object.keys(old || {}).forEach(function (key) {
        var stable = stableKey(key), record = clean(old[key], name.slice(LEGACY.length));
        if (stable && record && !records[stable]) { records[stable] = record; }
      });
    });
    write(records);
    legacy.forEach(function (name) { try { localStorage.removeItem(name); } catch (e) { /* kept */ } });
  }

  function changed(key) {
    listeners.forEach(function (fn) { try { fn(key); } catch (e) { setTimeout(function () { throw e; }); } });
  }

  var api = {
    version: VERSION,
    get: function (key) {
      var record = read()[key];
      return record ? Object.assign({}, record) : null;
    },
    set: function (key, record) {
      var stable = stableKey(key), value = clean(Object.assign({ done: true }, record || {}));
      if (!stable || !value) { throw new Error("ecoleapProgress.set: bad key or record: " + key); }
      var records = read();
      records[stable] = value;
      write(records);
      changed(stable);
      return Object.assign({}, value);
    },
    remove: function (key) {
      var records = read();
      delete records[key];
      write(records);
      changed(key);
    },
    all: function () { return JSON.parse(JSON.stringify(read())); },
    clear: function () {
      write({});
      changed(null);
    },
    exportJSON: function () {
      return JSON.stringify({ site: "ecoleap-production", format: 2, version: VERSION,
                              exported: new Date().toISOString(), progress: read() }, null, 2);
    },
    /* The same rule as the migration: any older version's export comes in; a newer one does not. */
    importJSON: function (text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { data = null; }
      if (!data || data.site !== "ecoleap-production" || !data.progress || typeof data.progress !== "object") {
        return { ok: false, reason: "bad-file" };
      }
      if (newerThanThisSite(data.version)) { return { ok: false, reason: "newer-version", found: String(data.version) }; }
      var records = read(), count = 0;
      Object.keys(data.progress).forEach(function (key) {
        var stable = stableKey(key), record = clean(data.progress[key], data.version);
        if (stable && record) { records[stable] = record; count += 1; }
      });
      write(records);
      changed(null);
      return { ok: true, count: count };
    },
    onChange: function (fn) { listeners.push(fn); }
  };

  migrate();
  window.ecoleapProgress = api;
})();
