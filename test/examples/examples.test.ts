/**
 * Checks the bundled example database under `examples/`. Every file must
 * decode and parse with no error diagnostic. The Unicode export must be
 * detected as UTF-16 LE and the Windows export must keep its CRLF line
 * endings. A parse failure prints every error diagnostic with its source
 * line and a caret.
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { decode, type DecodeResult } from "../../src/tsql/decode/decode.js";
import { formatDiagnostic } from "../../src/tsql/diagnostics.js";
import { parse } from "../../src/tsql/parse.js";

const root = fileURLToPath(new URL("../../../examples/", import.meta.url));

/** The file that SSMS saved as "Unicode": UTF-16 LE with a BOM. */
const UTF16_FILE = "kestrel-cold-chain/05-reference-data.sql";

/** The file kept with the CRLF line endings of a Windows export. */
const CRLF_FILE = "kestrel-cold-chain/50-agent-jobs.sql";

const MIN_TOTAL_LINES = 4000;

function sqlFiles(dir: string): string[] {
  let files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      files = files.concat(sqlFiles(path));
    } else if (name.endsWith(".sql")) {
      files.push(path);
    }
  }
  return files;
}

/** Counts lines the way an editor does: a final line break adds no line. */
function countLines(text: string): number {
  if (text === "") {
    return 0;
  }
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return /[\r\n]$/.test(text) ? breaks : breaks + 1;
}

/** Path relative to `examples/`, with forward slashes on every platform. */
function exampleName(file: string): string {
  return relative(root, file).split(sep).join("/");
}

function decodeExample(name: string): DecodeResult {
  return decode(readFileSync(join(root, name)), { file: name });
}

const names = sqlFiles(root).map(exampleName);

describe("bundled examples", () => {
  it("contain SQL files", () => {
    assert.ok(names.length > 0, `no .sql files under ${root}`);
  });

  it("reach the minimum size", () => {
    const total = names.reduce((sum, name) => sum + countLines(decodeExample(name).text), 0);
    assert.ok(total >= MIN_TOTAL_LINES, `${total} lines, expected at least ${MIN_TOTAL_LINES}`);
  });

  it("include a UTF-16 LE file with BOM", () => {
    assert.ok(names.includes(UTF16_FILE), `${UTF16_FILE} is missing`);

    const decoded = decodeExample(UTF16_FILE);
    assert.equal(decoded.encoding, "utf-16le");
    assert.equal(decoded.bom, true);
    assert.ok(decoded.text.includes("Łódź"), "non-Latin-1 text did not survive decoding");
  });

  it("include a file with CRLF line endings", () => {
    assert.ok(names.includes(CRLF_FILE), `${CRLF_FILE} is missing`);

    const text = decodeExample(CRLF_FILE).text;
    const lineFeeds = text.split("\n").length - 1;
    const crlfs = text.split("\r\n").length - 1;
    assert.ok(crlfs > 0, `${CRLF_FILE} has no CRLF line endings`);
    assert.equal(crlfs, lineFeeds, `${CRLF_FILE} mixes LF and CRLF line endings`);
  });

  it("keep byte-exact files out of line-ending conversion", () => {
    const attributes = readFileSync(join(root, ".gitattributes"), "utf8");
    for (const name of [UTF16_FILE, CRLF_FILE]) {
      const pattern = new RegExp(`^${name.replace(/[.]/g, "\\.")}\\s.*-text`, "m");
      assert.match(attributes, pattern, `examples/.gitattributes does not mark ${name} -text`);
    }
  });

  for (const name of names) {
    it(`${name} decodes and parses without errors`, () => {
      const decoded = decodeExample(name);
      const decodeErrors = decoded.diagnostics.filter((d) => d.severity === "error");
      assert.deepEqual(
        decodeErrors.map((d) => formatDiagnostic(d)),
        [],
        `decoding errors in ${name}`,
      );

      const result = parse(decoded.text, { file: name });
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      const rendered = errors.map((d) => `${d.code} ${formatDiagnostic(d, decoded.text)}`);
      if (rendered.length > 0) {
        console.error(`${name}: ${rendered.length} parse errors\n${rendered.join("\n")}`);
      }

      const statements = result.batches.reduce((n, b) => n + b.statements.length, 0);
      assert.ok(statements > 0, `no statements parsed in ${name}`);
      assert.deepEqual(rendered, [], `parse errors in ${name}`);
    });
  }
});
