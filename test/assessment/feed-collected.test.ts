import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { LiveSource } from "../../src/assessment/model.js";
import { runAssessment, type RunOptions } from "../../src/assessment/run.js";
import { defaultCatalog } from "../../src/catalog/catalog.js";
import { parseTarget } from "../../src/catalog/targets.js";
import type {
  CollectedItem,
  CollectedModule,
  ServerHeader,
} from "../../src/sources/sqlserver/collected.js";
import { SqlServerError } from "../../src/sources/sqlserver/errors.js";
import type { AssessmentHeader, AssessmentWriter } from "../../src/store/index.js";
import { RecordingStore } from "./recording-store.js";

/** A RecordingStore that also keeps inventory rows by kind. */
class InventoryStore extends RecordingStore {
  readonly inventory = new Map<string, unknown[]>();

  override async beginAssessment(header: AssessmentHeader): Promise<AssessmentWriter> {
    const writer = await super.beginAssessment(header);
    return {
      ...writer,
      addInventory: async (kind, items) => {
        this.calls.push(`inventory ${kind} ${items.length}`);
        const kept = this.inventory.get(kind) ?? [];
        kept.push(...items);
        this.inventory.set(kind, kept);
      },
    };
  }
}

const SERVER: ServerHeader = {
  address: "sql01,1433",
  name: "SQL01",
  version: "16.0.4135.4",
  edition: "Enterprise Edition (64-bit)",
  collectedAt: "2025-03-04T05:06:07.089Z",
  tlsVerificationDisabled: false,
};

function procedure(name: string, body: string, database = "Sales"): CollectedModule {
  return {
    database,
    schema: "dbo",
    name,
    type: "procedure",
    typeCode: "P",
    origin: "module",
    definition: `CREATE PROCEDURE dbo.${name}\nAS\nBEGIN\n${body}\nEND\n`,
  };
}

const ENCRYPTED: CollectedModule = {
  database: "Sales",
  schema: "dbo",
  name: "Secret",
  type: "procedure",
  typeCode: "P",
  origin: "module",
  definition: null,
};

/** Returns a collection with every kind of item and modules of several sizes. */
function collection(): CollectedItem[] {
  const modules: CollectedItem[] = [];
  for (let i = 0; i < 12; i++) {
    const body = Array.from({ length: 1 + (i % 4) * 20 }, (_, n) => `    SELECT ${n} AS n;`).join("\n");
    modules.push({ kind: "module", module: procedure(`Report${i}`, `${body}\n    CHECKPOINT;`) });
  }
  return [
    { kind: "server", server: SERVER },
    { kind: "inventory", part: "databases", items: [{ name: "master" }, { name: "Sales" }] },
    { kind: "inventory", part: "tables", items: [{ database: "Sales", name: "dbo.Orders" }] },
    ...modules.slice(0, 6),
    { kind: "module", module: ENCRYPTED },
    {
      kind: "problem",
      problem: {
        part: "agent",
        reason: "permission-denied",
        message: "cannot read SQL Agent jobs on 'sql01,1433': SELECT was denied on msdb.dbo.sysjobs",
      },
    },
    { kind: "inventory", part: "tables", items: [{ database: "Archive", name: "dbo.Old" }] },
    ...modules.slice(6),
  ];
}

async function* stream(items: readonly CollectedItem[], failure?: Error): AsyncIterable<CollectedItem> {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
  if (failure !== undefined) {
    throw failure;
  }
}

function options(store: RecordingStore, collected: AsyncIterable<CollectedItem>, jobs = 2): RunOptions {
  const target = parseTarget("babelfish");
  assert.ok(target.ok);
  return {
    id: "live-run",
    startedAt: new Date("2025-03-04T05:06:07.089Z"),
    infioVersion: "0.0.0-test",
    sources: ["sql01,1433"],
    collected,
    target: target.target,
    catalog: defaultCatalog(),
    maxFileSize: 1024 * 1024,
    jobs,
    store,
  };
}

