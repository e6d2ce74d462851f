/**
 * The read pages over the console's cache of loaded assessments: a read
 * assessment stays loaded, a purge from the console makes the
 * assessment 404 at once, and a finished run shows in the list and as a
 * report.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { assessmentRoutes } from "../../../src/web/routes/assessment.js";
import { assessmentListRoutes } from "../../../src/web/routes/assessments.js";
import { findingsApiRoutes, type FindingsJson } from "../../../src/web/routes/findings-api.js";
import { PURGE_ROUTES } from "../../../src/web/routes/purge.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { manyFindingsAssessment, runUploadedScript } from "./assessment-fixtures.js";

const PURGED = "cache-purged";
const KEPT = "cache-kept";

describe("assessment cache in the read pages", () => {
  let web: TestConsole;
  let viewer: ConsoleClient;
  let admin: ConsoleClient;

  before(async () => {
    web = await startTestConsole({
      routes: [assessmentRoutes, assessmentListRoutes, findingsApiRoutes, PURGE_ROUTES],
    });
    await web.services.store.saveAssessment(manyFindingsAssessment(PURGED, 30));
    await web.services.store.saveAssessment(manyFindingsAssessment(KEPT, 20));
    viewer = await web.signInAs("viewer");
    admin = await web.signInAs("admin");
  });

  after(async () => {
    await web?.close();
  });

  it("keeps a read assessment loaded", async () => {
    const report = await viewer.get(`/assessments/${KEPT}`);
    const api = await viewer.get(`/api/assessments/${KEPT}/findings?limit=200`);
    const source = await viewer.get(`/assessments/${KEPT}/source?file=procs/proc_1.sql`);

    assert.equal(report.statusCode, 200);
    assert.equal(api.statusCode, 200);
    assert.equal((api.json() as FindingsJson).total, 20);
    assert.equal(source.statusCode, 200);
    assert.ok(web.services.assessments.loadedIds().includes(KEPT));
    assert.ok(web.services.assessments.heldFindings >= 20);
  });

  it("returns 404 right after a purge", async () => {
    const before = await viewer.get(`/api/assessments/${PURGED}/findings`);
    assert.equal(before.statusCode, 200);
    assert.ok(web.services.assessments.loadedIds().includes(PURGED));

    const purge = await admin.post("/purge", { assessment: PURGED, confirmation: "purge" });
    assert.equal(purge.statusCode, 200, purge.body);

    const report = await viewer.get(`/assessments/${PURGED}`);
    const api = await viewer.get(`/api/assessments/${PURGED}/findings`);
    const source = await viewer.get(`/assessments/${PURGED}/source?file=procs/proc_1.sql`);
    assert.equal(report.statusCode, 404);
    assert.equal(api.statusCode, 404);
    assert.equal(source.statusCode, 404);
    assert.ok(!web.services.assessments.loadedIds().includes(PURGED));

    const keptReport = await viewer.get(`/assessments/${KEPT}`);
    assert.equal(keptReport.statusCode, 200);
  });

  it("shows a finished run in the list and as a report", async () => {
    const listBefore = await viewer.get("/assessments");
    assert.equal(listBefore.statusCode, 200);

    const id = await runUploadedScript(web, "cache-run.sql", "SELECT 1;\nGO\n");

    const list = await viewer.get("/assessments");
    const report = await viewer.get(`/assessments/${id}`);
    assert.ok(list.body.includes(id), "the list lacks the new run's assessment");
    assert.equal(report.statusCode, 200);
    assert.doesNotMatch(report.body, /still running/);
  });
});
