/* The self-assessment "Where do we stand?" (self_assessment() macro): scores each area from the
 * answers, draws the profile as inline SVG beside a table of the same figures, and builds the
 * first sequence of modules from the rules. The answers live in the page address, so a result can
 * be shared and printed. Nothing leaves the browser.
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function setUp(root) {
    var data = JSON.parse(root.querySelector(".assessment__data").textContent);
    var form = root.querySelector(".assessment__form");
    var status = root.querySelector(".assessment__status");
    var result = root.querySelector(".assessment__result");
    var messages = data.messages;
    var decimal = function (value) {
      var text = String(Math.round(value * 10) / 10);
      return data.lang === "sv" ? text.replace(".", ",") : text;
    };
    var percent = function (value) { return Math.round(value) + (data.lang === "sv" ? "\u00a0%" : "%"); };

    function answers() {
      var chosen = {};
      data.questions.forEach(function (question) {
        var input = form.querySelector('input[name="' + question.id + '"]:checked');
        if (input) {
          chosen[question.id] = Number(input.value);
        }
      });
      return chosen;
    }

    function scores(chosen) {
      var byArea = {};
      data.areas.forEach(function (area) { byArea[area.id] = { got: 0, most: 0 }; });
      data.questions.forEach(function (question) {
        byArea[question.area].got += question.weights[chosen[question.id]];
        byArea[question.area].most += Math.max.apply(null, question.weights);
      });
      return byArea;
    }

    function draw(byArea) {
      var svg = root.querySelector(".assessment__chart svg");
      while (svg.firstChild) {
        svg.removeChild(svg.firstChild);
      }
      var title = document.createElementNS(SVG, "title");
      title.textContent = data.areas.map(function (area) {
        return area.label + " " + percent(100 * byArea[area.id].got / byArea[area.id].most);
      }).join(", ");
      svg.appendChild(title);
      /* Drawn in the chart's own CSS pixels, so its 14 px text stays 14 px: scaled into a phone's
         width, a 640-unit drawing had 7 px labels. Narrower than 520 px, each label stands above
         its bar. */
      var width = Math.max(280, Math.round(svg.getBoundingClientRect().width) || 640);
      var stacked = width < 520, row = stacked ? 50 : 36;
      var barX = stacked ? 0 : 250, barWidth = stacked ? width - 64 : 320, valueX = barX + barWidth + 10;
      svg.setAttribute("viewBox", "0 0 " + width + " " + (data.areas.length * row + 8));
      data.areas.forEach(function (area, index) {
        var share = byArea[area.id].got / byArea[area.id].most;
        var top = 4 + index * row, barY = top + (stacked ? 22 : 6), textY = stacked ? top + 16 : top + 21;
        var label = document.createElementNS(SVG, "text");
        label.setAttribute("x", "0");
        label.setAttribute("y", String(textY));
        label.textContent = area.label;
        var track = document.createElementNS(SVG, "rect");
        track.setAttribute("x", String(barX));
        track.setAttribute("y", String(barY));
        track.setAttribute("width", String(barWidth));
        track.setAttribute("height", "22");
        track.setAttribute("class", "assessment__track");
        var bar = document.createElementNS(SVG, "rect");
        bar.setAttribute("x", String(barX));
        bar.setAttribute("y", String(barY));
        bar.setAttribute("width", String(Math.round(barWidth * share)));
        bar.setAttribute("height", "22");
        bar.setAttribute("class", "assessment__bar");
        bar.setAttribute("data-area", area.id);
        var value = document.createElementNS(SVG, "text");
        value.setAttribute("x", String(valueX));
        value.setAttribute("y", String(barY + 15));
        value.textContent = percent(100 * share);
        [label, track, bar, value].forEach(function (node) { svg.appendChild(node); });
      });
    }

    function sequence(byArea) {
      var chosen = data.always.slice();
      var reasons = [];
      data.rules.forEach(function (rule) {
        var area = byArea[rule.area];
        if (100 * area.got / area.most < rule.below) {
          reasons.push(rule.because);
          rule.modules.forEach(function (module) {
            if (chosen.indexOf(module) < 0) {
              chosen.push(module);
            }
          });
        }
      });
      var always = data.always;
      chosen.sort(function (first, second) {
        var firstAlways = always.indexOf(first) >= 0 ? 0 : 1;
        var secondAlways = always.indexOf(second) >= 0 ? 0 : 1;
        return firstAlways - secondAlways || data.modules[first].position - data.modules[second].position;
      });
      return { modules: chosen, reasons: reasons };
    }

    var drawn = null, drawnWidth = window.innerWidth;
    // A phone turned on its side: the chart is drawn again for its new width.
    window.addEventListener("resize", function () {
      if (drawn && window.innerWidth !== drawnWidth) {
        drawnWidth = window.innerWidth;
        draw(drawn);
      }
    });

    function show() {
      var chosen = answers();
      var answered = Object.keys(chosen).length;
      remember(chosen);
      if (answered < data.questions.length) {
        result.hidden = true;
        status.textContent = messages.answered.replace("{answered}", answered).replace("{total}", data.questions.length);
        return;
      }
      var byArea = scores(chosen);
      result.hidden = false;  // shown before the chart is drawn, which measures its width
      draw(byArea);
      drawn = byArea;
      data.areas.forEach(function (area) {
        var row = root.querySelector('tr[data-area="' + area.id + '"]');
        row.querySelector(".assessment__score").textContent = percent(100 * byArea[area.id].got / byArea[area.id].most);
        row.querySelector(".assessment__points").textContent = byArea[area.id].got + " / " + byArea[area.id].most;
      });
      var plan = sequence(byArea);
      var list = root.querySelector(".assessment__sequence");
      list.textContent = "";
      var minutes = 0;
      plan.modules.forEach(function (id) {
        var module = data.modules[id];
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = module.href;
        link.textContent = module.title;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" (" + module.duration + ")"));
        item.dataset.module = id;
        list.appendChild(item);
        minutes += module.minutes;
      });
      root.querySelector(".assessment__total").textContent = messages.total.replace("{hours}", decimal(minutes / 60));
      var reasons = root.querySelector(".assessment__reasons");
      reasons.textContent = "";
      plan.reasons.forEach(function (reason) {
        var item = document.createElement("li");
        item.textContent = reason;
        reasons.appendChild(item);
      });
      root.querySelector(".assessment__share").href = window.location.href;
      result.hidden = false;
      status.textContent = messages.updated;
    }

    function remember(chosen) {
      var params = new URLSearchParams();
      data.questions.forEach(function (question) {
        if (chosen[question.id] !== undefined) {
          params.set(question.id, String(chosen[question.id]));
        }
      });
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      try {
        window.history.replaceState(window.history.state, "", address);
      } catch (error) {
        // The offline copy opened from file:// may refuse; the result still shows.
      }
    }

    var given = new URLSearchParams(window.location.search);
    data.questions.forEach(function (question) {
      var value = given.get(question.id);
      var input = value === null ? null : form.querySelector('input[name="' + question.id + '"][value="' + CSS.escape(value) + '"]');
      if (input) {
        input.checked = true;
      }
    });
    form.addEventListener("change", show);
    root.querySelector('[data-assessment-action="clear"]').addEventListener("click", function () {
      form.querySelectorAll("input:checked").forEach(function (input) { input.checked = false; });
      show();
    });
    root.querySelector(".assessment__no-script").hidden = true;
    root.querySelector(".assessment__actions").hidden = false;
    show();
  }

  document.querySelectorAll("[data-self-assessment]").forEach(setUp);
})();
