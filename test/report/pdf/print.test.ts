import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { buildApplicationReport } from "../../../src/report/application/aggregate.js";
import { renderApplicationHtml } from "../../../src/report/application/html.js";
import { buildCompanyReport } from "../../../src/report/company/aggregate.js";
import { renderCompanyHtml } from "../../../src/report/company/html.js";
import { findChromium, PdfError, renderPdf } from "../../../src/report/pdf/index.js";
import { browserTestsSkipped } from "../../helpers/browser.js";
import { sampleApplication } from "../application/sample-application.js";
import { sampleCompany } from "../company/sample-company.js";

const work = mkdtempSync(join(tmpdir(), "infio-pdf-test-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs a poppler-utils tool on a PDF and returns its output. */
function poppler(tool: "pdfinfo" | "pdftotext", args: readonly string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (error) {
    throw new Error(
      `${tool} failed (${(error as Error).message}); install poppler-utils ` +
        `(apt-get install poppler-utils) to run the PDF tests`,
    );
  }
}

interface PdfFacts {
  readonly pages: number;
  readonly pageSize: string;
  readonly firstPage: string;
  readonly secondPage: string;
}

function factsOf(pdf: Buffer, name: string): PdfFacts {
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, pdf);
  const info = poppler("pdfinfo", [path]);
  const text = (page: number) =>
    poppler("pdftotext", ["-f", String(page), "-l", String(page), path, "-"]);

  return {
    pages: Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]),
    pageSize: /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? "",
    firstPage: text(1),
    secondPage: text(2),
  };
}

/** Writes an executable shell script standing in for Chromium. */
function fakeChromium(name: string, body: string): string {
  const path = join(work, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Makes a directory for renderPdf's temporary directory, to check that it is removed. */
function freshTempRoot(): string {
  return mkdtempSync(join(work, "root-"));
}

describe("renderPdf with Chromium", { skip: browserTestsSkipped() }, () => {
  it("prints the application report", async () => {
    const html = renderApplicationHtml(buildApplicationReport(sampleApplication()));
    const facts = factsOf(await renderPdf(html), "application");

    // The figures are those of the aggregation tests; the page count
    // follows from the title page break and the Debian fonts.
    assert.equal(facts.pages, 4);
    assert.match(facts.pageSize, /\(A4\)/);
    assert.match(facts.firstPage, /^Cold chain$/m);
    assert.match(facts.firstPage, /Application report for Kestrel Logistics, migration to babelfish@5\.5/);
    assert.match(facts.firstPage, /45\.5% supported, 18\.2% conditionally supported, 36\.4% not supported/);
    assert.match(facts.firstPage, /26\.35–60\.5 h/);
    assert.doesNotMatch(facts.firstPage, /Questionnaire/);
    assert.match(facts.secondPage, /^Questionnaire$/m);
  });

  it("prints the company report", async () => {
    const html = renderCompanyHtml(buildCompanyReport(sampleCompany()));
    const facts = factsOf(await renderPdf(html), "company");

    assert.equal(facts.pages, 3);
    assert.match(facts.firstPage, /^Kestrel Logistics$/m);
    assert.match(facts.firstPage, /Suggested migration waves/);
    assert.match(facts.firstPage, /Wave 1: Ledger\./);
    assert.match(facts.firstPage, /Not assessed: Intranet\./);
    assert.doesNotMatch(facts.firstPage, /Applications side by side/);
    assert.match(facts.secondPage, /Applications side by side/);
  });

  it("removes its temporary directory", async () => {
    const root = freshTempRoot();
    await renderPdf("<!DOCTYPE html><title>t</title><p>one page</p>", { tempDir: root });
    assert.deepEqual(readdirSync(root), []);
  });
});

describe("renderPdf", () => {
  it("passes the print flags and a private page", async () => {
    const record = join(work, "args.txt");
    const chromium = fakeChromium(
      "record-args",
      `printf '%s\\n' "$@" > '${record}'\n` +
        `for a; do last=$a; done\n` +
        `stat -c 'mode %a' "\${last#file://}" >> '${record}'\n` +
        `exit 3`,
    );

    await assert.rejects(renderPdf("<p>x</p>", { chromium, tempDir: freshTempRoot() }), PdfError);
    const lines = readFileSync(record, "utf8").split("\n");
    for (const flag of [
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
      "--disable-extensions",
      "--no-pdf-header-footer",
    ]) {
      assert.ok(lines.includes(flag), `missing ${flag}`);
    }
    assert.ok(lines.some((l) => l.startsWith("--user-data-dir=")));
    assert.ok(lines.some((l) => l.startsWith("--print-to-pdf=")));
    assert.equal(lines.includes("--no-sandbox"), process.getuid?.() === 0);
    assert.ok(lines.some((l) => /^file:\/\/.*\/report\.html$/.test(l)));
    assert.ok(lines.includes("mode 600"));
  });

  it("shows Chromium's output on failure", async () => {
    const root = freshTempRoot();
    const chromium = fakeChromium("fails", `echo "cannot open display" >&2\nexit 1`);

    await assert.rejects(renderPdf("<p>x</p>", { chromium, tempDir: root }), (error: Error) => {
      assert.ok(error instanceof PdfError);
      assert.match(error.message, /failed with code 1/);
      assert.match(error.message, /cannot open display/);
      return true;
    });
    assert.deepEqual(readdirSync(root), []);
  });

  it("rejects an exit without a PDF", async () => {
    const chromium = fakeChromium("silent", "exit 0");
    await assert.rejects(
      renderPdf("<p>x</p>", { chromium, tempDir: freshTempRoot() }),
      /exited without writing the PDF/,
    );
  });

  it("kills Chromium on timeout", async () => {
    const root = freshTempRoot();
    const chromium = fakeChromium("hangs", "echo starting >&2\nexec sleep 60");

    await assert.rejects(
      renderPdf("<p>x</p>", { chromium, tempDir: root, timeoutMs: 200 }),
      /timed out after 200 ms .*; its output was:\nstarting/s,
    );
    assert.deepEqual(readdirSync(root), []);
  });
});

describe("findChromium", () => {
  it("prefers the option over the environment", () => {
    const chromium = fakeChromium("preferred", "exit 0");
    assert.equal(
      findChromium({ executable: chromium, env: { INFIO_CHROMIUM: "/nowhere", PATH: "" } }),
      chromium,
    );
  });

  it("reads INFIO_CHROMIUM", () => {
    const chromium = fakeChromium("from-env", "exit 0");
    assert.equal(findChromium({ env: { INFIO_CHROMIUM: chromium, PATH: "" } }), chromium);
  });

  it("searches PATH in name order", () => {
    const dir = mkdtempSync(join(work, "bin-"));
    for (const name of ["google-chrome", "chromium-browser"]) {
      writeFileSync(join(dir, name), "#!/bin/sh\n");
      chmodSync(join(dir, name), 0o755);
    }
    assert.equal(findChromium({ env: { PATH: dir } }), join(dir, "chromium-browser"));
  });

  it("explains a missing Chromium", () => {
    assert.throws(
      () => findChromium({ env: { PATH: work } }),
      /none of chromium, chromium-browser, google-chrome was found on PATH; install Chromium \(Debian: apt-get install chromium\)/,
    );
  });

  it("rejects a path that is not executable", () => {
    const path = join(work, "not-executable");
    writeFileSync(path, "");
    assert.throws(
      () => findChromium({ env: { INFIO_CHROMIUM: path, PATH: "" } }),
      /INFIO_CHROMIUM names '.*not-executable', which is not an executable file/,
    );
  });
});
