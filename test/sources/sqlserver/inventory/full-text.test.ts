import assert from "node:assert/strict";
import { test } from "node:test";

import { fullTextPart } from "../../../../src/sources/sqlserver/inventory/full-text.js";
import { assertNoSecrets, runPart } from "./part-runner.js";

test("full-text lists the catalog, the index and the stoplist", async () => {
  const { items } = await runPart(fullTextPart);

  assert.deepEqual(items, [
    {
      database: "KestrelColdChain",
      type: "catalog",
      name: "ftIncidents",
      isDefault: true,
      accentSensitive: false,
      indexes: 1,
    },
    {
      database: "KestrelColdChain",
      type: "index",
      name: "ops.IncidentReport",
      catalog: "ftIncidents",
      enabled: true,
      changeTracking: "AUTO",
      stoplist: "slIncidents",
      columns: 3,
    },
    { database: "KestrelColdChain", type: "stoplist", name: "slIncidents", stopwords: 4 },
  ]);
  assertNoSecrets(items);
});

test("full-text has no items in a database without it", async () => {
  const { items } = await runPart(fullTextPart, { database: "Archive" });

  assert.deepEqual(items, []);
});
