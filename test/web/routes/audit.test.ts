/**
 * The audit log pages: the authorization matrix, the entries with filters
 * and pages, reading audited, verification of an intact and of a tampered
 * log, the download, CSRF, and hostile actors and details.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { verifyAuditLog } from "../../../src/cli/audit-verify.js";
import { entryLine } from "../../../src/security/audit/entry.js";
import type { ConsoleAuditRecord } from "../../../src/web/server/audit.js";
import { AUDIT_PAGE_SIZE, AUDIT_ROUTES } from "../../../src/web/routes/audit.js";
import { inflateEntry } from "../../../src/web/uploads/inflate-entry.js";
import { readCentralDirectory } from "../../../src/web/uploads/zip-directory.js";
import { startTestConsole, type TestConsole } from "../../helpers/web-console.js";
import { matrixTests, type CaseBuilder, type RouteCase } from "./admin-matrix.js";

const HOSTILE = "<img src=x onerror=alert(1)>";
const LIMITS = {
  perAddress: { max: 100_000, windowMs: 60_000 },
  perName: { max: 100_000, windowMs: 60_000 },
  maxTracked: 10_000,
};

/** Appends an entry as console user `actor`. */
async function record(web: TestConsole, actor: string, entry: ConsoleAuditRecord): Promise<void> {
  await web.services.audit.forUser(actor).after(entry);
}

/** Returns the sequence numbers of the table's rows, in page order. */
function rowSequences(body: string): number[] {
  return [...body.matchAll(/<tr>\s*<td class="number">(\d+)<\/td>/g)].map((match) => Number(match[1]));
}

function utcDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Unpacks a zip archive into name → bytes with the upload reader's parser. */
async function unzip(archive: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of readCentralDirectory(archive, "download.zip", 10)) {
    const name = Buffer.from(entry.nameBytes).toString("utf8");
    files.set(name, Buffer.from(await inflateEntry(archive, entry, "download.zip", name)));
  }
  return files;
}

