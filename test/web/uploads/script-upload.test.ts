import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, it } from "node:test";

import { receiveUpload, uploadLimits, UploadError } from "../../../src/web/uploads/index.js";
import { buildZip } from "./zip-writer.js";

const SCRIPT = Buffer.from("SELECT 1;\r\nGO\r\n", "utf8");

async function uploadError(action: Promise<unknown>): Promise<UploadError> {
  try {
    await action;
  } catch (error) {
    assert.ok(error instanceof UploadError, `expected an UploadError, got ${String(error)}`);
    return error;
  }
  assert.fail("the upload was accepted");
}

describe("script upload", () => {
  it("accepts one script as it is", async () => {
    const intake = await receiveUpload({ name: "proc.sql", content: SCRIPT });
    assert.equal(intake.kind, "script");
    assert.equal(intake.name, "proc.sql");
    assert.equal(intake.bytes, SCRIPT.length);
    assert.deepEqual(intake.files.map((f) => [f.name, Buffer.from(f.bytes).toString("utf8")]), [
      ["proc.sql", SCRIPT.toString("utf8")],
    ]);
    assert.deepEqual(intake.skipped, []);
  });

  it("strips the client's path", async () => {
    const windows = await receiveUpload({ name: "C:\\Users\\dba\\Desktop\\proc.sql", content: SCRIPT });
    assert.equal(windows.name, "proc.sql");
    const unix = await receiveUpload({ name: "../../etc/proc.prc", content: SCRIPT });
    assert.equal(unix.name, "proc.prc");
  });

  it("rejects names it cannot use", async () => {
    const cases: [string, string][] = [
      ["", "unsupported-type"],
      ["..", "unsupported-type"],
      ["dir/", "unsupported-type"],
      ["notes.txt", "unsupported-type"],
      ["proc\u0000.sql", "invalid-name"],
      [`${"x".repeat(300)}.sql`, "invalid-name"],
    ];
    for (const [name, code] of cases) {
      const error = await uploadError(receiveUpload({ name, content: SCRIPT }));
      assert.equal(error.code, code, `name ${JSON.stringify(name)}`);
    }
  });

  it("explains an unsupported file type", async () => {
    const error = await uploadError(receiveUpload({ name: "notes.txt", content: SCRIPT }));
    assert.match(error.message, /'notes\.txt' is neither a SQL script nor a \.zip archive/);
    assert.match(error.message, /upload a \.sql file or a \.zip archive/);
  });

  it("rejects an empty script", async () => {
    const error = await uploadError(receiveUpload({ name: "empty.sql", content: Buffer.alloc(0) }));
    assert.equal(error.code, "no-scripts");
    assert.match(error.message, /'empty\.sql' is empty/);
  });

  it("rejects an oversized script", async () => {
    const error = await uploadError(
      receiveUpload({ name: "big.sql", content: SCRIPT }, uploadLimits({ maxEntryBytes: 10 })),
    );
    assert.equal(error.code, "too-large");
    assert.equal(error.limit, 10);
    assert.match(error.message, /'big\.sql' is 15 bytes, over the limit of 10 bytes per script/);
  });

  it("reads a stream", async () => {
    const stream = Readable.from([SCRIPT.subarray(0, 5), SCRIPT.subarray(5)]);
    const intake = await receiveUpload({ name: "proc.sql", content: stream });
    assert.deepEqual(Buffer.from(intake.files[0]!.bytes), SCRIPT);
  });

  it("reads a zip stream", async () => {
    const zip = buildZip([{ name: "a.sql", data: "SELECT 1;" }]);
    const stream = Readable.from([zip.subarray(0, 7), zip.subarray(7)]);
    const intake = await receiveUpload({ name: "a.zip", content: stream });
    assert.deepEqual(intake.files.map((f) => f.name), ["a.sql"]);
  });

  it("stops a stream at the limit", async () => {
    let pulled = 0;
    const chunks = (function* () {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield Buffer.alloc(1024, 0x20);
      }
    })();
    const stream = Readable.from(chunks);

    const error = await uploadError(
      receiveUpload({ name: "huge.sql", content: stream }, uploadLimits({ maxUploadBytes: 4096 })),
    );
    assert.equal(error.code, "too-large");
    assert.equal(error.limit, 4096);
    assert.match(error.message, /'huge\.sql' is larger than the upload limit of 4 KiB/);
    assert.ok(stream.destroyed, "the stream was not destroyed");
    assert.ok(pulled < 100, `the stream was read on for ${pulled} chunks`);
  });
});
