/**
 * Mutation fuzzing of the front end: thousands of mangled versions of the
 * parser fixtures must parse without throwing. A watchdog fails any single
 * input that takes seconds, which only a hang or a runaway loop can cause;
 * speed itself is measured by the benchmark, not here.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { parse } from "../../src/tsql/parse.js";
import { sqlFiles } from "./walk.js";

const root = fileURLToPath(new URL("../../../test/fixtures/parser/", import.meta.url));
const WATCHDOG_MS = 5000;

/** Small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  "(", ")", "'", "N'", "\"", "[", "]", "/*", "*/", "--", "\n", "\r", ";", ",", ".", "..", "::",
  "BEGIN", "END", "CASE", "WHEN", "THEN", "ELSE", "IF", "WHILE", "SELECT", "FROM", "WHERE",
  "CREATE", "PROCEDURE", "TABLE", "AS", "GO", "GO 3", "$(x)", "<a, int, 1>", "@", "@@", "#",
  "0x", "1e", "$", "{", "}", "{fn ", "> =", "! <", "||", "*=", "=*", "\u0000", "\uFEFF", "\uD800",
  "WITH", "MERGE", "EXEC", "OUTPUT", "TRY", "CATCH", ":setvar", "OVER (", "PIVOT (",
];

function mutate(text: string, next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n);
  let result = text;
  const rounds = 1 + pick(6);
  for (let i = 0; i < rounds; i++) {
    const at = pick(result.length + 1);
    switch (pick(5)) {
      case 0:
        result = result.slice(0, at) + result.slice(at + 1 + pick(40));
        break;
      case 1:
        result = result.slice(0, at) + FRAGMENTS[pick(FRAGMENTS.length)] + result.slice(at);
        break;
      case 2: {
        const from = pick(result.length);
        const piece = result.slice(from, from + pick(200));
        result = result.slice(0, at) + piece + result.slice(at);
        break;
      }
      case 3:
        result = result.slice(0, at) + String.fromCharCode(pick(0x3000)) + result.slice(at);
        break;
      default:
        result = result.slice(0, at);
        break;
    }
  }
  return result;
}

function parseWithWatchdog(text: string, label: string): void {
  const started = performance.now();
  try {
    parse(text, { file: label });
  } catch (error) {
    assert.fail(`parse threw on ${label}: ${String(error)}\ninput: ${JSON.stringify(text.slice(0, 2000))}`);
  }
  const elapsed = performance.now() - started;
  assert.ok(elapsed < WATCHDOG_MS, `parse of ${label} ran ${Math.round(elapsed)} ms: ${JSON.stringify(text.slice(0, 500))}`);
}

describe("front end fuzzing", () => {
  it("survives thousands of mutations", () => {
    const sources = sqlFiles(root).map((file) => readFileSync(file, "utf8"));
    assert.ok(sources.length > 0);
    const next = random(20261204);
    const count = 3000;
    for (let i = 0; i < count; i++) {
      const source = sources[i % sources.length]!;
      parseWithWatchdog(mutate(source, next), `mutation ${i}`);
    }
  });

  it("reports deep parenthesis nesting", () => {
    const text = `SELECT ${"(".repeat(100_000)}1${")".repeat(100_000)}`;
    const result = parse(text);
    assert.ok(result.diagnostics.some((d) => d.code === "parse.nesting-too-deep"));
  });

  it("reports deep block nesting", () => {
    const text = `${"BEGIN ".repeat(20_000)}SELECT 1 ${"END ".repeat(20_000)}`;
    const result = parse(text);
    assert.ok(result.diagnostics.some((d) => d.code === "parse.nesting-too-deep"));
  });

  it("reports deep IF nesting", () => {
    const text = `${"IF 1 = 1 ".repeat(20_000)}SELECT 1`;
    const result = parse(text);
    assert.ok(result.diagnostics.some((d) => d.code === "parse.nesting-too-deep"));
  });

  it("reads a long operator chain", () => {
    const text = `SELECT ${Array.from({ length: 50_000 }, (_, i) => `a${i}`).join(" + ")}`;
    const result = parse(text);
    assert.equal(result.diagnostics.length, 0);
  });

  it("reads unterminated constructs at the end", () => {
    for (const tail of ["'abc", "/* x", "[name", "N'", "\"q", "CASE WHEN 1 = 1 THEN", "BEGIN TRY", "(((", "EXEC('"]) {
      parseWithWatchdog(`SELECT 1\n${tail}`, JSON.stringify(tail));
    }
  });

  it("reads random bytes as text", () => {
    const next = random(7);
    for (let i = 0; i < 200; i++) {
      const chars = Array.from({ length: 500 }, () => String.fromCharCode(Math.floor(next() * 0x10000)));
      parseWithWatchdog(chars.join(""), `random ${i}`);
    }
  });
});
