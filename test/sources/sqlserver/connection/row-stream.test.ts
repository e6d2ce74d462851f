import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { describe, test } from "node:test";

import type { Row } from "../../../../src/sources/sqlserver/reader.js";
import {
  StatementTimeoutError,
  streamRows,
  type StreamingRequest,
} from "../../../../src/sources/sqlserver/connection/row-stream.js";

/** Records what the stream does to the request; the test plays the driver. */
class FakeRequest extends EventEmitter implements StreamingRequest {
  stream: boolean | null = null;
  readonly calls: string[] = [];
  command = "";

  pause(): boolean {
    this.calls.push("pause");
    return true;
  }

  resume(): boolean {
    this.calls.push("resume");
    return true;
  }

  cancel(): boolean {
    this.calls.push("cancel");
    // mssql reports a cancel as an ECANCEL error, then ends the request.
    setImmediate(() => {
      this.emit("error", Object.assign(new Error("Canceled."), { code: "ECANCEL" }));
      this.emit("done");
    });
    return true;
  }

  query(command: string): Promise<unknown> {
    this.command = command;
    return new Promise(() => {});
  }

  sendRows(count: number, from = 0): void {
    for (let index = from; index < from + count; index++) {
      this.emit("row", { n: index });
    }
  }
}

const OPTIONS = { highWaterMark: 4, idleTimeoutMs: 60_000 };

describe("streamRows", () => {
  test("starts the command in stream mode", () => {
    const request = new FakeRequest();
    streamRows(request, "SELECT 1", OPTIONS);

    assert.equal(request.stream, true);
    assert.equal(request.command, "SELECT 1");
  });

  test("yields rows in order until done", async () => {
    const request = new FakeRequest();
    const rows = streamRows(request, "q", OPTIONS);
    request.sendRows(3);
    setImmediate(() => {
      request.sendRows(2, 3);
      request.emit("done");
    });

    const seen: Row[] = [];
    for await (const row of rows) {
      seen.push(row);
    }
    assert.deepEqual(seen.map((row) => row.n), [0, 1, 2, 3, 4]);
    assert.deepEqual(request.calls, []);
  });

  test("pauses at the high-water mark and resumes when drained", async () => {
    const request = new FakeRequest();
    const rows = streamRows(request, "q", OPTIONS);
    request.sendRows(4);
    assert.deepEqual(request.calls, ["pause"]);

    await rows.next();
    assert.deepEqual(request.calls, ["pause"], "3 queued rows are above the low-water mark of 2");
    await rows.next();
    assert.deepEqual(request.calls, ["pause", "resume"]);
  });

  test("cancels the request when the consumer stops early", async () => {
    const request = new FakeRequest();
    const rows = streamRows(request, "q", OPTIONS);
    request.sendRows(10);

    for await (const row of rows) {
      if (row.n === 1) {
        break;
      }
    }
    assert.deepEqual(request.calls, ["pause", "cancel"]);
  });

  test("does not cancel a finished request", async () => {
    const request = new FakeRequest();
    const rows = streamRows(request, "q", OPTIONS);
    request.sendRows(2);
    request.emit("done");

    await rows.next();
    await rows.return!();
    assert.deepEqual(request.calls, []);
  });

  test("throws the first error once the request ends", async () => {
    const request = new FakeRequest();
    const rows = streamRows(request, "q", OPTIONS);
    const failure = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    request.sendRows(2);
    request.emit("error", failure);
    request.emit("error", new Error("a later error"));
    setImmediate(() => request.emit("done"));

    await assert.rejects(rows.next(), (error: unknown) => error === failure);
    assert.deepEqual(request.calls, [], "a failed request is not cancelled");
  });

  test("times out when no row arrives", async () => {
    const request = new FakeRequest();
    const rows = streamRows(request, "q", { highWaterMark: 4, idleTimeoutMs: 20 });

    await assert.rejects(rows.next(), (error: unknown) => error instanceof StatementTimeoutError && error.code === "ETIMEOUT");
    assert.deepEqual(request.calls, ["cancel"]);
  });

  test("does not time out a slow consumer", async () => {
    const request = new FakeRequest();
    const rows = streamRows(request, "q", { highWaterMark: 4, idleTimeoutMs: 20 });
    request.sendRows(2);
    request.emit("done");
    await new Promise((resolve) => setTimeout(resolve, 60));

    assert.equal((await rows.next()).value?.n, 0);
    assert.equal((await rows.next()).value?.n, 1);
    assert.equal((await rows.next()).done, true);
  });

  test("reports a rejected query promise", async () => {
    const request = new FakeRequest();
    request.query = () => Promise.reject(new Error("no connection"));
    const rows = streamRows(request, "q", OPTIONS);

    await assert.rejects(rows.next(), /no connection/);
  });
});
