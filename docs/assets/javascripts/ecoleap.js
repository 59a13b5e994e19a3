/* EcoLeap Production: progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="curriculum-version"]');
  var VERSION = meta ? meta.getAttribute("content") : "unversioned";
  var STORE = "ecoleap-progress:" + VERSION;

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}"); } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* storage off: ticks last for this visit */ }
  }

  function progress(root) {
    var state = load();
    root.querySelectorAll("input.progress-box[data-progress-key]").forEach(function (box) {
      var key = box.getAttribute("data-progress-key");
      box.checked = !!state[key];
      box.addEventListener("change", function () {
        var current = load();
        if (box.checked) { current[key] = new Date().toISOString().slice(0, 10); } else { delete current[key]; }
        save(current);
        document.querySelectorAll('input.progress-box[data-progress-key="' + key + '"]').forEach(function (other) {
          other.checked = box.checked;
        });
      });
    });
  }

  function printButtons(root) {
    root.querySelectorAll("[data-print-checklist]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var id = button.getAttribute("data-print-checklist");
        var sheet = button.closest(".checklist");
        document.body.setAttribute("data-print-only", id);
        sheet.setAttribute("data-print-target", "");
        window.print();
        sheet.removeAttribute("data-print-target");
        document.body.removeAttribute("data-print-only");
      });
    });
    root.querySelectorAll(".checklist__date").forEach(function (span) {
      span.textContent = new Date().toISOString().slice(0, 10);
    });
  }

  function catalogue(root) {
    root.querySelectorAll("[data-catalogue]").forEach(function (cat) {
      var form = cat.querySelector("form");
      var cards = cat.querySelectorAll(".module-card");
      var count = cat.querySelector(".catalogue__count");
      var empty = cat.querySelector(".catalogue__empty");
      function apply() {
        var shown = 0;
        cards.forEach(function (card) {
          var ok = ["program", "topic", "audience", "duration"].every(function (name) {
            var value = form.elements[name].value;
            return !value || (card.getAttribute("data-" + name) || "").split(" ").indexOf(value) >= 0;
          });
          card.hidden = !ok;
          if (ok) { shown += 1; }
        });
        cat.querySelectorAll("[data-program-group]").forEach(function (group) {
          group.hidden = !group.querySelector(".module-card:not([hidden])");
        });
        count.textContent = shown + " / " + cards.length;
        empty.hidden = shown > 0;
      }
      form.addEventListener("change", apply);
      form.addEventListener("reset", function () { setTimeout(apply, 0); });
      apply();
    });
  }

  function films(root) {
    root.querySelectorAll(".film[data-video-id]").forEach(function (film) {
      var play = film.querySelector(".film__play");
      if (!play) { return; }
      play.addEventListener("click", function (event) {
        event.preventDefault();
        var frame = document.createElement("iframe");
        frame.src = play.href + (play.href.indexOf("?") < 0 ? "?" : "&") + "autoplay=1";
        frame.title = film.querySelector(".film__title").textContent;
        frame.allow = "autoplay; fullscreen; picture-in-picture";
        frame.setAttribute("allowfullscreen", "");
        frame.tabIndex = 0;
        var poster = film.querySelector(".film__poster");
        poster.replaceWith(frame);
        play.remove();
        frame.focus();
      });
    });
  }


  /* The "My progress" page: counts per stage, export, import, print and reset. */
  function progressTools(root) {
    root.querySelectorAll("[data-progress-tools]").forEach(function (tools) {
      var status = tools.querySelector(".progress-tools__status");
      var messages = tools.querySelector(".progress-tools__messages");
      function msg(name, values) {
        var text = messages.getAttribute("data-msg-" + name) || "";
        Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
        return text;
      }
      function count() {
        var state = load();
        tools.querySelectorAll("[data-progress-stage]").forEach(function (stage) {
          var keys = stage.getAttribute("data-progress-keys").split(" ");
          var done = keys.filter(function (k) { return state[k]; }).length;
          stage.querySelector(".progress-tools__count").textContent = String(done);
        });
        document.querySelectorAll("input.progress-box[data-progress-key]").forEach(function (box) {
          box.checked = !!state[box.getAttribute("data-progress-key")];
        });
      }
      tools.querySelector(".progress-tools__noscript").hidden = true;
      tools.querySelector(".progress-tools__buttons").hidden = false;
      document.addEventListener("change", function (event) {
        if (event.target.classList && event.target.classList.contains("progress-box")) { setTimeout(count, 0); }
      });
      tools.querySelector('[data-progress-action="export"]').addEventListener("click", function () {
        var record = { site: "ecoleap-production", version: VERSION, exported: new Date().toISOString(), progress: load() };
        var blob = new Blob([JSON.stringify(record, null, 2)], { type: "application/json" });
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "ecoleap-progress-" + VERSION + ".json";
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      });
      tools.querySelector('[data-progress-action="import"]').addEventListener("change", function (event) {
        var file = event.target.files && event.target.files[0];
        if (!file) { return; }
        file.text().then(function (text) {
          var record;
          try { record = JSON.parse(text); } catch (e) { record = null; }
          if (!record || record.site !== "ecoleap-production" || typeof record.progress !== "object") {
            status.textContent = msg("bad-file");
            return;
          }
          if (record.version !== VERSION) {
            status.textContent = msg("wrong-version", { found: record.version, expected: VERSION });
            return;
          }
          var current = load();
          var added = 0;
          Object.keys(record.progress).forEach(function (key) {
            if (/^(unit|checklist|certification):[a-z0-9:-]+$/.test(key) && typeof record.progress[key] === "string") {
              current[key] = record.progress[key];
              added += 1;
            }
          });
          save(current);
          count();
          status.textContent = msg("imported", { count: added });
          event.target.value = "";
        });
      });
      tools.querySelector('[data-progress-action="print"]').addEventListener("click", function () { window.print(); });
      tools.querySelector('[data-progress-action="reset"]').addEventListener("click", function () {
        if (!window.confirm(msg("reset-confirm"))) { return; }
        try { localStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
        count();
        status.textContent = msg("reset-done");
      });
      count();
    });
  }

  /* The language switcher keeps the reader's place: twins share heading ids. */
  function languageLinks(root) {
    root.querySelectorAll("a[hreflang]").forEach(function (link) {
      link.addEventListener("click", function () {
        if (location.hash && link.href.indexOf("#") < 0) { link.href += location.hash; }
      });
    });
  }

  /* The version selector keeps a Swedish reader in Swedish. Material finds the same page in the
     other version through its sitemap, but when that version lacks the page it falls back to the
     version's root, which is English; here the fallback is the version's Swedish home. Registered
     once, in the capture phase, so it runs before Material's handler on <body>. */
  function versionRoot() {
    var config = document.getElementById("__config");
    try { return new URL(JSON.parse(config.textContent).base, location.href).href; } catch (e) { return null; }
  }
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest(".md-version__link") : null;
    var root = versionRoot();
    var lang = document.documentElement.lang;
    if (!link || !root || !lang || location.href.indexOf(root + lang + "/") !== 0) { return; }
    event.preventDefault();
    event.stopPropagation();
    var target = link.href + location.href.slice(root.length);
    var home = link.href + lang + "/";
    var path = function (url) { return new URL(url, location.href).pathname; };
    fetch(link.href + "sitemap.xml")  // lists both languages
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (xml) {
        var locs = new DOMParser().parseFromString(xml, "text/xml").querySelectorAll("loc");
        var found = Array.prototype.some.call(locs, function (loc) {
          return path(loc.textContent.trim()) === path(target.split("#")[0]);
        });
        location.href = found ? target : home;
      })
      .catch(function () { location.href = home; });
  }, true);

  /* On paper, collapsed model answers and notes are opened; they close again afterwards. */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.removeAttribute("open"); });
    openedForPrint = [];
  });

  function init() {
    languageLinks(document);
    progress(document);
    printButtons(document);
    catalogue(document);
    films(document);
    progressTools(document);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
