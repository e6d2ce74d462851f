/**
 * The purge pages: the authorization matrix, the listing with sizes, dates
 * and the retention setting, the confirmation, purges that really remove
 * the store rows and the data key files, running jobs kept, CSRF, and
 * hostile values.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { parseTarget } from "../../../src/catalog/targets.js";
import { StoreKeys } from "../../../src/store/store-keys.js";
import { formatByteSize } from "../../../src/util/byte-size.js";
import { CSRF_FIELD } from "../../../src/web/auth/csrf.js";
import type { JobSource } from "../../../src/web/jobs/index.js";
import { PURGE_ROUTES } from "../../../src/web/routes/purge.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { sampleAssessment } from "../../store/sample-assessment.js";
import { matrixTests, type CaseBuilder, type RouteCase } from "./admin-matrix.js";

const HOSTILE = "<img src=x onerror=alert(1)>";
const LIMITS = {
  perAddress: { max: 100_000, windowMs: 60_000 },
  perName: { max: 100_000, windowMs: 60_000 },
  maxTracked: 10_000,
};

/** Returns a job source that never opens, so that its job stays running until cancelled. */
function stuckSource(): JobSource {
  return {
    kind: "upload",
    label: "stuck.sql",
    open: (signal) =>
      new Promise((_, reject) => {
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      }),
  };
}

/** POSTs a form whose fields may repeat, as a browser sends ticked boxes. */
async function postFields(web: TestConsole, client: ConsoleClient, fields: [string, string][]) {
  const body = new URLSearchParams([...fields, [CSRF_FIELD, client.csrfToken!]]).toString();
  return web.app.inject({
    method: "POST",
    url: "/purge",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    cookies: Object.fromEntries(client.cookies),
    payload: body,
  });
}

