import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { readWorkload } from "../../../src/sources/workload/index.js";

const EVENTS = 60_000;
const SHAPES = 10;
/** Bytes per chunk handed to the reader, as a file stream would. */
const CHUNK = 65_537;

/** Returns event `n`: shape `n % SHAPES`, literals that change with `n`, alternately CDATA and escaped. */
function eventXml(n: number): string {
  const shape = n % SHAPES;
  const sql = `SELECT c${shape}, 'x' FROM dbo.T${shape} WHERE id = ${n} AND name = N'user ${n} <${n % 7}>'`;
  const value = n % 2 === 0 ? `<![CDATA[${sql}]]>` : sql.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  return (
    `<event name="sql_batch_completed" package="sqlserver" timestamp="2024-01-01T00:00:${String(n % 60).padStart(2, "0")}.000Z">` +
    `<data name="batch_text"><type name="unicode_string" package="package0"></type><value>${value}</value></data>` +
    `<data name="data_stream"><value>${"A".repeat(600)}</value></data>` +
    `<action name="database_name" package="sqlserver"><value>db${n % 3}</value></action></event>\n`
  );
}

/** Yields the capture in fixed-size chunks without ever holding it whole; counts the bytes made. */
function generatedCapture(counter: { bytes: number }) {
  return async function* (): AsyncGenerator<Uint8Array> {
    let pending = Buffer.from("<RingBufferTarget>\n");
    let batch: string[] = [];
    let batchChars = 0;
    for (let n = 0; n <= EVENTS; n++) {
      const xml = n < EVENTS ? eventXml(n) : "</RingBufferTarget>\n";
      batch.push(xml);
      batchChars += xml.length;
      if (batchChars < CHUNK && n < EVENTS) {
        continue;
      }

      pending = Buffer.concat([pending, Buffer.from(batch.join(""), "utf8")]);
      batch = [];
      batchChars = 0;
      while (pending.length >= CHUNK) {
        counter.bytes += CHUNK;
        yield pending.subarray(0, CHUNK);
        pending = pending.subarray(CHUNK);
      }
    }
    counter.bytes += pending.length;
    yield pending;
  };
}

describe("readWorkload on a large capture", () => {
  it("streams it with a bounded buffer and counts every execution", async () => {
    const counter = { bytes: 0 };
    const read = await readWorkload([{ name: "huge.xml", open: generatedCapture(counter) }]);

    // The capture is far larger than anything buffered: the tokenizer
    // keeps at most the unread part of one chunk and the next chunk.
    assert.ok(counter.bytes > 40 * 1024 * 1024, `only ${counter.bytes} bytes were generated`);
    assert.ok(read.maxBufferedChars <= 3 * CHUNK, `the tokenizer buffered ${read.maxBufferedChars} characters`);

    const { captures, statements } = read.source;
    assert.equal(captures[0]?.bytes, counter.bytes);
    assert.equal(captures[0]?.events, EVENTS);
    assert.equal(captures[0]?.statementEvents, EVENTS);
    assert.equal(statements.length, SHAPES);
    for (const s of statements) {
      assert.equal(s.executions, EVENTS / SHAPES, s.text);
      assert.match(s.text, /^SELECT c\d, '\?' FROM dbo\.T\d WHERE id = 0 AND name = N'\?'$/);
      assert.deepEqual(s.databases, ["db0", "db1", "db2"]);
    }
  });
});
