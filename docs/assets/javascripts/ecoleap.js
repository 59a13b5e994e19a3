/* EcoLeap Production: progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  // from docs/assets/javascripts/progress-store.js, which loads first
  var store = window.ecoleapProgress;
  function today() { return new Date().toISOString().slice(0, 10); }
  function fill(text, values) {
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }

  /* Self-study ticks (units, certification steps): one record per stable key, in every version. */
  function showProgress() {
    document.querySelectorAll("input.progress-box[data-progress-key]").forEach(function (box) {
      box.checked = !!store.get(box.getAttribute("data-progress-key"));
    });
    document.querySelectorAll("[data-progress-note]").forEach(function (note) {
      var key = note.getAttribute("data-progress-note");
      var record = store.get(key);
      var box = document.querySelector('input.progress-box[data-progress-key="' + key + '"][data-progress-digest]');
      var digest = box ? box.getAttribute("data-progress-digest") : null;
      var changed = record && record.digest && digest && record.digest !== digest;
      note.classList.toggle("progress-note--changed", !!changed);
      if (!record) { note.textContent = ""; return; }
      var text = "(" + fill(note.getAttribute("data-msg-done-on"), { date: record.date });
      if (changed) { text += "; " + note.getAttribute("data-msg-changed"); }
      note.textContent = text + ")";
    });
    learningPaths();
    sidebarTicks();
  }

  function progress(root) {
    root.querySelectorAll("input.progress-box[data-progress-key]").forEach(function (box) {
      box.addEventListener("change", function () {
        var key = box.getAttribute("data-progress-key");
        if (box.checked) {
          store.set(key, { date: today(), version: store.version, digest: box.getAttribute("data-progress-digest") || undefined });
        } else {
          store.remove(key);
        }
      });
    });
    store.onChange(showProgress);
    showProgress();
  }

  /* The coach's path: hours done and left per stage, and the next unit to study. */
  function learningPaths() {
    document.querySelectorAll("[data-learning-path]").forEach(function (path) {
      var next = null;
      path.querySelectorAll("[data-stage]").forEach(function (stage) {
        var done = 0, left = 0;
        stage.querySelectorAll("[data-unit]").forEach(function (unit) {
          var hours = Number(unit.getAttribute("data-hours")) || 0;
          var isDone = !!store.get("unit:" + unit.getAttribute("data-unit"));
          unit.classList.toggle("learning-path__unit--done", isDone);
          if (isDone) { done += hours; } else { left += hours; if (!next) { next = unit; } }
        });
        stage.querySelector("[data-stage-hours]").textContent =
          "(" + fill(path.getAttribute("data-msg-hours"), { done: String(done), left: String(left) }) + ")";
      });
      var button = path.querySelector("[data-continue]");
      var anyDone = path.querySelector(".learning-path__unit--done");
      if (next) {
        var link = next.querySelector("a[href]");
        button.href = link.getAttribute("href");
        button.querySelector(".learning-path__continue-label").textContent =
          path.getAttribute(anyDone ? "data-msg-continue" : "data-msg-start");
        button.querySelector(".learning-path__continue-title").textContent = link.textContent;
        button.hidden = false;
        var after = path.parentNode.querySelector(".learning-path__all-done");
        if (after) { after.remove(); }
      } else {
        button.hidden = true;
        if (!path.querySelector(".learning-path__all-done")) {
          var note = document.createElement("p");
          note.className = "learning-path__all-done";
          note.textContent = path.getAttribute("data-msg-all-done");
          button.parentNode.appendChild(note);
        }
      }
    });
  }

  /* A tick beside each done unit in the sidebar. */
  function sidebarTicks() {
    var label = document.documentElement.lang === "sv" ? "klar" : "done";
    document.querySelectorAll(".md-sidebar--primary a.md-nav__link[href]").forEach(function (link) {
      var match = /\/coach-training\/units\/([a-z0-9-]+)\/(?:index\.html)?$/.exec(new URL(link.href, location.href).pathname);
      var tick = link.querySelector(".nav-done");
      var done = match && store.get("unit:" + match[1]);
      if (done && !tick) {
        tick = document.createElement("span");
        tick.className = "nav-done";
        tick.innerHTML = '<span aria-hidden="true">✓</span><span class="visually-hidden"> (' + label + ")</span>";
        link.appendChild(tick);
      } else if (!done && tick) {
        tick.remove();
      }
    });
  }

  /* Checklists are working sheets: the ticks of one page's sheet, in their own store. */
  var SHEETS = "ecoleap-sheets";
  function isMapping(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  /* Each sheet's ticks; a store edited by hand or left damaged reads as empty where it is bad. */
  function loadSheets() {
    var all;
    try { all = JSON.parse(localStorage.getItem(SHEETS) || "{}"); } catch (e) { all = null; }
    if (!isMapping(all)) { return {}; }
    Object.keys(all).forEach(function (id) { if (!isMapping(all[id])) { delete all[id]; } });
    return all;
  }
  function saveSheets(sheets) {
    try { localStorage.setItem(SHEETS, JSON.stringify(sheets)); } catch (e) { /* storage off: ticks last for this visit */ }
  }
  /* Prints one checklist or worksheet alone (ecoleap.css hides the rest of the page). A landscape
     worksheet turns the paper for that print: an @page rule added to our own stylesheet (a rule
     added through the CSSOM needs no inline style, which the pages' CSP refuses), then removed. */
  function printSheet(sheet) {
    document.body.setAttribute("data-print-only", sheet.getAttribute("data-checklist") || sheet.getAttribute("data-worksheet"));
    sheet.setAttribute("data-print-target", "");
    var own = document.querySelector('link[rel="stylesheet"][href*="ecoleap.css"]');
    var rules = own && sheet.getAttribute("data-orientation") === "landscape" ? own.sheet : null, turned = -1;
    if (rules) { turned = rules.insertRule("@page { size: A4 landscape; margin: 12mm; }", rules.cssRules.length); }
    window.print();
    if (turned >= 0) { rules.deleteRule(turned); }
    sheet.removeAttribute("data-print-target");
    document.body.removeAttribute("data-print-only");
  }
  function worksheets(root) {
    root.querySelectorAll(".worksheet[data-worksheet]").forEach(function (sheet) {
      var button = sheet.querySelector("[data-print-worksheet]");
      if (!button) { return; }
      button.closest(".worksheet__print").hidden = false;
      button.addEventListener("click", function () { printSheet(sheet); });
    });
  }
  function sheets(root) {
    root.querySelectorAll(".checklist[data-sheet]").forEach(function (sheet) {
      var id = sheet.getAttribute("data-sheet");
      var boxes = sheet.querySelectorAll("input[data-sheet-item]");
      function show() {
        var ticks = loadSheets()[id] || {};
        boxes.forEach(function (box) { box.checked = !!ticks[box.getAttribute("data-sheet-item")]; });
      }
      boxes.forEach(function (box) {
        box.addEventListener("change", function () {
          var all = loadSheets(), ticks = all[id] || {};
          if (box.checked) { ticks[box.getAttribute("data-sheet-item")] = today(); } else { delete ticks[box.getAttribute("data-sheet-item")]; }
          if (Object.keys(ticks).length) { all[id] = ticks; } else { delete all[id]; }
          saveSheets(all);
        });
      });
      sheet.querySelector('[data-sheet-action="print-blank"]').addEventListener("click", function () {
        var ticked = Array.prototype.filter.call(boxes, function (box) { return box.checked; });
        ticked.forEach(function (box) { box.checked = false; });
        printSheet(sheet);
        ticked.forEach(function (box) { box.checked = true; });
      });
      sheet.querySelector('[data-sheet-action="print-ticks"]').addEventListener("click", function () { printSheet(sheet); });
      sheet.querySelector('[data-sheet-action="clear"]').addEventListener("click", function () {
        var all = loadSheets();
        delete all[id];
        saveSheets(all);
        show();
      });
      sheet.querySelector(".checklist__actions").hidden = false;
      show();
    });
  }

  /* The catalogue: filter and order live in the address, so Back and a shared link restore them. */
  var FILTERS = ["program", "topic", "audience", "duration", "sort"];
  function catalogue(root) {
    root.querySelectorAll("[data-catalogue]").forEach(function (cat) {
      var form = cat.querySelector("form");
      var cards = Array.prototype.slice.call(cat.querySelectorAll(".module-card"));
      var homes = cards.map(function (card) { return card.parentNode; });
      var sorted = cat.querySelector(".catalogue__sorted");
      var count = cat.querySelector(".catalogue__count");
      var empty = cat.querySelector(".catalogue__empty");
      function fromAddress() {
        var query = new URLSearchParams(location.search);
        FILTERS.forEach(function (name) {
          var select = form.elements[name], value = query.get(name) || "";
          var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
          select.value = known ? value : "";
        });
      }
      function toAddress() {
        var query = new URLSearchParams(location.search);
        FILTERS.forEach(function (name) {
          var value = form.elements[name].value;
          if (value) { query.set(name, value); } else { query.delete(name); }
        });
        var search = query.toString();
        history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      }
      // Whether a card passes every chosen filter but `skip` (the one an empty result may drop).
      function passes(card, skip) {
        var duration = form.elements.duration;
        var limit = duration.value && skip !== "duration" ? Number(duration.options[duration.selectedIndex].getAttribute("data-max-minutes")) : Infinity;
        return ["program", "topic", "audience"].every(function (name) {
          var value = form.elements[name].value;
          return name === skip || !value || (card.getAttribute("data-" + name) || "").split(" ").indexOf(value) >= 0;
        }) && Number(card.getAttribute("data-minutes")) <= limit;
      }
      /* Nothing matches: for each chosen filter, how many modules there are without it, as a
         button that drops it. */
      function loosen() {
        var list = empty.querySelector(".catalogue__loosen");
        list.textContent = "";
        ["program", "topic", "audience", "duration"].forEach(function (name) {
          var select = form.elements[name];
          if (!select.value) { return; }
          var count = cards.filter(function (card) { return passes(card, name); }).length;
          if (!count) { return; }
          var item = document.createElement("li"), button = document.createElement("button");
          button.type = "button";
          button.className = "md-button";
          button.textContent = fill(empty.getAttribute("data-msg-drop"), {
            filter: select.parentNode.firstChild.textContent.trim().toLowerCase(),
            value: select.options[select.selectedIndex].textContent.trim().toLowerCase(), count: String(count) });
          button.addEventListener("click", function () {
            select.value = "";
            apply();
            toAddress();
            // the button is gone; the reader lands on the filter it changed
            select.focus();
          });
          item.appendChild(button);
          list.appendChild(item);
        });
        // No single filter to drop would help: offer what the filters' own reset button does.
        if (!list.children.length) {
          var all = document.createElement("li"), reset = form.querySelector('button[type="reset"]').cloneNode(true);
          reset.type = "button";
          reset.addEventListener("click", function () { form.reset(); form.elements[FILTERS[0]].focus(); });
          all.appendChild(reset);
          list.appendChild(all);
        }
      }
      function apply() {
        var shown = 0;
        cards.forEach(function (card) {
          var ok = passes(card, null);
          card.hidden = !ok;
          if (ok) { shown += 1; }
        });
        var order = form.elements.sort.value;
        if (order) {
          var byTitle = function (a, b) { return a.querySelector(".module-card__title").textContent.localeCompare(b.querySelector(".module-card__title").textContent, document.documentElement.lang); };
          cards.slice().sort(order === "title" ? byTitle : function (a, b) {
            return Number(a.getAttribute("data-minutes")) - Number(b.getAttribute("data-minutes")) || byTitle(a, b);
          }).forEach(function (card) { sorted.appendChild(card); });
        } else {
          cards.forEach(function (card, i) { homes[i].appendChild(card); });
        }
        sorted.hidden = !order;
        cat.querySelectorAll("[data-program-group]").forEach(function (group) {
          group.hidden = !!order || !group.querySelector(".module-card:not([hidden])");
        });
        count.textContent = fill(cat.getAttribute("data-count-label"), { shown: String(shown), total: String(cards.length) });
        empty.hidden = shown > 0;
        if (!shown) { loosen(); }
      }
      form.addEventListener("change", function () { apply(); toAddress(); });
      form.addEventListener("reset", function () { setTimeout(function () { apply(); toAddress(); }, 0); });
      window.addEventListener("pageshow", function () { fromAddress(); apply(); });
      fromAddress();
      apply();
    });
  }

  /* "Where to start": situation, time and who takes part give a sequence, kept in the address. */
  function finder(root) {
    root.querySelectorAll("[data-finder]").forEach(function (box) {
      var form = box.querySelector("form");
      var result = box.querySelector(".finder__result");
      var modules = JSON.parse(box.querySelector(".finder__modules").textContent);
      var article = box.closest("article") || document;
      var situations = {};
      article.querySelectorAll("h2[id]").forEach(function (heading) {
        var ids = [];
        for (var node = heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
          var line = Array.prototype.find.call(node.querySelectorAll("li"), function (li) { return li.textContent.indexOf("→") >= 0; });
          if (line) {
            line.querySelectorAll("a[href]").forEach(function (a) {
              var match = /modules\/([a-z0-9-]+)\//.exec(a.getAttribute("href"));
              if (match && modules[match[1]] && ids.indexOf(match[1]) < 0) { ids.push(match[1]); }
            });
            break;
          }
        }
        if (!ids.length) { return; }
        situations[heading.id] = ids;
        var option = document.createElement("option");
        option.value = heading.id;
        option.textContent = heading.textContent.replace(/¶\s*$/, "").trim();
        form.elements.situation.appendChild(option);
      });
      // As the module pages write a duration (Renderer.duration): "16 h 15 min", "45 min".
      function duration(minutes) {
        var h = Math.floor(minutes / 60), rest = minutes % 60, min = rest + " " + box.getAttribute("data-msg-minutes");
        return h ? h + " " + box.getAttribute("data-msg-hours") + (rest ? " " + min : "") : min;
      }
      function list(ids, title) {
        var part = document.createElement("div");
        if (title) { var p = document.createElement("p"); p.textContent = title + ":"; part.appendChild(p); }
        var ol = document.createElement("ol");
        ids.forEach(function (id) {
          var li = document.createElement("li"), a = document.createElement("a");
          a.href = modules[id].href;
          a.textContent = modules[id].title;
          li.appendChild(a);
          li.appendChild(document.createTextNode(" (" + duration(modules[id].minutes) + ")"));
          ol.appendChild(li);
        });
        part.appendChild(ol);
        return part;
      }
      function show() {
        result.textContent = "";
        var situation = form.elements.situation.value;
        if (!situations[situation]) {
          // Time or group chosen before the situation: say what is missing instead of nothing.
          if (form.elements.time.value || form.elements.who.value) {
            var first = document.createElement("p");
            first.className = "finder__total";
            first.textContent = box.getAttribute("data-msg-situation-first");
            result.appendChild(first);
          }
          return;
        }
        var who = form.elements.who.value, limit = Number(form.elements.time.value) * 60 || Infinity;
        var now = [], later = [], others = [], used = 0;
        situations[situation].forEach(function (id) {
          if (who && modules[id].audience.indexOf(who) < 0) { others.push(id); return; }
          if (!later.length && used + modules[id].minutes <= limit) { now.push(id); used += modules[id].minutes; } else { later.push(id); }
        });
        var total = document.createElement("p");
        total.className = "finder__total";
        total.innerHTML = "<strong></strong>";
        total.firstChild.textContent = now.length ? fill(box.getAttribute("data-msg-total"), { duration: duration(used) }) : box.getAttribute("data-msg-none");
        result.appendChild(total);
        if (now.length) { result.appendChild(list(now)); }
        if (later.length) { result.appendChild(list(later, box.getAttribute("data-msg-later"))); }
        if (others.length) { result.appendChild(list(others, box.getAttribute("data-msg-other-groups"))); }
        var more = document.createElement("p"), link = document.createElement("a");
        link.href = "#" + situation;
        link.textContent = box.getAttribute("data-msg-details");
        more.appendChild(link);
        result.appendChild(more);
      }
      var NAMES = ["situation", "time", "who"];
      function fromAddress() {
        var query = new URLSearchParams(location.search);
        NAMES.forEach(function (name) {
          var select = form.elements[name], value = query.get(name) || "";
          select.value = Array.prototype.some.call(select.options, function (o) { return o.value === value; }) ? value : "";
        });
      }
      form.addEventListener("change", function () {
        var query = new URLSearchParams(location.search);
        NAMES.forEach(function (name) {
          if (form.elements[name].value) { query.set(name, form.elements[name].value); } else { query.delete(name); }
        });
        var search = query.toString();
        history.replaceState(history.state, "", location.pathname + (search ? "?" + search : ""));
        show();
      });
      window.addEventListener("pageshow", function () { fromAddress(); show(); });
      fromAddress();
      show();
    });
  }

  /* Films are loaded from the provider only after the reader asks. */
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

  /* The "My progress" page: counts per stage, export, import, print and clear. */
  function progressTools(root) {
    root.querySelectorAll("[data-progress-tools]").forEach(function (tools) {
      var status = tools.querySelector(".progress-tools__status");
      var messages = tools.querySelector(".progress-tools__messages");
      function msg(name, values) { return fill(messages.getAttribute("data-msg-" + name) || "", values); }
      function count() {
        tools.querySelectorAll("[data-progress-stage]").forEach(function (stage) {
          var keys = stage.getAttribute("data-progress-keys").split(" ");
          var done = keys.filter(function (k) { return store.get(k); }).length;
          stage.querySelector(".progress-tools__count").textContent = String(done);
        });
      }
      tools.querySelector(".progress-tools__today").textContent = today();
      tools.querySelector(".progress-tools__noscript").hidden = true;
      tools.querySelector(".progress-tools__buttons").hidden = false;
      store.onChange(count);
      tools.querySelector('[data-progress-action="export"]').addEventListener("click", function () {
        var blob = new Blob([store.exportJSON()], { type: "application/json" });
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "ecoleap-progress-" + today() + ".json";
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      });
      tools.querySelector('[data-progress-action="import"]').addEventListener("change", function (event) {
        var file = event.target.files && event.target.files[0];
        if (!file) { return; }
        file.text().then(function (text) {
          var result = store.importJSON(text);
          if (result.ok) {
            status.textContent = msg("imported", { count: result.count });
          } else {
            status.textContent = msg(result.reason, { found: result.found, expected: store.version });
          }
          event.target.value = "";
        });
      });
      tools.querySelector('[data-progress-action="print"]').addEventListener("click", function () { window.print(); });
      tools.querySelector('[data-progress-action="reset"]').addEventListener("click", function () {
        if (!window.confirm(msg("reset-confirm"))) { return; }
        store.clear();
        status.textContent = msg("reset-done");
      });
      count();
    });
  }

  /* The other language keeps the reader's place and answers: the section (the twin pages share
     their heading ids) and the address's query, which holds a calculator's figures, the
     catalogue's filters and the finder's answers under the same names in both languages. */
  function languageLinks(root) {
    root.querySelectorAll("a[hreflang]").forEach(function (link) {
      var base = link.href.split("#")[0].split("?")[0];
      link.addEventListener("click", function () {
        link.href = base + location.search + location.hash;
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
    // lists both languages
    fetch(link.href + "sitemap.xml")
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

  // A wide table that scrolls sideways (a score sheet, a day plan on a phone) must be reachable
  // by keyboard, or its right-hand columns cannot be read without a mouse (WCAG 2.1.1): Material's
  // box around a plain table, and on a phone our classed tables, which scroll themselves
  // (ecoleap.css). Checked again when the window changes size, as a phone turned on its side does;
  // a box that no longer scrolls loses the tab stop it was given here.
  var given = new WeakSet();
  function scrollableTables(root) {
    root.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table[class]").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        given.add(box);
      } else if (!scrolls && given.has(box)) {
        box.removeAttribute("tabindex");
        given.delete(box);
      }
    });
  }
  // Only a new width matters: a phone's address bar changes the height as the reader scrolls.
  var resizing = 0, width = window.innerWidth;
  window.addEventListener("resize", function () {
    if (window.innerWidth === width) { return; }
    width = window.innerWidth;
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(function () { scrollableTables(document); });
  });

  function init() {
    scrollableTables(document);
    languageLinks(document);
    progress(document);
    sheets(document);
    worksheets(document);
    catalogue(document);
    finder(document);
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
