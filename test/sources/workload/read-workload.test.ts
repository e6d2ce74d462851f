import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import {
  captureFile,
  readWorkload,
  XmlCaptureError,
  type WorkloadRead,
  type WorkloadStatement,
} from "../../../src/sources/workload/index.js";

const FIXTURES = fileURLToPath(new URL("../../../../test/sources/workload/fixtures/", import.meta.url));

function read(...names: string[]): Promise<WorkloadRead> {
  return readWorkload(names.map((n) => captureFile(n, FIXTURES + n)));
}

/** Feeds `bytes` to the reader `chunk` bytes at a time. */
function chunked(name: string, bytes: Uint8Array, chunk: number) {
  return {
    name,
    open: async function* () {
      for (let i = 0; i < bytes.length; i += chunk) {
        yield bytes.subarray(i, i + chunk);
      }
    },
  };
}

function byText(statements: readonly WorkloadStatement[], fragment: string): WorkloadStatement {
  const found = statements.find((s) => s.text.includes(fragment));
  assert.ok(found, `no statement contains ${JSON.stringify(fragment)}: ${statements.map((s) => s.text).join(" | ")}`);
  return found;
}

describe("readWorkload on Extended Events", () => {
  it("counts a ring buffer's events per statement", async () => {
    const { source } = await read("xe-ring-buffer.xml");
    const [capture] = source.captures;
    assert.equal(capture?.format, "extendedEvents");
    assert.equal(capture?.events, 9);
    assert.equal(capture?.statementEvents, 7);
    assert.deepEqual(capture?.ignored, { error_reported: 1, "rpc_completed without SQL text": 1 });
    assert.equal(capture?.firstEvent, "2024-03-04T08:15:00.100Z");
    assert.equal(capture?.lastEvent, "2024-03-04T09:30:00.000Z");
    assert.deepEqual(capture?.warnings, []);

    assert.deepEqual(
      source.statements.map((s) => [s.file, s.executions]),
      [
        ["workload:xe-ring-buffer.xml#1", 2],
        ["workload:xe-ring-buffer.xml#2", 2],
        ["workload:xe-ring-buffer.xml#3", 1],
        ["workload:xe-ring-buffer.xml#4", 1],
        ["workload:xe-ring-buffer.xml#5", 1],
      ],
    );
  });

  it("joins a CDATA batch and its entity-escaped twin", async () => {
    const { source } = await read("xe-ring-buffer.xml");
    const batch = byText(source.statements, "dbo.Orders");
    assert.equal(
      batch.text,
      "/* nightly: it's the 'report' batch */\n" +
        "SELECT o.OrderId, o.Note\n" +
        "FROM dbo.Orders AS o -- don't touch 'this'\n" +
        "WHERE o.Note = '?' AND o.Customer = N'?' AND o.Tag = '?'\n" +
        "  AND o.Total > 0.0;",
    );
    assert.equal(batch.executions, 2);
    assert.equal(batch.firstSeen, "2024-03-04T08:15:00.100Z");
    assert.equal(batch.lastSeen, "2024-03-04T09:30:00.000Z");
    assert.deepEqual(batch.databases, ["Sales"]);
    assert.deepEqual(batch.applications, ["Reports & Co"]);
    assert.deepEqual(batch.logins, ["CORP\\svc_reports"]);
    assert.deepEqual(batch.events, { sql_batch_completed: 2 });
    assert.match(batch.hash, /^[0-9a-f]{16}$/);
  });

  it("takes the statement out of sp_executesql", async () => {
    const { source } = await read("xe-ring-buffer.xml");
    const call = byText(source.statements, "dbo.Customers");
    assert.equal(call.text, "SELECT TOP (0) c.Name FROM dbo.Customers c WHERE c.Region = @P1 AND c.Name <> N'?' ORDER BY 1");
    assert.equal(call.calledThrough, "sp_executesql");
    assert.deepEqual(call.databases, ["Billing", "Sales"]);
  });

  it("keeps no host name and no parameter values", async () => {
    const { source } = await read("xe-ring-buffer.xml");
    const all = JSON.stringify(source);
    for (const secret of ["LAPTOP-042", "O''Brien", "Smith", "West", "Zoë", "100.50", "2024-03-05", "AAAAAAAA"]) {
      assert.ok(!all.includes(secret), `${secret} is in the workload`);
    }
  });

  it("reads exported event_file rows without a root element", async () => {
    const { source } = await read("xe-event-file-rows.xml");
    assert.equal(source.captures[0]?.events, 3);
    const proc = byText(source.statements, "usp_GetOrder");
    assert.equal(proc.text, "exec dbo.usp_GetOrder @OrderId=0");
    assert.equal(proc.executions, 2);
    assert.deepEqual(proc.logins, ["app_user"]);
  });

  it("reads the same at every chunk size", async () => {
    const bytes = readFileSync(FIXTURES + "xe-ring-buffer.xml");
    const whole = (await read("xe-ring-buffer.xml")).source;
    for (const size of [1, 3, 17, 4096]) {
      const { source } = await readWorkload([chunked("xe-ring-buffer.xml", bytes, size)]);
      assert.deepEqual(source, whole, `chunk size ${size}`);
    }
  });
});

