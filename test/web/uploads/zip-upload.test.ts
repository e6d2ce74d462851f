import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { receiveUpload, uploadLimits, UploadError, type UploadIntake } from "../../../src/web/uploads/index.js";
import { buildZip, crc32OfZeros, deflatedZeros, DEFLATED, STORED, type ZipEntrySpec } from "./zip-writer.js";

const PROC = "CREATE PROCEDURE dbo.P AS\r\nBEGIN\r\n  CHECKPOINT;\r\nEND\r\nGO\r\n";
const TABLE = "CREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY);\r\nGO\r\n";

function upload(entries: readonly ZipEntrySpec[], limits = uploadLimits()): Promise<UploadIntake> {
  return receiveUpload({ name: "scripts.zip", content: buildZip(entries) }, limits);
}

/** Runs `action` and returns the UploadError it rejects with. */
async function uploadError(action: Promise<unknown>): Promise<UploadError> {
  try {
    await action;
  } catch (error) {
    assert.ok(error instanceof UploadError, `expected an UploadError, got ${String(error)}`);
    return error;
  }
  assert.fail("the upload was accepted");
}

function skippedLines(intake: UploadIntake): string[] {
  return intake.skipped.map((s) => `${s.file} ${s.reason}`);
}

describe("zip upload", () => {
  it("reads stored and deflated scripts", async () => {
    const intake = await upload([
      { name: "tables/t.sql", data: TABLE, method: STORED },
      { name: "procs/p.sql", data: PROC, method: DEFLATED },
      { name: "procs/", data: "" },
      { name: "./top.prc", data: "SELECT 1;" },
    ]);

    assert.equal(intake.kind, "zip");
    assert.equal(intake.name, "scripts.zip");
    assert.deepEqual(intake.files.map((f) => f.name), ["procs/p.sql", "tables/t.sql", "top.prc"]);
    assert.equal(Buffer.from(intake.files[0]!.bytes).toString("utf8"), PROC);
    assert.equal(Buffer.from(intake.files[1]!.bytes).toString("utf8"), TABLE);
    assert.deepEqual(intake.skipped, []);
  });

  it("keeps UTF-16 bytes unchanged", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TABLE, "utf16le")]);
    const intake = await upload([{ name: "t.sql", data: utf16 }]);
    assert.deepEqual(Buffer.from(intake.files[0]!.bytes), utf16);
  });

  it("decodes code page 437 names", async () => {
    const name = Buffer.concat([Buffer.from("caf"), Buffer.from([0x82]), Buffer.from(".sql")]);
    const intake = await upload([{ name, data: "SELECT 1;" }]);
    assert.deepEqual(intake.files.map((f) => f.name), ["café.sql"]);
  });

  it("skips unsafe names with the reason", async () => {
    const intake = await upload([
      { name: "ok.sql", data: "SELECT 1;" },
      { name: "../escape.sql", data: "SELECT 1;" },
      { name: "a/../../escape.sql", data: "SELECT 1;" },
      { name: "/etc/absolute.sql", data: "SELECT 1;" },
      { name: "C:/drive.sql", data: "SELECT 1;" },
      { name: "dir\\backslash.sql", data: "SELECT 1;" },
      { name: "a//double.sql", data: "SELECT 1;" },
      { name: "bell\u0007.sql", data: "SELECT 1;" },
      { name: "right\u202eloot.sql", data: "SELECT 1;" },
      { name: Buffer.from([0x61, 0xff, 0x2e, 0x73, 0x71, 0x6c]), flags: 0x0800, data: "SELECT 1;" },
    ]);

    assert.deepEqual(intake.files.map((f) => f.name), ["ok.sql"]);
    assert.deepEqual(skippedLines(intake), [
      "../escape.sql unsafe-path",
      "a/../../escape.sql unsafe-path",
      "/etc/absolute.sql unsafe-path",
      "C:/drive.sql unsafe-path",
      "dir\\backslash.sql unsafe-path",
      "a//double.sql unsafe-path",
      "bell\\x07.sql unsafe-path",
      "right\\u202eloot.sql unsafe-path",
      "entry 10 unsafe-path",
    ]);
    const traversal = intake.skipped[0]!.message;
    assert.match(traversal, /'\.\.\/escape\.sql' contains a '\.\.' segment/);
    assert.match(traversal, /create the archive again/);
  });

  it("skips links, devices, encrypted, duplicates", async () => {
    const intake = await upload([
      { name: "p.sql", data: PROC },
      { name: "link.sql", data: "/etc/passwd", unixMode: 0o120777 },
      { name: "fifo.sql", data: "", unixMode: 0o010644 },
      { name: "plain.sql", data: "SELECT 1;", unixMode: 0o100644 },
      { name: "secret.sql", data: "SELECT 1;", flags: 0x0801 },
      { name: "p.sql", data: TABLE },
    ]);

    assert.deepEqual(intake.files.map((f) => f.name), ["p.sql", "plain.sql"]);
    assert.equal(Buffer.from(intake.files[0]!.bytes).toString("utf8"), PROC, "the first p.sql is kept");
    assert.deepEqual(skippedLines(intake), [
      "link.sql symlink",
      "fifo.sql special-file",
      "secret.sql encrypted",
      "p.sql duplicate",
    ]);
  });

  it("lists nested archives unopened", async () => {
    const inner = buildZip([{ name: "inner.sql", data: "SELECT 1;" }]);
    const intake = await upload([
      { name: "p.sql", data: PROC },
      { name: "more/inner.zip", data: inner },
      { name: "backup.tar.gz", data: "not really" },
      { name: "readme.txt", data: "notes" },
      { name: "__MACOSX/._p.sql", data: "metadata" },
    ]);

    assert.deepEqual(intake.files.map((f) => f.name), ["p.sql"]);
    assert.deepEqual(skippedLines(intake), [
      "more/inner.zip nested-archive",
      "backup.tar.gz nested-archive",
      "readme.txt not-sql",
      "__MACOSX/._p.sql not-sql",
    ]);
    assert.match(intake.skipped[0]!.message, /extract it and upload its scripts/);
  });

  it("skips unsupported methods and oversized scripts", async () => {
    const limits = uploadLimits({ maxEntryBytes: 100 });
    const intake = await upload(
      [
        { name: "p.sql", data: "SELECT 1;" },
        { name: "bzip2.sql", data: "SELECT 1;", method: 12, compressed: Buffer.from("BZh9") },
        { name: "big.sql", data: "-- ".repeat(50) },
      ],
      limits,
    );

    assert.deepEqual(skippedLines(intake), ["bzip2.sql unsupported-compression", "big.sql too-large"]);
    assert.match(intake.skipped[0]!.message, /compression method 12/);
    assert.match(intake.skipped[1]!.message, /150 bytes, over the limit of 100 bytes per script/);
  });

  it("rejects an archive without scripts", async () => {
    const error = await uploadError(upload([{ name: "readme.txt", data: "notes" }]));
    assert.equal(error.code, "no-scripts");
    assert.match(error.message, /'scripts\.zip' contains no SQL script/);
    assert.match(error.message, /'readme\.txt' is not a SQL script/);
  });
});

