import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { Assessment } from "../../../src/assessment/model.js";
import { runAssessment } from "../../../src/assessment/run.js";
import { defaultCatalog } from "../../../src/catalog/catalog.js";
import { parseTarget } from "../../../src/catalog/targets.js";
import { redactAssessment, type RedactResult } from "../../../src/report/redact/index.js";
import { collectServer } from "../../../src/sources/sqlserver/collect.js";
import type { CollectedItem, InventoryItem } from "../../../src/sources/sqlserver/collected.js";
import { NullStore } from "../../../src/store/null-store.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../helpers/sqlserver-fixture/memory-session.js";
import { FALLBACK_PSEUDONYM, findLeaks, PSEUDONYM, renderAll, visibleTexts } from "./harness.js";

const ADDRESS = "kestrel-sql01.corp.example,1433";

/**
 * Items added after the Kestrel collection: a module with keyword and
 * case-variant names and a linked server reference, a part infio does not
 * know, and a problem that lists databases unquoted.
 */
const EXTRA: readonly CollectedItem[] = [
  {
    kind: "module",
    module: {
      database: "KestrelColdChain",
      schema: "ops",
      name: "usp_VaultonAudit",
      type: "procedure",
      typeCode: "P",
      origin: "module",
      definition: [
        "CREATE PROCEDURE ops.usp_VaultonAudit AS",
        "SELECT * FROM OPS.SHIPMENT AS s JOIN ops.[Order] AS o ON o.ShipmentId = s.ShipmentId;",
        "SELECT * FROM [CARRIERHUB].CarrierHub.dbo.Shipments;",
      ].join("\n"),
    },
  },
  {
    kind: "inventory",
    part: "future-part",
    items: [{ database: "KestrelColdChain", owner: "Quillon Vantrease", seats: 3 }],
  },
  {
    kind: "problem",
    problem: {
      part: "database-list",
      database: "Vaulton Ledger",
      reason: "not-found",
      message:
        `database 'Vaulton Ledger' was not found on '${ADDRESS}', or the login may not see it; ` +
        "the server lists: master, KestrelColdChain, Archive; check the name in the database filter",
    },
  },
];

/** Names the redacted report must not contain; every Kestrel name contains `kestrel`. */
const SECRET_NAMES = [
  "kestrel",
  "CARRIERHUB",
  "FINANCE_ERP",
  "infio_reader",
  "Shipment",
  "SensorReading",
  "ChangeLog",
  "pfInvoiceYear",
  "ftIncidents",
  "Vaulton",
  "Vaulton Ledger",
  "usp_VaultonAudit",
  "Quillon Vantrease",
  "Shipments",
];

async function* withExtra(items: AsyncIterable<CollectedItem>): AsyncIterable<CollectedItem> {
  yield* items;
  yield* EXTRA;
}

async function assessKestrel(): Promise<{ assessment: Assessment; texts: ReadonlyMap<string, string> }> {
  const target = parseTarget("babelfish");
  assert.ok(target.ok);
  const result = await runAssessment({
    id: "20250304-050607-abcdef",
    startedAt: new Date("2025-03-04T05:06:07.000Z"),
    infioVersion: "0.0.0-test",
    sources: [ADDRESS],
    collected: withExtra(collectServer(memorySession(kestrelServer(), ADDRESS))),
    target: target.target,
    catalog: defaultCatalog(),
    maxFileSize: 1024 * 1024,
    jobs: 1,
    store: new NullStore(),
  });
  assert.ok(result.ok, result.ok ? "" : result.error);
  return { assessment: result.assessment, texts: result.texts };
}

function items(result: RedactResult, part: string): readonly InventoryItem[] {
  return result.assessment.live?.inventory[part] ?? [];
}

