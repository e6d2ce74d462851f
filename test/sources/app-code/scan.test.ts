/**
 * ApplicationCodeScan on the fixture tree: which files it feeds, which it
 * skips and under which reason, and how an assessed unit's positions move
 * back to the source file.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { UnitOutcome } from "../../../src/assessment/unit-task.js";
import { ApplicationCodeScan } from "../../../src/sources/app-code/index.js";
import { decodeFindingChunk, encodeFindings } from "../../../src/store/finding-chunks.js";
import { SHOP } from "./fixtures.js";

async function scanShop(sourceCount = 1) {
  const scan = new ApplicationCodeScan({
    roots: [{ given: "shop", path: SHOP }],
    maxFileSize: 1024 * 1024,
    sourceCount,
  });
  const inputs = [];
  for await (const input of scan.inputs()) {
    inputs.push(input);
  }
  return { scan, inputs };
}

describe("ApplicationCodeScan", () => {
  it("feeds source units and .sql files in walk order", async () => {
    const { inputs } = await scanShop();
    assert.deepEqual(
      inputs.map((i) => [i.kind, "name" in i ? i.name : ""]),
      [
        ["file", "db/schema.sql"],
        ["text", "java/com/shop/OrderDao.java"],
        ["text", "py/reports.py"],
        ["text", "src/Orders/OrderRepository.cs"],
        ["text", "web/OrderList.jsx"],
        ["text", "web/orders.ts"],
      ],
    );
  });

  it("counts skipped folders and files by reason", async () => {
    const { scan } = await scanShop();
    const result = scan.result();
    assert.deepEqual(result.skipped, {
      "build-output-folder": 1,
      "dependency-folder": 1,
      "generated-header": 1,
      "generated-name": 1,
      "hidden-folder": 1,
      "minified-file": 1,
      "other-extension": 1,
    });
    assert.deepEqual(result.filesScanned, { sql: 1, java: 1, python: 1, csharp: 1, javascript: 1, typescript: 1 });
    assert.equal(result.statementsFound, 19);
    // C#: Count, Raw, Braces, Verbatim; Java: load; Python: the f-string, plain; TypeScript: list, byId.
    assert.equal(result.partlyDynamic, 9);
    assert.equal(result.unterminated, 0);
  });

  it("prefixes names with the root next to other sources", async () => {
    const { inputs } = await scanShop(2);
    assert.equal((inputs[1] as { name: string }).name, "shop/java/com/shop/OrderDao.java");
  });

  it("moves findings back to the source file", async () => {
    const { scan, inputs } = await scanShop();
    const unit = inputs.find((i) => "name" in i && i.name === "src/Orders/OrderRepository.cs");
    assert.ok(unit?.kind === "text");
    // Line 4 of the unit is `SET Note = "archived"` of the verbatim string.
    const lines = unit.text.split("\n");
    assert.equal(lines[3], 'SET Note = "archived"');

    const outcome: UnitOutcome = {
      seq: 0,
      kind: "unit",
      unit: { file: unit.name, encoding: "utf-16", lines: lines.length, bytes: 1, batches: 1, batchesWithErrors: 0, statements: 1 },
      findings: encodeFindings([
        { featureId: "x", status: "supported", file: unit.name, line: 4, column: 12, object: "", message: "m" },
      ]),
      parseErrors: [{ file: unit.name, line: 1, column: 1, message: "e" }],
      objects: [],
      dependencies: { references: [], definitions: [] },
    };
    const mapped = scan.mapOutcome(outcome);
    assert.ok(mapped.kind === "unit");
    const [finding] = decodeFindingChunk(mapped.findings);
    // `"archived"` starts at column 12 of line 22, after `SET Note = `.
    assert.deepEqual([finding?.line, finding?.column], [22, 12]);
    assert.deepEqual([mapped.parseErrors[0]?.line, mapped.parseErrors[0]?.column], [15, 28]);
    assert.equal(mapped.unit.encoding, "utf-8");
    assert.ok(mapped.unit.bytes > 1000);
    // A unit is mapped once; a second outcome of that name passes unchanged.
    assert.equal(scan.mapOutcome(outcome), outcome);
  });
});
