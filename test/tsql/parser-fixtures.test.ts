/**
 * Runs every parser fixture. Files under `ok/` must parse with no
 * diagnostic and no error node. Each file under `err/` has a sibling
 * `.errors` file listing its diagnostics as `line:column code`, one a line,
 * and must produce exactly those.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { parse } from "../../src/tsql/parse.js";
import { formatDiagnostic } from "../../src/tsql/diagnostics.js";
import { countErrorNodes, sqlFiles } from "./walk.js";

const root = fileURLToPath(new URL("../../../test/fixtures/parser/", import.meta.url));

describe("parser ok fixtures", () => {
  const files = sqlFiles(join(root, "ok"));
  it("exist", () => {
    assert.ok(files.length > 0, `no fixtures under ${root}ok`);
  });
  for (const file of files) {
    const name = relative(root, file);
    it(name, () => {
      const text = readFileSync(file, "utf8");
      const result = parse(text, { file: name });
      const rendered = result.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => formatDiagnostic(d, text));
      assert.deepEqual(rendered, [], `diagnostics in ${name}`);
      assert.equal(countErrorNodes(result.batches), 0, `error nodes in ${name}`);
      const statements = result.batches.reduce((n, b) => n + b.statements.length, 0);
      assert.ok(statements > 0, `no statements in ${name}`);
    });
  }
});

describe("parser err fixtures", () => {
  const files = sqlFiles(join(root, "err"));
  for (const file of files) {
    const name = relative(root, file);
    it(name, () => {
      const text = readFileSync(file, "utf8");
      const expectedFile = file.replace(/\.sql$/, ".errors");
      const expected = readFileSync(expectedFile, "utf8")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#"));
      const result = parse(text, { file: name });
      const actual = result.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => `${d.line}:${d.column} ${d.code}`);
      assert.deepEqual(actual, expected, result.diagnostics.map((d) => formatDiagnostic(d, text)).join("\n"));
    });
  }
});