describe("redactAssessment of a live server", () => {
  let original: { assessment: Assessment; texts: ReadonlyMap<string, string> };
  let redacted: RedactResult;

  before(async () => {
    original = await assessKestrel();
    redacted = redactAssessment(original.assessment, { texts: original.texts });
  });

  it("starts from reports that show every name", () => {
    const plain: RedactResult = { ...original, pseudonyms: [], unlistedFields: [] };
    const texts = visibleTexts(renderAll(plain), original.texts);

    assert.deepEqual(
      SECRET_NAMES.filter((name) => !texts.some((t) => t.toLowerCase().includes(name.toLowerCase()))),
      [],
    );
  });

  it("leaves no name in JSON, CSV, SARIF, HTML or code", () => {
    const texts = visibleTexts(renderAll(redacted), redacted.texts);

    assert.deepEqual(
      SECRET_NAMES.filter((name) => texts.some((t) => t.toLowerCase().includes(name.toLowerCase()))),
      [],
    );
    assert.deepEqual(findLeaks(texts, ["Order]", "ops.Order"]), []);
    assert.deepEqual(texts.filter((t) => FALLBACK_PSEUDONYM.test(t)), [], "a name the first walk missed");
    assert.ok(redacted.texts.size > 100, `${redacted.texts.size} redacted units`);
  });

  it("has a rule for every field the collector writes", () => {
    assert.deepEqual(redacted.unlistedFields, [
      "future-part.owner",
      "future-part.seats",
    ]);
    const [future] = items(redacted, "future-part");
    assert.match(String(future?.["owner"]), /^value\d+$/);
    assert.equal(future?.["seats"], 3);
  });

  it("redacts the server header and sources but keeps version and edition", () => {
    const server = redacted.assessment.live!.server;
    const before = original.assessment.live!.server;

    assert.match(server.address, PSEUDONYM);
    assert.match(server.name, PSEUDONYM);
    assert.equal(server.version, before.version);
    assert.equal(server.edition, before.edition);
    assert.deepEqual(redacted.assessment.sources, [server.address]);
  });

  it("uses the inventory's pseudonyms in unit names and code", () => {
    const units = new Set(redacted.assessment.units.map((u) => u.file));
    const tables = items(redacted, "tables");
    assert.ok(tables.length > 40);

    // Every table is rebuilt as a CREATE TABLE unit named database.schema.table.
    for (const t of tables) {
      assert.ok(units.has(`${String(t["database"])}.${String(t["schema"])}.${String(t["name"])}`), JSON.stringify(t));
    }

    // Agent T-SQL steps are units named after their job.
    for (const step of items(redacted, "agent").filter((i) => i["type"] === "job-step" && i["subsystem"] === "TSQL")) {
      assert.ok(units.has(`agent.${String(step["job"])}.step ${String(step["stepId"])}`), JSON.stringify(step));
    }

    // The added procedure reads the Shipment table as OPS.SHIPMENT: its
    // code gets the pseudonyms the tables part gives ops.Shipment.
    const audit = original.assessment.units.findIndex((u) => u.file === "KestrelColdChain.ops.usp_VaultonAudit");
    const shipment = original.assessment.live!.inventory["tables"]!.findIndex((t) => t["name"] === "Shipment");
    const table = tables[shipment]!;
    const code = redacted.texts.get(redacted.assessment.units[audit]!.file)!;
    assert.ok(code.includes(`FROM ${String(table["schema"])}.${String(table["name"])} AS `), code);
  });

  it("replaces names in collection problems", () => {
    const problems = redacted.assessment.live!.problems;
    const notFound = problems.find((p) => p.reason === "not-found")!;

    assert.match(notFound.database!, PSEUDONYM);
    assert.match(notFound.message, /^database '[a-z]+\d+' was not found on '[a-z]+\d+', or the login may not see it; the server lists: master, database\d+, database\d+; check the name/);
  });

  it("gives the same output for the same input", () => {
    const again = redactAssessment(original.assessment, { texts: original.texts });
    const x = renderAll(again);
    const y = renderAll(redacted);

    assert.equal(x.json, y.json);
    assert.equal(x.html, y.html);
    assert.equal(x.sarif, y.sarif);
    assert.equal(x.csv, y.csv);
  });
});
