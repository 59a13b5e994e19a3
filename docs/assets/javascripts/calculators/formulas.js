/* The calculators' formulas as pure functions: no page, no storage, no network.
 *
 * A classic script (not an ES module) so that it also runs in the offline copy opened from
 * file://, where module scripts are blocked; the same file is `require`d by the Node tests
 * (tests/js/formulas.test.cjs). Every formula here is a plain definition (energy = power × time,
 * cost = quantity × price, emissions = quantity × emission factor, as the GHG Protocol's
 * activity-data method and the worksheet `scope-1-2-footprint` use it); the factors come from
 * data/factors.yml through the page's data block, never from this file.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.ecoleapFormulas = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function sum(values) {
    return values.reduce(function (total, value) { return total + value; }, 0);
  }

  /* Compressed-air leaks from a measured leak flow.
   * leakFlow: m³/min of free air leaking (measured, e.g. by the compressor's load and unload
   * times with production stopped, or an ultrasonic survey); specificPower: the compressor's
   * kW per m³/min at the working pressure (its data sheet); hours: hours a year the network
   * is under pressure; price: kr/kWh; factor: kg CO2e/kWh.
   * power (kW) = leakFlow × specificPower; kWh = power × hours; cost = kWh × price;
   * CO2e = kWh × factor. */
  function compressedAirLeaks(input) {
    var powerKw = input.leakFlow * input.specificPower;
    var kwh = powerKw * input.hours;
    return { powerKw: powerKw, kwh: kwh, cost: kwh * input.price, co2eKg: kwh * input.factor };
  }

  /* Idle and standby energy of machines, and what a switch-off routine saves.
   * machines: [{idleKw, idleHoursPerWeek}]; weeks: working weeks a year; switchOffShare: the
   * share of idle hours the routine removes, 0 to 1; price: kr/kWh; factor: kg CO2e/kWh.
   * kWh = Σ (idleKw × idleHoursPerWeek) × weeks; saved kWh = kWh × switchOffShare. */
  function idleEnergy(input) {
    var weeklyKwh = sum(input.machines.map(function (machine) {
      return machine.idleKw * machine.idleHoursPerWeek;
    }));
    var kwh = weeklyKwh * input.weeks;
    var savedKwh = kwh * input.switchOffShare;
    return {
      kwh: kwh,
      cost: kwh * input.price,
      co2eKg: kwh * input.factor,
      savedKwh: savedKwh,
      savedCost: savedKwh * input.price,
      savedCo2eKg: savedKwh * input.factor,
      remainingKwh: kwh - savedKwh,
    };
  }

  /* Scope 1 and 2 quick footprint: each source's quantity (in its bill unit) × its factor
   * (kg CO2e per that unit), summed by scope, in tonnes, with each source's share of the total.
   * sources: [{id, scope (1 or 2), quantity, factor}]. */
  function scopeFootprint(input) {
    var lines = input.sources.map(function (source) {
      return { id: source.id, scope: source.scope, tonnes: source.quantity * source.factor / 1000 };
    });
    var total = sum(lines.map(function (line) { return line.tonnes; }));
    lines.forEach(function (line) { line.share = total > 0 ? line.tonnes / total : 0; });
    var byScope = function (scope) {
      return sum(lines.filter(function (line) { return line.scope === scope; })
        .map(function (line) { return line.tonnes; }));
    };
    var scope1 = byScope(1);
    var scope2 = byScope(2);
    return {
      sources: lines,
      scope1Tonnes: scope1,
      scope2Tonnes: scope2,
      totalTonnes: total,
      scope1Share: total > 0 ? scope1 / total : 0,
      scope2Share: total > 0 ? scope2 / total : 0,
    };
  }

  /* The yearly cost of scrap and material waste.
   * parts: scrapped parts a year; kgPerPart: material in each part; looseKg: other material
   * waste a year in kg (offcuts, spills) with no processing in it; materialPrice: kr/kg;
   * processingCostPerPart: kr already spent on each scrapped part (machine and labour time);
   * disposalFee: kr/kg paid to get rid of it; scrapRevenue: kr/kg received for it;
   * materialFactor: kg CO2e per kg of material (0 when none is given).
   * kg = parts × kgPerPart + looseKg; cost = kg × materialPrice + parts × processingCostPerPart
   * + kg × disposalFee − kg × scrapRevenue; CO2e = kg × materialFactor. */
  function scrapCost(input) {
    var kg = input.parts * input.kgPerPart + input.looseKg;
    var materialCost = kg * input.materialPrice;
    var processingCost = input.parts * input.processingCostPerPart;
    var disposalCost = kg * input.disposalFee;
    var revenue = kg * input.scrapRevenue;
    return {
      kg: kg,
      materialCost: materialCost,
      processingCost: processingCost,
      disposalCost: disposalCost,
      revenue: revenue,
      netCost: materialCost + processingCost + disposalCost - revenue,
      co2eKg: kg * input.materialFactor,
    };
  }

  /* A number as the reader typed it, NaN if it is not one. Swedish: "1 234,5" (spaces group
   * thousands, comma or point as decimal sign); English: "1,234.5" or "1234.5", and a decimal
   * comma too ("12,5", "0,059"): a phone set to Swedish may offer only "," on its number pad,
   * and many readers of the English pages write decimals so. A comma before exactly three digits
   * after a first group of 1-9 ("1,250") groups thousands, as English writes them. */
  function parseNumber(text, language) {
    var cleaned = String(text).trim().replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
    if (language === "sv") {
      if (cleaned.indexOf(",") >= 0 && cleaned.indexOf(".") >= 0) {
        return NaN;
      }
      cleaned = cleaned.replace(",", ".");
    } else if (/^-?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/.test(cleaned)) {
      cleaned = cleaned.replace(/,/g, "");
    } else if (/^-?\d+,\d+$/.test(cleaned)) {
      cleaned = cleaned.replace(",", ".");
    }
    if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) {
      return NaN;
    }
    return Number(cleaned);
  }

  /* A number in the page language's format: Swedish "12 345,6" (no-break space, decimal comma),
   * English "12,345.6"; at most `digits` decimals. */
  function formatNumber(value, language, digits) {
    var places = digits === undefined ? 0 : digits;
    var fixed = Math.abs(value).toFixed(places);
    var parts = fixed.split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, language === "sv" ? "\u00a0" : ",");
    var decimals = parts[1] ? parts[1].replace(/0+$/, "") : "";
    var sign = value < 0 && Number(fixed) !== 0 ? (language === "sv" ? "\u2212" : "-") : "";
    return sign + whole + (decimals ? (language === "sv" ? "," : ".") + decimals : "");
  }

  return {
    compressedAirLeaks: compressedAirLeaks,
    idleEnergy: idleEnergy,
    scopeFootprint: scopeFootprint,
    scrapCost: scrapCost,
    parseNumber: parseNumber,
    formatNumber: formatNumber,
  };
});