describe("purge pages", () => {
  let web: TestConsole;
  let counter = 0;

  before(async () => {
    web = await startTestConsole({ routes: [PURGE_ROUTES], signInLimits: LIMITS });
  });

  after(async () => {
    await web?.close();
  });

  const keyFile = (id: string) => join(web.dataDir, "keys", `${id}.json`);
  const stored = async (id: string) => (await web.services.store.listAssessments()).some((a) => a.id === id);
  const seed = async (startedAt?: string) => {
    const id = `20250304-050607-${String(++counter).padStart(6, "0")}`;
    await web.services.store.saveAssessment(sampleAssessment(id, startedAt));
    assert.ok(existsSync(keyFile(id)), `the data key of ${id} exists`);
    return id;
  };
  const assertKept = async (id: string) => {
    assert.ok(await stored(id), `${id} is still stored`);
    assert.ok(existsSync(keyFile(id)), `the data key of ${id} still exists`);
  };
  const assertPurged = async (id: string) => {
    assert.ok(!(await stored(id)), `${id} is gone from the store`);
    assert.equal(await web.services.store.getAssessment(id), undefined, `${id} cannot be read`);
    assert.ok(!existsSync(keyFile(id)), `the data key file of ${id} is gone`);
  };

  const build: CaseBuilder = async (route): Promise<RouteCase> => {
    switch (`${route.method} ${route.url}`) {
      case "GET /purge":
        return { url: "/purge", status: 200 };
      case "POST /purge": {
        const id = await seed();
        return { url: "/purge", form: { assessment: id, confirmation: "purge" }, status: 200, unchanged: () => assertKept(id) };
      }
      default:
        assert.fail(`no matrix case for ${route.method} ${route.url}; add one`);
    }
  };

  matrixTests("purge", () => web, build);

  it("lists assessments with dates, sizes and the retention setting", async () => {
    const admin = await web.signInAs("admin");
    const id = await seed();
    const config = join(web.dataDir, "config.json");
    await writeFile(config, JSON.stringify({ retention: "30d" }));

    let response;
    try {
      response = await admin.get("/purge");
    } finally {
      await rm(config);
    }

    assert.equal(response.statusCode, 200);
    assert.match(response.body, new RegExp(`<input type="checkbox" name="assessment" value="${id}" aria-label="Purge ${id}">`));
    assert.match(response.body, new RegExp(`<code>${id}</code></td>\\s*<td>complete</td>\\s*<td>2025-03-04 05:06:07</td>`));
    assert.match(response.body, /<td class="number">2<\/td>\s*<td class="number">1,234<\/td>/);
    assert.ok(response.body.includes(`<td class="number">${formatByteSize(56789)}</td>`));
    assert.match(response.body, /Retention period: <strong>30d<\/strong>/);
    assert.ok(!response.body.includes("<img"), "a hostile source name became markup");
    assert.ok(response.body.includes("/data/scripts, &lt;img src=x onerror=alert(1)&gt; and "));
    const entry = (await web.auditEntries()).at(-1)!;
    assert.equal(entry.action, "assessment.list");
    assert.equal(entry.details.page, "purge");
  });

  it("previews what matches until the word is typed", async () => {
    const admin = await web.signInAs("admin");
    const id = await seed();

    const preview = await admin.post("/purge", { assessment: id });
    const wrong = await admin.post("/purge", { assessment: id, confirmation: "yes" });

    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<h1>Confirm the purge<\/h1>/);
    assert.match(preview.body, new RegExp(`1 assessment\\(s\\) match assessment ${id}\\. Nothing was purged yet\\.`));
    assert.ok(preview.body.includes(`<input type="hidden" name="assessment" value="${id}">`));
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Type purge to confirm; nothing was purged\./);
    await assertKept(id);
  });

  it("purges one assessment and destroys its data key", async () => {
    const admin = await web.signInAs("admin");
    const id = await seed();
    const other = await seed();

    const response = await admin.post("/purge", { assessment: id, confirmation: " Purge " });

    assert.equal(response.statusCode, 200);
    assert.match(response.body, new RegExp(`Purged 1 assessment\\(s\\) matching assessment ${id}`));
    assert.ok(response.body.includes(`<li><code>${id}</code></li>`));
    await assertPurged(id);
    await assertKept(other);
    const entries = (await web.auditEntries()).slice(-3);
    assert.deepEqual(
      entries.map((e) => `${e.action} ${e.outcome}`),
      ["purge.run started", "assessment.purge succeeded", "purge.run succeeded"],
    );
    assert.ok(entries.every((e) => e.actor.kind === "console-user" && e.actor.name === "admin-user"));
    assert.deepEqual(entries[0]!.details.assessments, [id]);
    assert.equal(entries[1]!.objects.assessment, id);
    assert.equal(entries[1]!.details.dataKey, "destroyed");
    assert.equal(entries[1]!.details.store, "deleted");
    assert.equal(entries[2]!.details.purged, 1);
  });

  it("purges several ticked assessments", async () => {
    const admin = await web.signInAs("admin");
    const first = await seed();
    const second = await seed();

    const response = await postFields(web, admin, [
      ["assessment", first],
      ["assessment", second],
      ["confirmation", "purge"],
    ]);

    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Purged 2 assessment\(s\) matching the 2 ticked assessments/);
    await assertPurged(first);
    await assertPurged(second);
  });

  it("purges by age", async () => {
    const admin = await web.signInAs("admin");
    const old = await seed("2020-01-01T00:00:00.000Z");
    const recent = await seed(new Date().toISOString());

    const response = await admin.post("/purge", { olderThan: "30d", confirmation: "purge" });

    assert.equal(response.statusCode, 200);
    assert.match(response.body, /matching assessments that started more than 30d ago/);
    await assertPurged(old);
    await assertKept(recent);
  });

  it("keeps a running job when purging everything", async () => {
    const admin = await web.signInAs("admin");
    const stored1 = await seed();
    const target = parseTarget("babelfish");
    assert.ok(target.ok);
    const job = web.services.runner.submit({ owner: "admin-user", source: stuckSource(), target: target.target });
    const running = web.services.runner.get(job.id)!;
    assert.equal(running.state, "running");
    const runningId = running.assessmentId!;
    // The data key a run creates before the store lists its assessment.
    const keys = new StoreKeys(web.dataDir);
    await keys.create(runningId);
    keys.close();

    try {
      const response = await admin.post("/purge", { all: "yes", confirmation: "purge" });

      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Still running, so kept; purge them once they have finished:<\/p><ul><li><code>[^<]+<\/code><\/li><\/ul>/);
      assert.ok(response.body.includes(`<code>${runningId}</code>`));
      await assertPurged(stored1);
      assert.ok(existsSync(keyFile(runningId)), "the running job's data key is kept");
      assert.deepEqual((await web.services.store.listAssessments()).map((a) => a.id), []);
      const started = (await web.auditEntries()).filter((e) => e.action === "purge.run" && e.outcome === "started").at(-1)!;
      assert.deepEqual(started.details.keptRunning, [runningId]);

      const named = await admin.post("/purge", { assessment: runningId, confirmation: "purge" });
      assert.equal(named.statusCode, 200);
      assert.match(named.body, /Nothing matches assessment .*; nothing was purged\./);
      assert.ok(existsSync(keyFile(runningId)), "the running job's data key is kept when named");
    } finally {
      web.services.runner.cancel(job.id);
    }
  });

  it("rejects invalid selections without purging", async () => {
    const admin = await web.signInAs("admin");
    const id = await seed();
    const cases: [Record<string, string>, RegExp][] = [
      [{ confirmation: "purge" }, /Nothing to purge: tick assessments/],
      [{ assessment: "not-stored", confirmation: "purge" }, /Assessment &#39;not-stored&#39; not found/],
      [{ olderThan: "5x", confirmation: "purge" }, /Invalid retention period &#39;5x&#39;/],
      [{ olderThan: "30d", all: "yes", confirmation: "purge" }, /Choose one way to select what to purge; the request gave an age and all\./],
      [{ all: "true", confirmation: "purge" }, /Invalid value &#39;true&#39; of &#39;all&#39;/],
      [{ assessment: HOSTILE, confirmation: "purge" }, /Assessment &#39;&lt;img src=x onerror=alert\(1\)&gt;&#39; not found/],
    ];

    for (const [form, message] of cases) {
      const response = await admin.post("/purge", form);

      const label = JSON.stringify(form);
      assert.equal(response.statusCode, 422, label);
      assert.match(response.body, message, label);
      assert.ok(!response.body.includes("<img"), `${label}: markup from the request`);
    }
    await assertKept(id);
  });

  it("rejects a purge without the CSRF token", async () => {
    const admin = await web.signInAs("admin");
    const id = await seed();

    const response = await admin.post("/purge", { all: "yes", confirmation: "purge" }, { csrf: false });

    assert.equal(response.statusCode, 403);
    await assertKept(id);
  });
});
