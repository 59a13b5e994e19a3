// The self-study progress store (docs/assets/javascripts/progress-store.js) in a stand-in browser:
// a page, its localStorage and nothing else (node --test tests/js/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = fs.readFileSync(path.join(__dirname, "../../docs/assets/javascripts/progress-store.js"), "utf8");

/** The store as a page of curriculum version `version` loads it, over `stored` (name -> text). */
function storeOver(stored, version = "2026.1") {
  const items = new Map(Object.entries(stored));
  const localStorage = {
    get length() { return items.size; },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (name) => (items.has(name) ? items.get(name) : null),
    setItem: (name, value) => { items.set(name, String(value)); },
    removeItem: (name) => { items.delete(name); },
  };
  const document = { querySelector: () => ({ getAttribute: () => version }) };
  const window = {};
  vm.runInNewContext(SOURCE, { window, document, localStorage, setTimeout });
  return { api: window.ecoleapProgress, items };
}

const RECORD = { done: true, date: "2026-12-01", version: "2026.1" };
// Objects made inside the stand-in page, compared as data.
const plain = (value) => JSON.parse(JSON.stringify(value));

test("a tick is kept in the one store and read back", () => {
  const { api, items } = storeOver({});
  api.set("unit:green-toolkit", { date: "2026-12-01" });
  assert.deepEqual(plain(api.get("unit:green-toolkit")), RECORD);
  assert.deepEqual(JSON.parse(items.get("ecoleap-progress")).records, { "unit:green-toolkit": RECORD });
});

test("a damaged store loses its bad entries, not the good ones, and no call throws", () => {
  const stored = { records: { "unit:green-toolkit": RECORD, "unit:broken": "garbage", "unit:undone": { done: false },
                              "Not a key": RECORD, "step:observed": null } };
  const { api } = storeOver({ "ecoleap-progress": JSON.stringify(stored) });
  assert.deepEqual(plain(api.all()), { "unit:green-toolkit": RECORD });
  assert.equal(api.get("unit:broken"), null);
});

test("a store whose records are not a mapping reads as empty, and a tick still goes in", () => {
  for (const text of ['{"records": null}', '{"records": [1, 2]}', "null", "not JSON", '"text"']) {
    const { api } = storeOver({ "ecoleap-progress": text });
    assert.deepEqual(plain(api.all()), {}, text);
    api.set("step:observed", { date: "2026-12-02" });
    assert.equal(api.get("step:observed").date, "2026-12-02", text);
  }
});
