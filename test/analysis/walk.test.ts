import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { AnalysisContext } from "../../src/analysis/context.js";
import type { Detector } from "../../src/analysis/detector.js";
import { LEAF_KINDS, Walker } from "../../src/analysis/walk.js";
import { decode } from "../../src/tsql/decode/decode.js";
import { parse } from "../../src/tsql/parse.js";
import { forEachNode, sqlFiles } from "../tsql/walk.js";

const repository = fileURLToPath(new URL("../../../", import.meta.url));

function parseFile(path: string) {
  const { text } = decode(readFileSync(path), { file: path });
  return { text, batches: parse(text, { file: path }).batches };
}

function walkEvents(sql: string): string[] {
  const events: string[] = [];
  const record = (what: string) => (node: { kind: string }) => events.push(`${what} ${node.kind}`);
  const detector: Detector = {
    name: "test",
    description: "records the walk",
    visitors: { IfStatement: record("enter"), PrintStatement: record("enter"), Literal: record("enter") },
    leave: { IfStatement: record("leave"), PrintStatement: record("leave"), Literal: record("leave") },
  };
  new Walker([detector]).walk(parse(sql).batches, new AnalysisContext(sql));
  return events;
}

describe("walker", () => {
  it("calls leave visitors after the children", () => {
    assert.deepEqual(walkEvents("IF 1 = 1 PRINT 'a'"), [
      "enter IfStatement",
      "enter Literal",
      "leave Literal",
      "enter Literal",
      "leave Literal",
      "enter PrintStatement",
      "enter Literal",
      "leave Literal",
      "leave PrintStatement",
      "leave IfStatement",
    ]);
  });

  // The walker does not look inside nodes of the leaf kinds; a child there
  // would be missed by every detector.
  it("leaf kinds have no children in examples and fixtures", () => {
    const files = [...sqlFiles(`${repository}examples`), ...sqlFiles(`${repository}test/fixtures/parser`)];
    assert.ok(files.length > 50, `only ${files.length} files found`);
    const leafKinds: ReadonlySet<string> = new Set(LEAF_KINDS);
    const seen = new Set<string>();
    for (const file of files) {
      forEachNode(parseFile(file).batches, (node) => {
        if (!leafKinds.has(node.kind)) {
          return;
        }
        seen.add(node.kind);
        for (const [key, value] of Object.entries(node)) {
          assert.ok(value === null || typeof value !== "object", `${node.kind}.${key} holds an object in ${file}`);
        }
      });
    }
    assert.ok(seen.has("Identifier"), "no Identifier met");
    assert.ok(seen.has("Literal"), "no Literal met");
  });

  it("visits the nodes of every kind once, leaves included", () => {
    const { text, batches } = parseFile(`${repository}examples/kestrel-cold-chain/20-procedures-operations.sql`);
    const expected = new Map<string, number>();
    forEachNode(batches, (node) => expected.set(node.kind, (expected.get(node.kind) ?? 0) + 1));

    const counted = new Map<string, number>();
    const count = (node: { kind: string }) => counted.set(node.kind, (counted.get(node.kind) ?? 0) + 1);
    const visitors = Object.fromEntries([...expected.keys()].map((kind) => [kind, count]));
    new Walker([{ name: "count", description: "counts nodes", visitors }]).walk(batches, new AnalysisContext(text));

    assert.deepEqual(counted, expected);
  });
});
