/**
 * Writing the report files: temporary names renamed at the end, so that a
 * full disk, a failed write or an interrupt leaves no partial file and keeps
 * the reports that were there before.
 */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { REPORT_FILES, writeParts, writeReports } from "../../src/cli/write-reports.js";
import { sampleAssessment } from "../report/sample-assessment.js";
import { REPO, testHome } from "./run-infio.js";

describe("writeReports", () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-write-"));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("writes every format and leaves no temporary file", async () => {
    const dir = join(work, "all");
    const written = await writeReports(sampleAssessment(), { dir, formats: ["html", "json", "csv", "sarif"] });
    assert.deepEqual(
      written,
      ["json", "csv", "sarif", "html"].map((f) => join(dir, REPORT_FILES[f as keyof typeof REPORT_FILES])),
    );
    assert.deepEqual(readdirSync(dir).sort(), ["assessment.html", "assessment.json", "assessment.sarif", "findings.csv"]);
  });

  it("keeps earlier reports and writes nothing when aborted", async () => {
    const dir = join(work, "aborted");
    mkdirSync(dir);
    writeFileSync(join(dir, "assessment.json"), "earlier\n");
    const controller = new AbortController();
    controller.abort(new Error("interrupted by SIGTERM"));

    await assert.rejects(
      writeReports(sampleAssessment(), { dir, formats: ["json", "csv"], signal: controller.signal }),
      /interrupted by SIGTERM/,
    );
    assert.deepEqual(readdirSync(dir), ["assessment.json"]);
    assert.equal(readFileSync(join(dir, "assessment.json"), "utf8"), "earlier\n");
  });

  it("rejects /dev/full with ENOSPC", { skip: !existsSync("/dev/full") && "no /dev/full here" }, async () => {
    // Parts past the chunk size force a write before the last one.
    const parts = ["x".repeat(1 << 20), "y"];
    await assert.rejects(writeParts("/dev/full", parts), { code: "ENOSPC" });
  });

  it("rejects a temporary name that exists rather than follow it", async () => {
    const path = join(work, "taken.tmp");
    writeFileSync(path, "kept\n");
    await assert.rejects(writeParts(path, ["new"], { flags: "wx" }), { code: "EEXIST" });
    assert.equal(readFileSync(path, "utf8"), "kept\n");
  });
});

describe("infio assess when a report cannot be written", () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-write-e2e-"));
    mkdirSync(join(work, "sql"));
    // Enough findings that assessment.json passes the file size limit below.
    writeFileSync(join(work, "sql", "a.sql"), "CHECKPOINT;\nGO\n".repeat(2000));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("exits with 1, names the folder and keeps the earlier reports", async (t) => {
    if (process.platform === "win32") {
      t.skip("the file size limit (ulimit -f) needs a POSIX shell");
      return;
    }
    const out = join(work, "r");
    mkdirSync(out);
    writeFileSync(join(out, "assessment.json"), "earlier\n");

    // A 64 KiB file size limit makes writes past it fail with EFBIG, as a
    // full disk fails them with ENOSPC. Node ignores SIGXFSZ (seen with
    // Node.js 20), so the write returns the error instead of ending the process.
    const bin = join(REPO, "bin", "infio.js");
    const script = `ulimit -f 64 && exec "${process.execPath}" "${bin}" assess sql --out r --store none -q`;
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn("sh", ["-c", script], {
        cwd: work,
        env: { ...process.env, INFIO_HOME: testHome(work) },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });

    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`cannot write the reports to '${out}': EFBIG`));
    assert.match(run.stderr, /nothing was stored, so run the assessment again/);
    assert.deepEqual(readdirSync(out), ["assessment.json"], "no partial or temporary file");
    assert.equal(readFileSync(join(out, "assessment.json"), "utf8"), "earlier\n");
  });
});