describe("runAssessment with a collection", () => {
  it("assesses modules as units named database.schema.name", async () => {
    const result = await runAssessment(options(new InventoryStore(), stream(collection())));
    assert.ok(result.ok, result.ok ? "" : result.error);

    const a = result.assessment;
    assert.deepEqual(a.sources, ["sql01,1433"]);
    assert.deepEqual(
      a.units.map((u) => u.file),
      Array.from({ length: 12 }, (_, i) => `Sales.dbo.Report${i}`),
    );
    const first = collection().find((item) => item.kind === "module");
    assert.ok(first?.kind === "module");
    const definition = first.module.definition ?? "";
    assert.equal(a.units[0]!.lines, definition.split("\n").length - 1);
    assert.equal(a.units[0]!.bytes, definition.length * 2);
    assert.equal(a.summary.files, 12);

    const checkpoints = a.findings.filter((f) => f.featureId === "statement.checkpoint");
    assert.equal(checkpoints.length, 12);
    assert.equal(checkpoints[0]!.file, "Sales.dbo.Report0");
    assert.equal(checkpoints[0]!.line, 5);
    assert.equal(checkpoints[0]!.object, "dbo.Report0");
  });

  it("keeps the text of modules for the code view", async () => {
    const items = collection();
    const result = await runAssessment(options(new InventoryStore(), stream(items)));
    assert.ok(result.ok);
    const first = items.find((item) => item.kind === "module");
    assert.ok(first?.kind === "module");
    assert.equal(result.texts.get("Sales.dbo.Report0"), first.module.definition);
    assert.equal(result.texts.size, 12);
  });

  it("parses a module with its QUOTED_IDENTIFIER setting", async () => {
    const definition = 'CREATE PROCEDURE dbo.Run\nAS\nEXEC ("SELECT 1");\n';
    const module = (name: string, usesQuotedIdentifier: boolean): CollectedItem => ({
      kind: "module",
      module: { ...procedure(name, ""), definition, usesQuotedIdentifier },
    });
    const items = [collection()[0]!, module("Off", false), module("On", true)];
    const result = await runAssessment(options(new InventoryStore(), stream(items)));
    assert.ok(result.ok, result.ok ? "" : result.error);

    const unresolved = result.assessment.findings.filter((f) => f.featureId === "dynamic_sql.unresolved");
    assert.deepEqual(unresolved.map((f) => f.file), ["Sales.dbo.On"]);
  });

  it("skips an encrypted module with its name", async () => {
    const result = await runAssessment(options(new InventoryStore(), stream(collection())));
    assert.ok(result.ok);
    assert.equal(result.assessment.skipped.length, 1);
    const skipped = result.assessment.skipped[0]!;
    assert.equal(skipped.file, "Sales.dbo.Secret");
    assert.equal(skipped.reason, "encrypted");
    assert.match(skipped.message, /Sales\.dbo\.Secret/);
  });

  it("keeps inventory, server and problems in the assessment and the store", async () => {
    const store = new InventoryStore();
    const result = await runAssessment(options(store, stream(collection())));
    assert.ok(result.ok);

    const expected: LiveSource = {
      server: SERVER,
      inventory: {
        databases: [{ name: "master" }, { name: "Sales" }],
        tables: [
          { database: "Sales", name: "dbo.Orders" },
          { database: "Archive", name: "dbo.Old" },
        ],
      },
      problems: [
        {
          part: "agent",
          reason: "permission-denied",
          message: "cannot read SQL Agent jobs on 'sql01,1433': SELECT was denied on msdb.dbo.sysjobs",
        },
      ],
    };
    assert.deepEqual(result.assessment.live, expected);
    assert.deepEqual(store.inventory.get("live.server"), [SERVER]);
    assert.deepEqual(store.inventory.get("live.parts"), ["databases", "tables"]);
    assert.deepEqual(store.inventory.get("tables"), expected.inventory.tables);
    assert.deepEqual(store.inventory.get("live.problems"), expected.problems);
    assert.equal(store.calls.at(-1), "commit");
  });

  it("gives the same assessment with one worker and with four", async () => {
    const one = await runAssessment(options(new InventoryStore(), stream(collection()), 1));
    const four = await runAssessment(options(new InventoryStore(), stream(collection()), 4));
    assert.ok(one.ok);
    assert.ok(four.ok);
    const strip = (a: typeof one.assessment) => ({ ...a, summary: { ...a.summary, elapsedMs: 0 } });
    assert.deepEqual(strip(one.assessment), strip(four.assessment));
  });

  for (const reason of ["timeout", "connection-lost"]) {
    it(`fails and stores nothing on a ${reason} problem`, async () => {
      const store = new InventoryStore();
      const items = collection();
      items.splice(5, 0, {
        kind: "problem",
        problem: {
          part: "modules",
          database: "Sales",
          reason,
          message: `query code.modules on 'sql01,1433', database 'Sales' failed: ${reason}`,
        },
      });
      const result = await runAssessment(options(store, stream(items)));
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.aborted, false);
      assert.match(result.error, /'sql01,1433', database 'Sales' failed: /);
      assert.match(result.error, new RegExp(`\\(${reason} in modules\\)$`));
      assert.equal(store.calls.at(-1), "abort");
      assert.ok(!store.calls.includes("commit"));
    });
  }

  it("fails and stores nothing when the collection rejects", async () => {
    const store = new InventoryStore();
    const failure = new SqlServerError("connection-lost", "the connection to 'sql01,1433' was reset", {
      server: "sql01,1433",
      database: "Archive",
      queryId: "code.modules",
    });
    const result = await runAssessment(options(store, stream(collection().slice(0, 5), failure)));
    assert.ok(!result.ok);
    assert.match(result.error, /server 'sql01,1433', database 'Archive'/);
    assert.match(result.error, /was reset/);
    assert.equal(store.calls.at(-1), "abort");
  });

  it("fails on a collection without a server header", async () => {
    const store = new InventoryStore();
    const result = await runAssessment(options(store, stream(collection().slice(1))));
    assert.ok(!result.ok);
    assert.match(result.error, /no server header/);
    assert.equal(store.calls.at(-1), "abort");
  });

  it("stops reading the collection once it fails", async () => {
    let returned = false;
    async function* watched(): AsyncGenerator<CollectedItem> {
      try {
        yield* stream(collection().slice(0, 3));
        yield {
          kind: "problem",
          problem: { part: "modules", database: "Sales", reason: "timeout", message: "timed out" },
        };
        yield* stream(collection());
      } finally {
        returned = true;
      }
    }
    const result = await runAssessment(options(new InventoryStore(), watched()));
    assert.ok(!result.ok);
    assert.equal(returned, true);
  });
});