describe("audit log pages", () => {
  let web: TestConsole;

  before(async () => {
    web = await startTestConsole({ routes: [AUDIT_ROUTES], signInLimits: LIMITS });
  });

  after(async () => {
    await web?.close();
  });

  const exportCount = async () => (await web.auditEntries()).filter((e) => e.action === "audit.export").length;

  const build: CaseBuilder = async (route): Promise<RouteCase> => {
    switch (`${route.method} ${route.url}`) {
      case "GET /audit":
        return { url: "/audit", status: 200 };
      case "POST /audit/verify":
        return { url: "/audit/verify", status: 200 };
      case "GET /audit/export": {
        const exports = await exportCount();
        return { url: "/audit/export", status: 200, unchanged: async () => assert.equal(await exportCount(), exports) };
      }
      default:
        assert.fail(`no matrix case for ${route.method} ${route.url}; add one`);
    }
  };

  matrixTests("audit", () => web, build);

  it("shows entries newest first and records the read", async () => {
    const admin = await web.signInAs("admin");
    await record(web, "ada", { action: "test.first", outcome: "succeeded", objects: { assessment: "a-1" }, details: { files: 3 } });
    await record(web, "ada", { action: "test.second", outcome: "failed", details: { error: "disk full" } });
    const last = (await web.auditEntries()).at(-1)!;

    const response = await admin.get("/audit");

    assert.equal(response.statusCode, 200);
    const sequences = rowSequences(response.body);
    assert.equal(sequences[0], last.seq);
    assert.deepEqual(sequences, [...sequences].sort((a, b) => b - a));
    assert.match(response.body, /<code>test\.second<\/code><\/td>\s*<td><\/td>\s*<td>failed<\/td>\s*<td><ul class="plain"><li><span class="muted">error:<\/span> disk full<\/li><\/ul><\/td>/);
    assert.match(response.body, /<li><span class="muted">assessment:<\/span> a-1<\/li>/);
    const read = (await web.auditEntries()).at(-1)!;
    assert.equal(read.action, "audit.read");
    assert.equal(read.outcome, "succeeded");
    assert.deepEqual(read.actor, { kind: "console-user", name: "admin-user" });
    assert.equal(read.details.shown, sequences.length);
  });

  it("filters by action, actor, outcome and day", async () => {
    const admin = await web.signInAs("admin");
    await record(web, "Bea", { action: "filter.alpha", outcome: "succeeded" });
    await record(web, "cy", { action: "filter.alpha", outcome: "denied" });
    await record(web, "cy", { action: "filter.beta", outcome: "succeeded" });
    const actionsOf = async (query: string) => {
      const response = await admin.get(`/audit?${query}`);
      assert.equal(response.statusCode, 200, query);
      return [...response.body.matchAll(/<code>(filter\.\w+)<\/code>/g)].map((match) => match[1]);
    };

    assert.deepEqual(await actionsOf("action=filter.alpha"), ["filter.alpha", "filter.alpha"]);
    assert.deepEqual(await actionsOf("action=filter"), ["filter.beta", "filter.alpha", "filter.alpha"]);
    assert.deepEqual(await actionsOf("action=filter&actor=BEA"), ["filter.alpha"]);
    assert.deepEqual(await actionsOf("action=filter&outcome=denied"), ["filter.alpha"]);
    assert.equal((await actionsOf(`action=filter&from=${utcDay(0)}&to=${utcDay(0)}`)).length, 3);
    assert.deepEqual(await actionsOf(`action=filter&from=${utcDay(1)}`), []);
    assert.deepEqual(await actionsOf(`action=filter&to=${utcDay(-1)}`), []);
    const read = (await web.auditEntries()).at(-1)!;
    assert.deepEqual(read.details.filter, { action: "filter", actor: "", outcome: "", from: "", to: utcDay(-1) });
  });

  it("rejects invalid filters", async () => {
    const admin = await web.signInAs("admin");
    const cases: [string, RegExp][] = [
      ["from=2025-02-30", /Invalid date &#39;2025-02-30&#39; in &#39;from&#39;/],
      ["to=yesterday", /Invalid date &#39;yesterday&#39;/],
      ["from=2025-03-05&to=2025-03-04", /is after/],
      ["outcome=maybe", /Invalid outcome filter/],
      ["action=%3Cscript%3E", /Invalid action filter/],
      ["offset=-1", /Invalid offset/],
    ];

    for (const [query, message] of cases) {
      const response = await admin.get(`/audit?${query}`);

      assert.equal(response.statusCode, 400, query);
      assert.match(response.body, message, query);
    }
  });

  it("shows the log a page at a time", async () => {
    const admin = await web.signInAs("admin");
    const count = AUDIT_PAGE_SIZE + 5;
    for (let i = 1; i <= count; i++) {
      await record(web, "pager", { action: "paging.step", outcome: "succeeded", details: { step: i } });
    }

    const first = await admin.get("/audit?action=paging.step");
    const second = await admin.get(`/audit?action=paging.step&offset=${AUDIT_PAGE_SIZE}`);

    assert.equal(rowSequences(first.body).length, AUDIT_PAGE_SIZE);
    assert.match(first.body, /step:<\/span> 105<\/li>/);
    assert.match(first.body, new RegExp(`${count} of \\d+ entries match; showing 1–${AUDIT_PAGE_SIZE}, newest first\\.`));
    assert.match(first.body, /href="\/audit\?action=paging\.step&amp;offset=100" rel="next"/);
    assert.equal(rowSequences(second.body).length, 5);
    assert.match(second.body, /step:<\/span> 5<\/li>/);
    assert.match(second.body, /step:<\/span> 1<\/li>/);
    assert.ok(!/step:<\/span> 6<\/li>/.test(second.body));
  });

  it("verifies an intact log", async () => {
    const admin = await web.signInAs("admin");

    const response = await admin.post("/audit/verify");

    assert.equal(response.statusCode, 200);
    assert.match(response.body, /The audit log is intact: [\d,]+ entries,\s+hash chain and HMACs checked\./);
    const entry = (await web.auditEntries()).at(-1)!;
    assert.equal(entry.action, "audit.verify");
    assert.equal(entry.outcome, "succeeded");
    assert.equal(entry.details.intact, true);
    assert.equal(entry.details.hmacChecked, true);
  });

  it("downloads the log and its head as a zip that verifies", async () => {
    const admin = await web.signInAs("admin");
    const before = await readFile(web.services.audit.path!);

    const response = await admin.get("/audit/export");

    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "application/zip");
    assert.match(String(response.headers["content-disposition"]), /^attachment; filename="infio-audit-\d{8}-\d{6}\.zip"$/);
    const files = await unzip(response.rawPayload);
    assert.deepEqual([...files.keys()], ["audit.jsonl", "audit.jsonl.head"]);
    const copied = files.get("audit.jsonl")!;
    const now = await readFile(web.services.audit.path!);
    assert.ok(copied.length > before.length, "the copy includes the export's first entry");
    assert.ok(now.subarray(0, copied.length).equals(copied), "the copy is a prefix of the log");

    const folder = await mkdtemp(join(tmpdir(), "infio-audit-download-"));
    try {
      await writeFile(join(folder, "audit.jsonl"), copied);
      await writeFile(join(folder, "audit.jsonl.head"), files.get("audit.jsonl.head")!);
      const checked = await verifyAuditLog(join(folder, "audit.jsonl"), process.platform);
      assert.equal(checked.verification.ok, true, JSON.stringify(checked.verification));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }

    const entries = (await web.auditEntries()).filter((e) => e.action === "audit.export").slice(-2);
    assert.deepEqual(entries.map((e) => e.outcome), ["started", "succeeded"]);
    assert.equal(entries[1]!.details.intact, true);
    assert.equal(entries[1]!.details.entries, copied.toString("utf8").trim().split("\n").length);
  });

  it("rejects verification without the CSRF token", async () => {
    const admin = await web.signInAs("admin");
    const verifications = (await web.auditEntries()).filter((e) => e.action === "audit.verify").length;

    const response = await admin.post("/audit/verify", {}, { csrf: false });

    assert.equal(response.statusCode, 403);
    assert.equal((await web.auditEntries()).filter((e) => e.action === "audit.verify").length, verifications);
  });

  it("shows hostile actors, objects and details as text", async () => {
    const admin = await web.signInAs("admin");
    await record(web, HOSTILE, { action: "test.hostile", outcome: "succeeded", objects: { user: HOSTILE }, details: { note: HOSTILE, list: [HOSTILE] } });

    const response = await admin.get(`/audit?action=test.hostile&actor=${encodeURIComponent(HOSTILE)}`);

    assert.equal(response.statusCode, 200);
    assert.equal(rowSequences(response.body).length, 1);
    assert.ok(!response.body.includes("<img"), "the page contains markup from an entry");
    assert.equal(response.body.split("&lt;img src=x onerror=alert(1)&gt;").length - 1, 5, "actor, object, two details and the filter field");
  });

  // These run last, because they leave the log damaged.
  describe("tampered", () => {
    /** Rewrites the log with `change` applied to its lines, and returns the original text. */
    async function tamper(change: (lines: string[]) => string[]): Promise<string> {
      const path = web.services.audit.path!;
      const original = await readFile(path, "utf8");
      const lines = original.split("\n").slice(0, -1);
      await writeFile(path, `${change(lines).join("\n")}\n`);
      return original;
    }

    it("reports the edited entry with its sequence number", async () => {
      const admin = await web.signInAs("admin");
      for (let i = 0; i < 4; i++) {
        await record(web, "ed", { action: "test.entry", outcome: "succeeded", details: { index: i } });
      }
      const target = (await web.auditEntries()).find((e) => e.action === "test.entry" && e.details.index === 1)!;
      const original = await tamper((lines) =>
        lines.map((line) => (line.includes(`"hash":"${target.hash}"`) ? line.replace('"index":1', '"index":7') : line)),
      );

      const response = await admin.post("/audit/verify");

      assert.equal(response.statusCode, 200);
      assert.match(response.body, new RegExp(`The audit log was altered: entry ${target.seq} was edited\\.`));
      assert.match(response.body, new RegExp(`Sequence number ${target.seq} \\(line ${target.seq} of the file\\)\\.\\s+line ${target.seq}: entry ${target.seq} was edited`));
      const entry = (await web.auditEntries()).at(-1)!;
      assert.equal(entry.action, "audit.verify");
      assert.equal(entry.details.intact, false);
      assert.equal(entry.details.problem, "edited");
      assert.equal(entry.details.seq, target.seq);
      // Restores the log, with the verification's entry, which the tampered log took.
      await writeFile(web.services.audit.path!, original + entryLine(entry));
    });

    it("reports a deleted entry with its sequence number", async () => {
      const admin = await web.signInAs("admin");
      const entries = await web.auditEntries();
      const target = entries.find((e) => e.action === "test.entry" && e.details.index === 2)!;
      await tamper((lines) => lines.filter((line) => !line.includes(`"hash":"${target.hash}"`)));

      const response = await admin.post("/audit/verify");

      assert.match(response.body, new RegExp(`The audit log was altered: entry ${target.seq} was deleted or moved\\.`));
      assert.match(response.body, new RegExp(`Sequence number ${target.seq}`));
    });

    it("shows no entries while the log rejects new ones, but still verifies", async () => {
      const admin = await web.signInAs("admin");
      await tamper((lines) => [...lines.slice(0, -1), lines.at(-1)!.replace('"outcome":"succeeded"', '"outcome":"failed"')]);
      const last = (await web.auditEntries()).at(-1)!;

      const page = await admin.get("/audit");
      const verified = await admin.post("/audit/verify");

      assert.equal(page.statusCode, 503);
      assert.match(page.body, /The audit log cannot record this read, so its entries are not shown/);
      assert.equal(rowSequences(page.body).length, 0);
      assert.ok(web.logs.some((line) => line.startsWith("error cannot record that 'admin-user' read the audit log")));
      assert.equal(verified.statusCode, 200);
      assert.match(verified.body, /The audit log was altered/);
      assert.match(verified.body, /This verification could not be recorded in the audit log/);
      assert.equal((await web.auditEntries()).at(-1)!.seq, last.seq, "nothing was appended");
    });
  });
});
