import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { createLogger } from "../../src/cli/log.js";

function capture() {
  const chunks: string[] = [];
  return { stream: { write: (text: string) => chunks.push(text) }, chunks };
}

describe("logger", () => {
  it("escapes control characters in messages", () => {
    const { stream, chunks } = capture();
    const logger = createLogger(stream as never, { now: () => new Date(0) });
    logger.warn("skipped \u001b[31mred\u001b]0;title\u0007.sql");
    assert.equal(chunks.length, 1);
    assert.ok(!chunks[0]!.includes("\u001b"), JSON.stringify(chunks[0]));
    assert.ok(!chunks[0]!.includes("\u0007"), JSON.stringify(chunks[0]));
    assert.ok(chunks[0]!.endsWith("skipped \\x1b[31mred\\x1b]0;title\\x07.sql\n"), JSON.stringify(chunks[0]));
  });

  it("keeps a file name with a line break on one line", () => {
    const { stream, chunks } = capture();
    const logger = createLogger(stream as never, { now: () => new Date(0) });
    logger.warn("skipped x\n1970-01-01T00:00:00.000Z info  forged.sql: empty");
    assert.equal(chunks.length, 1);
    assert.equal(
      chunks[0],
      "1970-01-01T00:00:00.000Z warn  skipped x\\n1970-01-01T00:00:00.000Z info  forged.sql: empty\n",
    );
  });

  it("escapes bidirectional overrides", () => {
    const { stream, chunks } = capture();
    createLogger(stream as never, { now: () => new Date(0) }).warn("skipped evil\u202egpj.sql");
    assert.ok(chunks[0]!.endsWith("skipped evil\\u202egpj.sql\n"), JSON.stringify(chunks[0]));
  });

  it("drops info lines when quiet", () => {
    const { stream, chunks } = capture();
    const logger = createLogger(stream as never, { quiet: true });
    logger.info("hidden");
    logger.warn("shown");
    assert.equal(chunks.length, 1);
  });
});

describe("logger redaction", () => {
  it("masks credential patterns by default", () => {
    const { stream, chunks } = capture();
    createLogger(stream as never, { now: () => new Date(0) }).info("store postgres://u:pw@db/x, Password=abc;");
    assert.equal(chunks[0], "1970-01-01T00:00:00.000Z info  store postgres://u:[redacted]@db/x, Password=[redacted];\n");
  });

  it("uses the redactor it is given", () => {
    const { stream, chunks } = capture();
    const logger = createLogger(stream as never, { now: () => new Date(0), redact: (t) => t.replace("abc", "***") });
    logger.warn("value abc");
    assert.match(chunks[0]!, /value \*\*\*\n$/);
  });
});