describe("zip upload rejections", () => {
  it("rejects a non-zip file", async () => {
    const error = await uploadError(receiveUpload({ name: "x.zip", content: Buffer.from("PK\u0003\u0004 not a zip") }));
    assert.equal(error.code, "invalid-zip");
    assert.match(error.message, /'x\.zip' is not a zip archive, or it was cut short/);
  });

  it("rejects an archive cut short", async () => {
    const whole = buildZip([{ name: "p.sql", data: PROC }]);
    const error = await uploadError(receiveUpload({ name: "cut.zip", content: whole.subarray(0, whole.length - 5) }));
    assert.equal(error.code, "invalid-zip");
  });

  it("rejects ZIP64 archives with the fix", async () => {
    const error = await uploadError(
      receiveUpload({ name: "big.zip", content: buildZip([{ name: "p.sql", data: PROC }], { zip64Locator: true }) }),
    );
    assert.equal(error.code, "unsupported-zip");
    assert.match(error.message, /ZIP64/);
  });

  it("rejects more entries than the limit", async () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.sql`, data: "SELECT 1;" }));
    const error = await uploadError(upload(entries, uploadLimits({ maxEntries: 5 })));
    assert.equal(error.code, "too-many-entries");
    assert.equal(error.limit, 5);
    assert.match(error.message, /6 entries, over the limit of 5; split the scripts/);
  });

  it("rejects too much inflated data", async () => {
    const entries = [
      { name: "a.sql", data: "SELECT 1;".repeat(10) },
      { name: "b.sql", data: "SELECT 2;".repeat(10) },
    ];
    const error = await uploadError(upload(entries, uploadLimits({ maxTotalBytes: 150 })));
    assert.equal(error.code, "too-much-data");
    assert.equal(error.limit, 150);
    assert.match(error.message, /inflate to 180 bytes, over the limit of 150 bytes per upload/);
  });

  it("rejects an oversized upload", async () => {
    const content = buildZip([{ name: "p.sql", data: PROC }]);
    const error = await uploadError(receiveUpload({ name: "p.zip", content }, uploadLimits({ maxUploadBytes: 50 })));
    assert.equal(error.code, "too-large");
    assert.equal(error.limit, 50);
  });

  it("rejects a 1 GiB zip bomb", async () => {
    const gib = 1024 * 1024 * 1024;
    const bomb = buildZip([
      { name: "zeros.sql", compressed: deflatedZeros(1024), declaredSize: gib, crc: crc32OfZeros(gib) },
    ]);
    assert.ok(bomb.length < 2 * 1024 * 1024, `the bomb is ${bomb.length} bytes`);

    const before = process.memoryUsage().arrayBuffers;
    const error = await uploadError(receiveUpload({ name: "bomb.zip", content: bomb }));
    const grown = process.memoryUsage().arrayBuffers - before;

    assert.equal(error.code, "zip-bomb");
    assert.equal(error.entry, "zeros.sql");
    assert.equal(error.limit, 200);
    assert.match(error.message, /declares 1 GiB from 1 MiB compressed, a ratio of 1011 to 1, over the limit of 200/);
    assert.ok(grown < 64 * 1024 * 1024, `array buffers grew by ${grown} bytes`);
  });

  it("rejects a bomb of any name", async () => {
    const gib = 1024 * 1024 * 1024;
    const bomb = buildZip([
      { name: "p.sql", data: PROC },
      { name: "zeros.bin", compressed: deflatedZeros(1024), declaredSize: gib, crc: crc32OfZeros(gib) },
    ]);
    const error = await uploadError(receiveUpload({ name: "bomb.zip", content: bomb }));
    assert.equal(error.code, "zip-bomb");
  });

  it("stops at an understated size", async () => {
    const bomb = buildZip([{ name: "small.sql", compressed: deflatedZeros(1024), declaredSize: 1000 }]);

    const before = process.memoryUsage().arrayBuffers;
    const error = await uploadError(receiveUpload({ name: "liar.zip", content: bomb }));
    const grown = process.memoryUsage().arrayBuffers - before;

    assert.equal(error.code, "size-mismatch");
    assert.equal(error.entry, "small.sql");
    assert.match(error.message, /inflate to 1001 bytes, not the 1000 its header declares/);
    assert.ok(grown < 64 * 1024 * 1024, `array buffers grew by ${grown} bytes`);
  });

  it("rejects data shorter than declared", async () => {
    const error = await uploadError(upload([{ name: "p.sql", data: PROC, declaredSize: PROC.length + 10 }]));
    assert.equal(error.code, "size-mismatch");
    assert.match(error.message, new RegExp(`inflate to ${PROC.length} bytes, not the ${PROC.length + 10}`));
  });

  it("rejects mismatched stored sizes", async () => {
    const error = await uploadError(upload([{ name: "p.sql", data: PROC, method: STORED, declaredSize: 5 }]));
    assert.equal(error.code, "size-mismatch");
  });

  it("rejects a wrong CRC-32", async () => {
    const error = await uploadError(upload([{ name: "p.sql", data: PROC, crc: 1234 }]));
    assert.equal(error.code, "size-mismatch");
    assert.match(error.message, /entry 'p\.sql' of 'scripts\.zip' is rejected: its data do not match the CRC-32/);
  });

  it("rejects a damaged deflate stream", async () => {
    const error = await uploadError(
      upload([{ name: "p.sql", data: PROC, compressed: Buffer.from([0xff, 0xff, 0xff, 0xff]) }]),
    );
    assert.equal(error.code, "invalid-zip");
    assert.equal(error.entry, "p.sql");
  });

  it("rejects entries that share their data", async () => {
    const error = await uploadError(
      upload([
        { name: "a.sql", data: PROC },
        { name: "b.sql", data: PROC, sharesDataOf: 0 },
      ]),
    );
    assert.equal(error.code, "zip-bomb");
    assert.match(error.message, /the data of entries 1 and 2 overlap/);
  });
});
