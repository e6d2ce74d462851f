import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { CollectedItem, CollectedModule } from "../../../../src/sources/sqlserver/collected.js";
import { moduleTypeOf } from "../../../../src/sources/sqlserver/code/modules.js";
import { parse } from "../../../../src/tsql/parse.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { exampleModules } from "../../../helpers/sqlserver-fixture/kestrel/modules.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";
import { collectItems, NO_PARTS, salesSession } from "./helpers.js";

function modules(items: readonly CollectedItem[]): CollectedModule[] {
  return items.flatMap((item) => (item.kind === "module" && item.module.origin === "module" ? [item.module] : []));
}

function moduleNamed(items: readonly CollectedItem[], name: string): CollectedModule | undefined {
  return modules(items).find((module) => module.name === name);
}

describe("module extraction", () => {
  it("yields an encrypted module with a null definition and no problem", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["Sales"] });
    const secret = moduleNamed(items, "usp_Secret");

    assert.ok(secret !== undefined);
    assert.equal(secret.definition, null);
    assert.equal(secret.type, "procedure");
    assert.equal(secret.typeCode, "P");
    assert.ok(!items.some((item) => item.kind === "problem" && item.problem.message.includes("usp_Secret")));
  });

  it("reports a hidden definition as a permission problem", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["Sales"] });
    const hidden = items.find((item) => item.kind === "problem" && item.problem.message.includes("usp_Hidden"));

    assert.equal(moduleNamed(items, "usp_Hidden"), undefined);
    assert.ok(hidden?.kind === "problem");
    assert.equal(hidden.problem.reason, "permission-denied");
    assert.equal(hidden.problem.part, "modules");
    assert.equal(hidden.problem.database, "Sales");
    assert.match(hidden.problem.message, /procedure \[Sales\]\.\[sales\]\.\[usp_Hidden\] on 'sales-sql01,1433' is hidden/);
    assert.match(hidden.problem.message, /VIEW DEFINITION/);
  });

  it("keeps QUOTED_IDENTIFIER and ANSI_NULLS of each module", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["Sales"] });
    const legacy = moduleNamed(items, "usp_Legacy");
    const placeOrder = moduleNamed(items, "usp_PlaceOrder");

    assert.equal(legacy?.usesQuotedIdentifier, false);
    assert.equal(legacy?.usesAnsiNulls, true);
    assert.equal(placeOrder?.usesQuotedIdentifier, true);
  });

  it("parses a QUOTED_IDENTIFIER OFF module only with the flag", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["Sales"] });
    const legacy = moduleNamed(items, "usp_Legacy")!;
    const withFlag = parse(legacy.definition!, { quotedIdentifier: legacy.usesQuotedIdentifier ?? true });
    const statement = withFlag.batches[0]?.statements[0];

    assert.deepEqual(withFlag.diagnostics.filter((d) => d.severity === "error"), []);
    assert.ok(JSON.stringify(statement).includes('"not a column"'), "the double-quoted text is a string literal");
  });

  it("reads database DDL triggers without a schema", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["Sales"] });
    const trigger = moduleNamed(items, "trg_Ddl");

    assert.deepEqual(
      { database: trigger?.database, schema: trigger?.schema, type: trigger?.type, typeCode: trigger?.typeCode },
      { database: "Sales", schema: "", type: "trigger", typeCode: "TR" },
    );
  });

  it("reads server triggers with empty database and schema", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS });
    const [logon] = modules(items).filter((module) => module.database === "");

    assert.deepEqual(logon, {
      database: "",
      schema: "",
      name: "trg_Logon",
      type: "trigger",
      typeCode: "TR",
      origin: "module",
      definition: "CREATE TRIGGER trg_Logon ON ALL SERVER FOR LOGON AS PRINT 'hello';",
      usesQuotedIdentifier: true,
      usesAnsiNulls: true,
    });
  });

  it("names module kinds by type code", () => {
    assert.deepEqual(
      ["P", "RF", "FN", "IF", "TF", "V", "TR", "R", "D", "PC"].map(moduleTypeOf),
      ["procedure", "procedure", "function", "function", "function", "view", "trigger", "rule", "default", "module"],
    );
  });

  it("reads every Kestrel module of the example scripts", async () => {
    const items = await collectItems(memorySession(kestrelServer(), "kestrel"), { parts: NO_PARTS });
    const kestrel = modules(items).filter((module) => module.database === "KestrelColdChain");
    const expected = exampleModules().filter((module) => module.database === "KestrelColdChain" && !module.serverTrigger);

    assert.equal(kestrel.length, expected.length);
    assert.ok(kestrel.length >= 80, `only ${kestrel.length} modules`);
    for (const module of kestrel) {
      const errors = parse(module.definition ?? "").diagnostics.filter((d) => d.severity === "error");
      assert.deepEqual(errors, [], `${module.schema}.${module.name} does not parse`);
      assert.match(module.definition ?? "", /^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*CREATE\b/i);
    }
    const server = modules(items).filter((module) => module.database === "");
    assert.deepEqual(server.map((module) => module.name), ["trg_KestrelDatabaseDdlAudit", "trg_KestrelLogonLimits"]);
    const archive = modules(items).filter((module) => module.database === "Archive");
    assert.deepEqual(
      archive.map((module) => [module.name, module.definition === null, module.usesQuotedIdentifier]),
      [
        ["usp_ArchiveSummary", false, false],
        ["usp_RepriceArchive", true, true],
        ["vArchivedShipment", false, true],
      ],
    );
  });
});