describe("readWorkload on Profiler trace XML", () => {
  it("reads UTF-16 trace XML and only its event classes with SQL", async () => {
    const { source } = await read("profiler-trace.xml");
    const [capture] = source.captures;
    assert.equal(capture?.format, "profilerTrace");
    // The <Event id="12"> under <TracedEvents> in the header is no event.
    assert.equal(capture?.events, 7);
    assert.equal(capture?.statementEvents, 4);
    assert.deepEqual(capture?.ignored, { "Audit Login": 1, "SQL:BatchStarting": 1, "Trace Start": 1 });
    // Profiler writes local time with its offset.
    assert.equal(capture?.firstEvent, "2024-03-06T10:01:00.250Z");
  });

  it("keeps integer and decimal literals apart", async () => {
    const { source } = await read("profiler-trace.xml");
    const texts = source.statements.map((s) => s.text);
    assert.ok(texts.includes("SELECT * FROM dbo.Products WHERE Price < 0"), texts.join(" | "));
    assert.ok(texts.includes("SELECT * FROM dbo.Products WHERE Price < 0.0"), texts.join(" | "));
  });

  it("takes statements out of sp_executesql and JDBC's sp_prepexec", async () => {
    const { source } = await read("profiler-trace.xml");
    const update = byText(source.statements, "UPDATE dbo.Products");
    assert.equal(update.text, "UPDATE dbo.Products SET Price = @p0 WHERE Sku = @p1");
    assert.equal(update.calledThrough, "sp_executesql");
    assert.deepEqual(update.applications, ["Shop Web"]);

    const remove = byText(source.statements, "DELETE FROM dbo.Carts");
    assert.equal(remove.text, "DELETE FROM dbo.Carts WHERE CartId = @P0");
    assert.equal(remove.calledThrough, "sp_prepexec");
    // The column was written by id only.
    assert.deepEqual(remove.logins, ["web_user"]);
  });
});

describe("readWorkload across captures", () => {
  it("counts one statement over two captures under the first one's name", async () => {
    const { source } = await read("xe-event-file-rows.xml", "xe-ring-buffer.xml", "xe-event-file-rows.xml");
    const proc = byText(source.statements, "usp_GetOrder");
    assert.equal(proc.file, "workload:xe-event-file-rows.xml#1");
    assert.equal(proc.executions, 4);
    assert.equal(source.captures.length, 3);
    assert.equal(new Set(source.statements.map((s) => s.file)).size, source.statements.length);
  });
});

describe("readWorkload on damaged files", () => {
  it("keeps the events of a cut-short file, with a warning", async () => {
    const { source } = await read("truncated.xml");
    const [capture] = source.captures;
    assert.equal(capture?.events, 1);
    assert.equal(source.statements.length, 1);
    assert.equal(capture?.warnings.length, 1);
    assert.match(capture?.warnings[0] ?? "", /ends inside a tag at line 44.*cut short.*1 complete event\(s\)/);
  });

  it("rejects invalid XML with its line, column and byte", async () => {
    const bytes = readFileSync(FIXTURES + "bad.xml");
    const text = bytes.toString("utf8");
    const offset = text.indexOf("</data>", text.indexOf("SELECT 2"));
    const byte = Buffer.byteLength(text.slice(0, offset), "utf8");

    await assert.rejects(read("bad.xml"), (error: unknown) => {
      assert.ok(error instanceof XmlCaptureError);
      assert.deepEqual(error.position, { line: 6, column: 44, byte });
      assert.match(error.message, /^cannot read capture 'bad.xml': invalid XML: end tag <\/data> where <\/value> was expected/);
      return true;
    });
  });

  it("rejects XML that holds no capture", async () => {
    await assert.rejects(read("not-a-capture.xml"), /contains no Extended Events <event> elements and no Profiler <TraceData>/);
  });
});
