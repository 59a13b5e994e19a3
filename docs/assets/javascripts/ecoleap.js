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
        document.body.setAttribute("data-print-only", id);
        window.print();
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
      form.hidden = false;
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

  /* The language switcher keeps the reader's place: twins share heading ids. */
  function languageLinks(root) {
    root.querySelectorAll("a[hreflang]").forEach(function (link) {
      link.addEventListener("click", function () {
        if (location.hash && link.href.indexOf("#") < 0) { link.href += location.hash; }
      });
    });
  }

  function init() {
    languageLinks(document);
    progress(document);
    printButtons(document);
    catalogue(document);
    films(document);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
