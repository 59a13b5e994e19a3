// The calculators' formulas on cases worked out by hand (node --test tests/js/).
// Each expected figure is written as the multiplication it comes from.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const formulas = require("../../docs/assets/javascripts/calculators/formulas.js");

function close(actual, expected, message) {
  assert.ok(Math.abs(actual - expected) < 1e-9 * Math.max(1, Math.abs(expected)),
    `${message}: expected ${expected}, got ${actual}`);
}

test("compressed-air leaks: 1.5 m³/min at 6.5 kW per m³/min for 6000 h", () => {
  const result = formulas.compressedAirLeaks({ leakFlow: 1.5, specificPower: 6.5, hours: 6000, price: 1.2, factor: 0.059 });
  close(result.powerKw, 9.75, "kW = 1.5 × 6.5");
  close(result.kwh, 58500, "kWh = 9.75 × 6000");
  close(result.cost, 70200, "kr = 58 500 × 1.2");
  close(result.co2eKg, 3451.5, "kg CO2e = 58 500 × 0.059");
});

test("compressed-air leaks: no leak, no cost", () => {
  const result = formulas.compressedAirLeaks({ leakFlow: 0, specificPower: 6.5, hours: 8760, price: 1.2, factor: 0.059 });
  assert.equal(result.kwh, 0);
  assert.equal(result.cost, 0);
});

test("idle energy: two machines, 46 weeks, half the idle hours switched off", () => {
  const result = formulas.idleEnergy({
    machines: [{ idleKw: 2, idleHoursPerWeek: 40 }, { idleKw: 0.5, idleHoursPerWeek: 100 }],
    weeks: 46, switchOffShare: 0.5, price: 1, factor: 0.059,
  });
  close(result.kwh, 5980, "kWh = (2 × 40 + 0.5 × 100) × 46");
  close(result.cost, 5980, "kr = 5980 × 1");
  close(result.co2eKg, 352.82, "kg = 5980 × 0.059");
  close(result.savedKwh, 2990, "saved = 5980 × 0.5");
  close(result.savedCost, 2990, "saved kr = 2990 × 1");
  close(result.savedCo2eKg, 176.41, "saved kg = 2990 × 0.059");
  close(result.remainingKwh, 2990, "left = 5980 − 2990");
});

test("scope 1 and 2: diesel, natural gas in m³, electricity and district heating", () => {
  const result = formulas.scopeFootprint({ sources: [
    { id: "diesel", scope: 1, quantity: 1000, factor: 2.66155 },
    { id: "gas", scope: 1, quantity: 1000, factor: 11.18 * 0.18449 },
    { id: "electricity", scope: 2, quantity: 200000, factor: 0.059 },
    { id: "heat", scope: 2, quantity: 100000, factor: 0.044 },
  ] });
  close(result.sources[0].tonnes, 2.66155, "t = 1000 l × 2.66155 / 1000");
  close(result.sources[1].tonnes, 2.0625982, "t = 1000 m³ × 11.18 kWh/m³ × 0.18449 / 1000");
  close(result.sources[2].tonnes, 11.8, "t = 200 000 × 0.059 / 1000");
  close(result.sources[3].tonnes, 4.4, "t = 100 000 × 0.044 / 1000");
  close(result.scope1Tonnes, 4.7241482, "2.66155 + 2.0625982");
  close(result.scope2Tonnes, 16.2, "11.8 + 4.4");
  close(result.totalTonnes, 20.9241482, "4.7241482 + 16.2");
  close(result.sources[2].share, 11.8 / 20.9241482, "electricity's share");
  close(result.scope1Share + result.scope2Share, 1, "shares add up");
});

test("scope 1 and 2: nothing entered gives zeros, not NaN shares", () => {
  const result = formulas.scopeFootprint({ sources: [{ id: "diesel", scope: 1, quantity: 0, factor: 2.66155 }] });
  assert.equal(result.totalTonnes, 0);
  assert.equal(result.sources[0].share, 0);
  assert.equal(result.scope1Share, 0);
});

test("scrap cost: 1200 parts of 2.5 kg and 500 kg of offcuts", () => {
  const result = formulas.scrapCost({ parts: 1200, kgPerPart: 2.5, looseKg: 500, materialPrice: 30,
    processingCostPerPart: 80, disposalFee: 0.5, scrapRevenue: 2, materialFactor: 1.6 });
  close(result.kg, 3500, "kg = 1200 × 2.5 + 500");
  close(result.materialCost, 105000, "kr = 3500 × 30");
  close(result.processingCost, 96000, "kr = 1200 × 80");
  close(result.disposalCost, 1750, "kr = 3500 × 0.5");
  close(result.revenue, 7000, "kr = 3500 × 2");
  close(result.netCost, 195750, "105 000 + 96 000 + 1750 − 7000");
  close(result.co2eKg, 5600, "kg CO2e = 3500 × 1.6");
});

test("numbers in Swedish: space groups thousands, comma before decimals", () => {
  assert.equal(formulas.formatNumber(1234567.891, "sv", 1), "1\u00a0234\u00a0567,9");
  assert.equal(formulas.formatNumber(0.5, "sv", 2), "0,5");
  assert.equal(formulas.formatNumber(-1000, "sv", 0), "\u22121\u00a0000");
  assert.equal(formulas.formatNumber(58500, "sv", 0), "58\u00a0500");
});

test("numbers in English: comma groups thousands, point before decimals", () => {
  assert.equal(formulas.formatNumber(1234567.891, "en", 1), "1,234,567.9");
  assert.equal(formulas.formatNumber(3451.5, "en", 0), "3,452");
  assert.equal(formulas.formatNumber(0.04, "en", 1), "0");
});

test("reading what the reader typed", () => {
  assert.equal(formulas.parseNumber("1 234,5", "sv"), 1234.5);
  assert.equal(formulas.parseNumber("1\u00a0234,5", "sv"), 1234.5);
  assert.equal(formulas.parseNumber("1.5", "sv"), 1.5);
  assert.equal(formulas.parseNumber("1,234.5", "en"), 1234.5);
  assert.equal(formulas.parseNumber("6000", "en"), 6000);
  assert.equal(formulas.parseNumber("12,5", "en"), 12.5, "a decimal comma on the English page");
  assert.equal(formulas.parseNumber("0,059", "en"), 0.059, "no thousands group starts with 0");
  assert.equal(formulas.parseNumber("120,50", "en"), 120.5);
  assert.equal(formulas.parseNumber("1,250", "en"), 1250, "three digits after a comma group thousands in English");
  assert.equal(formulas.parseNumber("12,345,678.5", "en"), 12345678.5);
  assert.ok(Number.isNaN(formulas.parseNumber("1,2,3", "en")));
  assert.ok(Number.isNaN(formulas.parseNumber("1,5.2", "en")));
  assert.ok(Number.isNaN(formulas.parseNumber("1.234,5", "sv")));
  assert.ok(Number.isNaN(formulas.parseNumber("", "en")));
  assert.ok(Number.isNaN(formulas.parseNumber("ten", "en")));
});
