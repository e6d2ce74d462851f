import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { buildApplicationReport } from "../../../src/report/application/aggregate.js";
import type { ApplicationReport, DatabaseRollup } from "../../../src/report/application/model.js";
import {
  LIVE_SERVER,
  MISSING_SERVER,
  SCRIPT_SERVER,
  liveAssessment,
  sampleApplication,
} from "./sample-application.js";

function report(): ApplicationReport {
  return buildApplicationReport(sampleApplication());
}

function database(r: ApplicationReport, server: string, name: string): DatabaseRollup {
  const s = r.servers.find((x) => x.name === server);
  assert.ok(s, `server ${server} is missing`);
  const d = s.databases.find((x) => x.name === name);
  assert.ok(d, `database ${name} of ${server} is missing`);
  return d;
}

describe("buildApplicationReport", () => {
  it("orders servers production first", () => {
    const r = report();
    assert.deepEqual(
      r.servers.map((s) => s.name),
      [MISSING_SERVER, LIVE_SERVER, SCRIPT_SERVER],
    );
    assert.deepEqual(r.serversByEnvironment, { production: 2, nonProduction: 1 });
  });

  it("keeps an unassessed server with its problem", () => {
    const missing = report().servers.find((s) => s.name === MISSING_SERVER)!;
    assert.equal(missing.assessed, false);
    assert.equal(missing.problem, "The server refused the connection.");
    assert.equal(missing.figures, undefined);
    assert.deepEqual(missing.databases, []);
  });

  it("splits live units by database, dots included", () => {
    const live = report().servers.find((s) => s.name === LIVE_SERVER)!;
    assert.deepEqual(
      live.databases.map((d) => d.name),
      ["(SQL Agent)", "Ops.EU", "Sales"],
    );
  });

  it("counts one database for a script folder", () => {
    const scripts = report().servers.find((s) => s.name === SCRIPT_SERVER)!;
    assert.deepEqual(
      scripts.databases.map((d) => d.name),
      [SCRIPT_SERVER],
    );
    assert.equal(report().databases, 4);
  });

  it("counts lines, units and findings per database", () => {
    const r = report();
    const sales = database(r, LIVE_SERVER, "Sales");
    assert.equal(sales.lines, 62);
    assert.equal(sales.units, 3);
    assert.equal(sales.findingsByStatus.notSupported, 3);
    assert.equal(sales.findingsByStatus.reviewSemantics, 1);
    assert.equal(sales.findingsByStatus.reviewManually, 1);
    assert.equal(sales.findingsByStatus.supported, 1);
    assert.equal(sales.findingsByStatus.unknown, 0);

    const ops = database(r, LIVE_SERVER, "Ops.EU");
    assert.equal(ops.lines, 28);
    assert.equal(ops.findingsByStatus.reviewPerformance, 1);
    assert.equal(ops.findingsByStatus.unknown, 1);

    const scripts = database(r, SCRIPT_SERVER, SCRIPT_SERVER);
    assert.equal(scripts.lines, 71);
    assert.equal(scripts.findingsByStatus.reviewManually, 3);
  });

  it("takes each object's worst finding", () => {
    const r = report();
    const sales = database(r, LIVE_SERVER, "Sales");
    assert.deepEqual(sales.compatibility.schema, {
      objects: 1,
      supported: 0,
      conditionallySupported: 0,
      notSupported: 1,
      unknown: 0,
    });
    assert.deepEqual(sales.compatibility.code, {
      objects: 2,
      supported: 1,
      conditionallySupported: 0,
      notSupported: 1,
      unknown: 0,
    });
  });

  it("counts unknown as not supported, apart", () => {
    const ops = database(report(), LIVE_SERVER, "Ops.EU");
    assert.deepEqual(ops.compatibility.schema, {
      objects: 1,
      supported: 0,
      conditionallySupported: 0,
      notSupported: 1,
      unknown: 1,
    });
    assert.equal(ops.compatibility.code.conditionallySupported, 1);
  });

  it("counts code outside objects per file", () => {
    const r = report();
    const agent = database(r, LIVE_SERVER, "(SQL Agent)");
    assert.deepEqual(agent.objectsByType, { batch: 1 });
    assert.equal(agent.compatibility.code.supported, 1);

    // procs/ship.sql has a batch-level review finding, deploy.sql has
    // no object and no finding: two batches, one of each category.
    const scripts = database(r, SCRIPT_SERVER, SCRIPT_SERVER);
    assert.deepEqual(scripts.objectsByType, { batch: 2, procedure: 1, table: 2 });
    assert.deepEqual(scripts.compatibility.code, {
      objects: 3,
      supported: 1,
      conditionallySupported: 1,
      notSupported: 1,
      unknown: 0,
    });
    assert.equal(scripts.compatibility.schema.supported, 2);
  });

  it("totals the application exactly", () => {
    const r = report();
    assert.equal(r.figures.lines, 166);
    assert.equal(r.figures.units, 9);
    assert.equal(r.figures.objects, 11);
    assert.deepEqual(r.figures.compatibility.all, {
      objects: 11,
      supported: 5,
      conditionallySupported: 2,
      notSupported: 4,
      unknown: 1,
    });
    assert.deepEqual(r.figures.compatibility.shares.all, {
      supported: 45.5,
      conditionallySupported: 18.2,
      notSupported: 36.4,
      unknown: 9.1,
    });
    assert.deepEqual(r.figures.compatibility.shares.schema, {
      supported: 50,
      conditionallySupported: 0,
      notSupported: 50,
      unknown: 25,
    });
    assert.deepEqual(r.figures.compatibility.shares.code, {
      supported: 42.9,
      conditionallySupported: 28.6,
      notSupported: 28.6,
      unknown: 0,
    });
  });

  it("lists blockers with objects and servers", () => {
    const blockers = report().blockers;
    assert.equal(blockers.length, 2);
    assert.deepEqual(blockers[0], {
      featureId: "cursor.option.scroll",
      title: "Title of cursor.option.scroll",
      occurrences: 5,
      objects: 2,
      inCode: true,
      servers: [LIVE_SERVER, SCRIPT_SERVER],
    });
    assert.deepEqual(blockers[1], {
      featureId: "ddl.table.filestream",
      title: "Title of ddl.table.filestream",
      occurrences: 1,
      objects: 1,
      inCode: false,
      servers: [LIVE_SERVER],
    });
  });

  it("charges learning once across servers", () => {
    const effort = report().effort;
    const scroll = effort.byFeature.find((f) => f.featureId === "cursor.option.scroll")!;
    assert.deepEqual(scroll.learning, { low: 4, high: 8 });
    assert.deepEqual(scroll.repeat, { low: 1.25, high: 5 });
    assert.deepEqual(scroll.total, { low: 5.25, high: 13 });
    assert.equal(scroll.occurrences, 5);
  });

  it("charges one feature cost per feature", () => {
    const rows = report().effort.byFeature.filter(
      (f) => f.featureId === "builtin.function.hashbytes",
    );
    const md5 = rows.find((f) => f.detail === "md5")!;
    const sha1 = rows.find((f) => f.detail === "sha1")!;
    assert.deepEqual(md5.learning, { low: 2, high: 4 });
    assert.deepEqual(md5.repeat, { low: 0.5, high: 2 });
    assert.deepEqual(sha1.learning, { low: 0.5, high: 1 });
    assert.deepEqual(sha1.repeat, { low: 0.5, high: 2 });
  });

  it("totals the effort exactly", () => {
    const effort = report().effort;
    assert.equal(effort.byFeature.length, 8);
    assert.deepEqual(effort.learning, { low: 22.5, high: 45 });
    assert.deepEqual(effort.repeat, { low: 3.85, high: 15.5 });
    assert.deepEqual(effort.total, { low: 26.35, high: 60.5 });
    assert.deepEqual(effort.serversWithoutBreakdown, []);
  });

  it("keeps each server's own estimate", () => {
    const live = report().servers.find((s) => s.name === LIVE_SERVER)!;
    assert.deepEqual(live.effort, { low: 23.3, high: 51.25 });
  });

  it("adds a server without breakdown whole", () => {
    const old = { ...liveAssessment() };
    delete (old as { effort?: unknown }).effort;
    const r = buildApplicationReport(
      sampleApplication({
        servers: [
          { name: LIVE_SERVER, environment: "production", source: "live", assessment: old },
        ],
      }),
    );
    assert.deepEqual(r.effort.total, { low: 23.3, high: 51.25 });
    assert.deepEqual(r.effort.byFeature, []);
    assert.deepEqual(r.effort.serversWithoutBreakdown, [LIVE_SERVER]);
    assert.ok(r.warnings.some((w) => w.includes("no effort breakdown")));
  });

  it("warns about other targets and gaps", () => {
    const r = buildApplicationReport(sampleApplication({ target: "postgresql@17" }));
    assert.ok(r.warnings.some((w) => w.includes(`${MISSING_SERVER} is not assessed`)));
    assert.ok(r.warnings.some((w) => w.includes(`${LIVE_SERVER} was assessed for babelfish@5.5`)));
  });

  it("treats a newer status as unknown", () => {
    const a = liveAssessment();
    const newer = {
      ...a,
      findings: [
        ...a.findings,
        { ...a.findings[5]!, status: "reviewLicensing" as never },
      ],
    };
    const r = buildApplicationReport(
      sampleApplication({
        servers: [{ name: LIVE_SERVER, environment: "production", source: "live", assessment: newer }],
      }),
    );
    const sales = database(r, LIVE_SERVER, "Sales");
    assert.equal(sales.compatibility.code.unknown, 1);
    assert.equal(sales.compatibility.code.supported, 0);
    assert.equal(Object.keys(sales.findingsByStatus).length, 7);
  });

  it("reads the questionnaire answers", () => {
    const r = report();
    assert.equal(r.thirdPartyProduct, "no");
    assert.equal(r.codeMayBeChanged, "yes");
    const blank = buildApplicationReport(sampleApplication({ questionnaire: [] }));
    assert.equal(blank.codeMayBeChanged, "unknown");
  });
});
