/* The calculator pages (calculator() macro): reads the page's data block, checks each field,
 * computes with the pure functions in formulas.js, keeps the figures in the page address and
 * exports them as CSV. Loaded only by the pages that call calculator(); nothing leaves the browser.
 */
(function () {
  "use strict";
  var formulas = window.ecoleapFormulas;

  /* Each calculator's inputs -> formulas.js -> its results, by result id. `values` holds each
   * number input as a number or null (empty), each choice as its id. An adapter may return
   * `errors` {field id: message key} for rules that tie two fields together. */
  var adapters = {
    "compressed-air": function (values) {
      var result = formulas.compressedAirLeaks({
        leakFlow: values["leak-flow"], specificPower: values["specific-power"],
        hours: values.hours, price: values.price, factor: values.factor,
      });
      return { results: { "power-kw": result.powerKw, kwh: result.kwh, cost: result.cost, co2e: result.co2eKg } };
    },
    "idle-energy": function (values) {
      var machines = [];
      var errors = {};
      [1, 2, 3, 4].forEach(function (number) {
        var power = values["idle-kw-" + number];
        var hours = values["idle-hours-" + number];
        if (power === null && hours === null) {
          return;
        }
        if (power === null) {
          errors["idle-kw-" + number] = "error_pair";
        } else if (hours === null) {
          errors["idle-hours-" + number] = "error_pair";
        } else {
          machines.push({ idleKw: power, idleHoursPerWeek: hours });
        }
      });
      var result = formulas.idleEnergy({
        machines: machines, weeks: values.weeks, switchOffShare: values.share / 100,
        price: values.price, factor: values.factor,
      });
      return {
        errors: errors,
        results: {
          kwh: result.kwh, cost: result.cost, co2e: result.co2eKg,
          "saved-kwh": result.savedKwh, "saved-cost": result.savedCost, "saved-co2e": result.savedCo2eKg,
        },
      };
    },
    "scope-footprint": function (values, factors) {
      var errors = {};
      var electricityFactor = factors["electricity-nordic-location"];
      if (values["electricity-basis"] === "supplier") {
        if (values["supplier-factor"] === null) {
          errors["supplier-factor"] = "error_supplier";
        }
        electricityFactor = values["supplier-factor"] || 0;
      }
      var amount = function (id) { return values[id] || 0; };
      var gasKwh = amount("natural-gas-kwh") + amount("natural-gas-m3") * factors["natural-gas-kwh-per-m3"];
      var result = formulas.scopeFootprint({ sources: [
        { id: "diesel", scope: 1, quantity: amount("diesel"), factor: factors["diesel-litre"] },
        { id: "petrol", scope: 1, quantity: amount("petrol"), factor: factors["petrol-litre"] },
        { id: "heating-oil", scope: 1, quantity: amount("heating-oil"), factor: factors["heating-oil-litre"] },
        { id: "lpg", scope: 1, quantity: amount("lpg"), factor: factors["lpg-kg"] },
        { id: "natural-gas", scope: 1, quantity: gasKwh, factor: factors["natural-gas-kwh"] },
        { id: "electricity", scope: 2, quantity: amount("electricity"), factor: electricityFactor },
        { id: "district-heating", scope: 2, quantity: amount("district-heating"), factor: values["district-heating-factor"] },
      ] });
      var results = { "scope-1": result.scope1Tonnes, "scope-2": result.scope2Tonnes, total: result.totalTonnes };
      var shares = { "scope-1": result.scope1Share, "scope-2": result.scope2Share };
      result.sources.forEach(function (line) {
        results[line.id] = line.tonnes;
        shares[line.id] = line.share;
      });
      return { errors: errors, results: results, shares: shares };
    },
    "scrap-cost": function (values) {
      var result = formulas.scrapCost({
        parts: values.parts, kgPerPart: values["kg-per-part"], looseKg: values["loose-kg"] || 0,
        materialPrice: values["material-price"], processingCostPerPart: values["processing-cost"],
        disposalFee: values["disposal-fee"] || 0, scrapRevenue: values["scrap-revenue"] || 0,
        materialFactor: values["material-factor"] || 0,
      });
      return { results: {
        kg: result.kg, "material-cost": result.materialCost, "processing-cost": result.processingCost,
        "disposal-cost": result.disposalCost, revenue: result.revenue, "net-cost": result.netCost,
        co2e: values["material-factor"] === null ? null : result.co2eKg,
      } };
    },
  };

  function setUp(root) {
    var data = JSON.parse(root.querySelector(".calculator__data").textContent);
    var adapter = adapters[data.id];
    var form = root.querySelector(".calculator__form");
    if (!adapter || !formulas || !form) {
      return;
    }
    var lang = data.lang;
    var messages = data.messages;
    var status = root.querySelector(".calculator__status");
    var touched = {};
    var field = function (item) { return root.querySelector("#calc-" + item.id); };
    var show = function (value, digits) { return formulas.formatNumber(value, lang, digits); };

    function fill(params) {
      data.inputs.forEach(function (item) {
        var element = field(item);
        var given = params.get(item.id);
        if (item.choices.length) {
          element.value = given !== null && item.choices.indexOf(given) >= 0 ? given : item.choices[0];
          return;
        }
        if (given !== null && given !== "" && !isNaN(Number(given))) {
          element.value = show(Number(given), 6);
        } else if (given !== null) {
          element.value = given;
        } else {
          element.value = item.default === null ? "" : show(item.default, 6);
        }
        if (given !== null) {
          touched[item.id] = true;
        }
      });
    }

    /* Each field's value and its problem (a message key), or none. */
    function read() {
      var values = {};
      var problems = {};
      data.inputs.forEach(function (item) {
        var text = field(item).value;
        if (item.choices.length) {
          values[item.id] = text;
          return;
        }
        if (text.trim() === "") {
          values[item.id] = null;
          if (item.required) {
            problems[item.id] = "error_required";
          }
          return;
        }
        var number = formulas.parseNumber(text, lang);
        values[item.id] = number;
        if (isNaN(number)) {
          problems[item.id] = "error_number";
        } else if (number < 0) {
          problems[item.id] = "error_negative";
        } else if (item.max !== null && number > item.max) {
          problems[item.id] = "error_max";
        }
      });
      return { values: values, problems: problems };
    }

    function showError(item, key) {
      var element = field(item);
      var error = root.querySelector("#calc-" + item.id + "-error");
      var help = root.querySelector("#calc-" + item.id + "-help");
      var described = help ? [help.id] : [];
      if (key) {
        error.textContent = messages[key].replace("{max}", show(item.max, 6));
        error.hidden = false;
        element.setAttribute("aria-invalid", "true");
        described.push(error.id);
      } else {
        error.textContent = "";
        error.hidden = true;
        element.removeAttribute("aria-invalid");
      }
      if (described.length) {
        element.setAttribute("aria-describedby", described.join(" "));
      } else {
        element.removeAttribute("aria-describedby");
      }
    }

    function clearResults() {
      root.querySelectorAll("output").forEach(function (output) { output.textContent = "–"; });
    }

    var current = { values: {}, results: null, shares: null };

    function update() {
      var state = read();
      var problems = state.problems;
      var computed = null;
      if (!Object.keys(problems).length) {
        computed = adapter(state.values, data.factors);
        Object.keys(computed.errors || {}).forEach(function (id) { problems[id] = computed.errors[id]; });
      }
      /* An empty required field is pointed out only once the reader has been there. */
      var visible = 0;
      data.inputs.forEach(function (item) {
        var key = problems[item.id];
        var shown = key && (key !== "error_required" || touched[item.id]) ? key : null;
        visible += shown ? 1 : 0;
        showError(item, shown);
      });
      var text;
      if (Object.keys(problems).length) {
        clearResults();
        current.results = null;
        text = visible ? messages.status_errors.replace("{count}", visible) : messages.status_missing;
      } else {
        data.results.forEach(function (result) {
          var value = computed.results[result.id];
          root.querySelector('output[data-result="' + result.id + '"]').textContent =
            value === null || value === undefined ? "–" : show(value, result.digits);
          var share = root.querySelector('output[data-share="' + result.id + '"]');
          if (share) {
            var part = computed.shares && computed.shares[result.id];
            share.textContent = part === undefined ? "–" : show(part * 100, 1) + (lang === "sv" ? "\u00a0%" : "%");
          }
        });
        current.results = computed.results;
        current.shares = computed.shares || {};
        text = messages.status_ok;
      }
      current.values = state.values;
      if (status.textContent !== text) {
        status.textContent = text;
      }
      remember();
      // The printed page says when, and where the same figures open again (the address holds them).
      root.querySelector(".calculator__printed").textContent = current.results ? messages.printed
        .replace("{date}", new Date().toISOString().slice(0, 10)).replace("{address}", window.location.href) : "";
    }

    /* The figures in the address: every field that differs from where it started. */
    function remember() {
      var params = new URLSearchParams();
      data.inputs.forEach(function (item) {
        var text = field(item).value.trim();
        if (item.choices.length) {
          if (text !== item.choices[0]) {
            params.set(item.id, text);
          }
          return;
        }
        var number = formulas.parseNumber(text, lang);
        var start = item.default === null ? "" : item.default;
        if (text === "" && start === "") {
          return;
        }
        if (!isNaN(number) && number === start) {
          return;
        }
        params.set(item.id, isNaN(number) ? text : String(number));
      });
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (address !== window.location.pathname + window.location.search + window.location.hash) {
        try {
        window.history.replaceState(window.history.state, "", address);
      } catch (error) {
        // The offline copy opened from file:// may refuse; the result still shows.
      }
      }
    }

    function csv() {
      /* No file of half-typed figures: while a field needs a fix there are no results, so the
         reader is told why nothing downloads and taken to the first field to fix. */
      if (!current.results) {
        var first = root.querySelector('[aria-invalid="true"]') || field(data.inputs.filter(function (item) {
          return item.required && current.values[item.id] === null;
        })[0] || data.inputs[0]);
        first.focus();  // leaving the button updates the status line, so the message comes after
        status.textContent = messages.csv_wait;
        return;
      }
      var separator = lang === "sv" ? ";" : ",";
      var number = function (value, digits) {
        var text = Number(value.toFixed(digits)).toString();
        return lang === "sv" ? text.replace(".", ",") : text;
      };
      var quote = function (text) {
        var value = String(text);
        return value.indexOf(separator) >= 0 || /["\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
      };
      var rows = [[messages.input + "/" + messages.result, messages.value, messages.unit, messages.share]];
      data.inputs.forEach(function (item) {
        var value = current.values[item.id];
        rows.push([item.label, value === null || value === undefined ? "" :
          (item.choices.length ? value : number(value, 6)), item.unit, ""]);
      });
      data.results.forEach(function (result) {
        var value = current.results ? current.results[result.id] : null;
        var share = current.results && result.share ? current.shares[result.id] : undefined;
        rows.push([result.label, value === null || value === undefined ? "" : number(value, result.digits),
          result.unit, share === undefined ? "" : number(share * 100, 1) + " %"]);
      });
      var text = "\ufeff" + rows.map(function (row) { return row.map(quote).join(separator); }).join("\r\n") + "\r\n";
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
      link.download = data.id + ".csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
    }

    form.addEventListener("input", update);
    var leave = function (event) {
      if (event.target.name) {
        touched[event.target.name] = true;
      }
      update();
    };
    form.addEventListener("change", leave);
    form.addEventListener("focusout", leave);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector('[data-calculator-action="csv"]').addEventListener("click", csv);
    root.querySelector('[data-calculator-action="clear"]').addEventListener("click", function () {
      touched = {};
      fill(new URLSearchParams());
      update();
    });
    fill(new URLSearchParams(window.location.search));
    if (window.location.search) {
      data.inputs.forEach(function (item) { touched[item.id] = true; });
    }
    root.querySelector(".calculator__no-script").hidden = true;
    form.hidden = false;
    update();
  }

  document.querySelectorAll("[data-calculator]").forEach(setUp);
})();
