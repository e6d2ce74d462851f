/**
 * `infio app report` and `infio app companies report` end to end. The
 * application "Cold Chain" has two servers, the Kestrel fixture SQL Server
 * (over TLS, through the real connector) and the Kestrel script folder;
 * `assess --app` assesses both, and the reports' figures are checked
 * against the two stored assessments, computed in the test. The company
 * adds an application with one small script folder and one never assessed.
 * The PDFs are printed by Debian's Chromium and read back with pdfinfo and
 * pdftotext.
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { Assessment } from "../../../../src/assessment/model.js";
import { applicationModel } from "../../../../src/store/applications-store.js";
import { openStore } from "../../../../src/store/open-store.js";
import { browserTestsSkipped } from "../../../helpers/browser.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import type { RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { REPO } from "../../../cli/run-infio.js";
import { expectedFigures, share, type AssessedServer } from "./app-report-figures.js";
import { connectionArgs, LiveWorkspace, startServer } from "./live-harness.js";

interface ReportJson {
  [key: string]: unknown;
}

/** Reads the servers of an application with the assessment each server's newest link names. */
async function assessedServers(home: string, name: string): Promise<{ name: string; source: "live" | "scripts"; id: string }[]> {
  const opened = await openStore("embedded", { dataDir: home });
  if (!opened.ok) {
    throw opened.error;
  }
  try {
    const model = applicationModel(opened.store);
    const application = await model.applications.find(name);
    assert.ok(application, `application ${name} is not in the store`);
    const links = await model.applications.assessments(application.key);
    return (await model.servers.list(application.key)).map((server) => {
      const link = links.find((l) => l.serverKey === server.key && l.status === "complete");
      assert.ok(link, `server ${server.name} has no complete assessment`);
      return { name: server.name, source: server.source.kind, id: link.assessmentId };
    });
  } finally {
    await opened.store.close();
  }
}

/** Runs a poppler-utils tool and returns its output. */
function poppler(tool: "pdfinfo" | "pdftotext", args: readonly string[]): string {
  return execFileSync(tool, args, { encoding: "utf8" });
}

function pageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(poppler("pdfinfo", [pdf]))?.[1]);
}

function pageText(pdf: string, page: number): string {
  return poppler("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]);
}

function readJson(path: string): ReportJson {
  return JSON.parse(readFileSync(path, "utf8")) as ReportJson;
}

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

describe("infio app report, end to end", { concurrency: false }, () => {
  const workspace = new LiveWorkspace();
  const scripts = join(REPO, "examples", "kestrel-cold-chain");
  const dockScripts = join(workspace.root, "dock-sql");
  const appReport = join(workspace.root, "application-report");
  const companyReport = join(workspace.root, "company-report");
  let server: RunningFixtureServer;
  let servers: AssessedServer[] = [];

  before(async () => {
    server = await startServer(kestrelServer());
    await workspace.prepare(server.certificates.ca);
    mkdirSync(dockScripts);
    writeFileSync(
      join(dockScripts, "bays.sql"),
      "CREATE TABLE dbo.Bays (BayId int NOT NULL PRIMARY KEY, Name nvarchar(50) NOT NULL);\nGO\n" +
        "CREATE PROCEDURE dbo.ListBays AS\nBEGIN\n  SELECT BayId, Name FROM dbo.Bays ORDER BY Name;\nEND;\nGO\n",
    );
  });
  after(async () => {
    await server?.close();
    workspace.remove();
  });

  it("sets up and assesses a company's applications", async () => {
    const steps = [
      ["app", "companies", "add", "Kestrel Logistics"],
      ["app", "applications", "add", "Cold Chain", "--company", "Kestrel Logistics"],
      [
        "app", "servers", "add", "Cold Chain", "sql01", "--production",
        ...connectionArgs(server, workspace),
        "--exclude-database", "Archive", "--exclude-database", "KestrelReporting",
        "--exclude-database", "KestrelColdChain_Drill",
      ],
      ["app", "servers", "add", "Cold Chain", "repository", "--non-production", "--scripts", scripts],
      ["app", "questionnaire", "set", "Cold Chain", "--third-party", "no", "--code-changeable", "yes"],
      ["app", "applications", "add", "Dock", "--company", "Kestrel Logistics"],
      ["app", "servers", "add", "Dock", "dock-repo", "--production", "--scripts", dockScripts],
      ["app", "applications", "add", "Intranet", "--company", "Kestrel Logistics"],
      ["app", "servers", "add", "Intranet", "intranet-repo", "--production", "--scripts", dockScripts],
      ["assess", "--app", "Cold Chain", "--out", join(workspace.root, "assessed"), "--jobs", "2"],
      ["assess", "--app", "Dock", "--out", join(workspace.root, "assessed-dock"), "--jobs", "2"],
    ];
    for (const args of steps) {
      const run = await workspace.infio(args);
      assert.equal(run.code, 0, `${args.join(" ")}\n${run.stderr}`);
    }

    const stored = await assessedServers(workspace.home, "Cold Chain");
    servers = [];
    for (const s of stored) {
      servers.push({ name: s.name, source: s.source, assessment: await workspace.assessment(s.id) });
    }
    assert.deepEqual(servers.map((s) => s.source).sort(), ["live", "scripts"]);
  });

  it("writes the application report with the assessments' figures", async () => {
    const run = await workspace.infio(["app", "report", "cold chain", "--out", appReport]);

    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^report ${appReport}$`, "m"));
    for (const name of ["application.html", "application.json", "application.pdf"]) {
      assert.equal(statSync(join(appReport, name)).mode & 0o777, 0o600, `${name} is not owner-only`);
    }

    const report = readJson(join(appReport, "application.json"));
    const expected = expectedFigures(servers);
    const figures = report["figures"] as {
      lines: number;
      objects: number;
      findingsByStatus: Record<string, number>;
      compatibility: { all: Record<string, number>; shares: { all: Record<string, number> } };
    };
    assert.equal(report["applicationName"], "Cold Chain");
    assert.equal(report["companyName"], "Kestrel Logistics");
    assert.equal(report["target"], servers[0]!.assessment.target);
    assert.equal(figures.lines, expected.lines);
    assert.equal(figures.objects, expected.counts.objects);
    assert.deepEqual(figures.compatibility.all, expected.counts);
    assert.deepEqual(figures.compatibility.shares.all, {
      supported: share(expected.counts.supported, expected.counts.objects),
      conditionallySupported: share(expected.counts.conditionallySupported, expected.counts.objects),
      notSupported: share(expected.counts.notSupported, expected.counts.objects),
      unknown: share(expected.counts.unknown, expected.counts.objects),
    });
    for (const [status, count] of Object.entries(figures.findingsByStatus)) {
      assert.equal(count, expected.findingsByStatus[status] ?? 0, `findings ${status}`);
    }

    const blockers = report["blockers"] as { featureId: string; detail?: string; occurrences: number; servers: string[] }[];
    assert.ok(expected.blockers.size > 0, "the Kestrel code has no blocker");
    assert.equal(blockers.length, expected.blockers.size);
    for (const b of blockers) {
      const want = expected.blockers.get(`${b.featureId}|${b.detail ?? ""}`);
      assert.ok(want, `unexpected blocker ${b.featureId}`);
      assert.equal(b.occurrences, want.occurrences, `occurrences of ${b.featureId}`);
      assert.deepEqual(b.servers, [...want.servers].sort(), `servers of ${b.featureId}`);
    }
  });

  it("charges the application's effort within its servers' estimates", () => {
    const report = readJson(join(appReport, "application.json"));
    const effort = report["effort"] as { total: { low: number; high: number }; byFeature: { featureId: string }[] };
    const reportServers = report["servers"] as { name: string; effort: { low: number; high: number }; assessmentId: string }[];
    const own = (a: Assessment) => a.effort?.total ?? a.summary.effort;

    for (const s of servers) {
      const row = reportServers.find((r) => r.name === s.name);
      assert.equal(row?.assessmentId, s.assessment.id);
      assert.deepEqual(row?.effort, { low: own(s.assessment).low, high: own(s.assessment).high });
    }
    // Learning is charged once across servers: never more than the sum of
    // the servers' own estimates, never less than the largest of them.
    const sum = servers.reduce((n, s) => n + own(s.assessment).high, 0);
    const largest = Math.max(...servers.map((s) => own(s.assessment).high));
    assert.ok(effort.total.high <= sum + 1e-6, `${effort.total.high} > ${sum}`);
    assert.ok(effort.total.high >= largest - 1e-6, `${effort.total.high} < ${largest}`);
    const features = new Set(servers.flatMap((s) => (s.assessment.effort?.byFeature ?? []).map((f) => f.featureId)));
    assert.deepEqual(new Set(effort.byFeature.map((f) => f.featureId)), features);
  });

  it("prints the application PDF from the HTML", { skip: browserTestsSkipped() }, () => {
    const pdf = join(appReport, "application.pdf");
    const report = readJson(join(appReport, "application.json"));
    const figures = report["figures"] as { lines: number; objects: number; compatibility: { shares: { all: Record<string, number> } } };
    const shares = figures.compatibility.shares.all;

    assert.ok(pageCount(pdf) > 2, `only ${pageCount(pdf)} pages`);
    const first = pageText(pdf, 1);
    assert.match(first, /^Cold Chain$/m);
    assert.ok(first.includes(`Application report for Kestrel Logistics, migration to ${String(report["target"])}`), first);
    assert.ok(first.includes(`${formatCount(figures.objects)} in ${formatCount(figures.lines)} lines`), first);
    assert.ok(
      first.includes(
        `${shares["supported"]}% supported, ${shares["conditionallySupported"]}% conditionally supported, ` +
          `${shares["notSupported"]}% not supported`,
      ),
      first,
    );
    // The title page is alone on page 1, and the sections start on page 2.
    assert.doesNotMatch(first, /^Questionnaire$/m);
    assert.match(pageText(pdf, 2), /^Questionnaire$/m);
  });

  it("writes the company report with every application", async () => {
    const run = await workspace.infio(["app", "companies", "report", "kestrel logistics", "--out", companyReport]);

    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /application 'Intranet' has no assessments yet/);
    const company = readJson(join(companyReport, "company.json"));
    const application = readJson(join(appReport, "application.json"));
    const rows = company["applications"] as {
      name: string;
      wave: { wave: number | null; rule: string };
      objects: number;
      servers: number;
      assessedServers: number;
      blockers: unknown[];
      effort: { low: number; high: number };
    }[];
    assert.deepEqual(rows.map((r) => r.name), ["Dock", "Cold Chain", "Intranet"]);

    const [dock, coldChain, intranet] = rows;
    const expected = expectedFigures(servers);
    assert.equal(coldChain!.objects, expected.counts.objects);
    assert.equal(coldChain!.blockers.length, expected.blockers.size);
    assert.deepEqual(coldChain!.effort, (application["effort"] as { total: unknown }).total);
    assert.deepEqual(coldChain!.wave, { ...coldChain!.wave, wave: 2, rule: "blockersInChangeableCode" });
    assert.equal(dock!.wave.wave, 1);
    assert.equal(dock!.objects, 2);
    assert.deepEqual([intranet!.wave.wave, intranet!.wave.rule], [null, "notAssessed"]);
    assert.equal(intranet!.assessedServers, 0);

    const totals = company["totals"] as { applications: number; servers: number; objects: number; effort: { high: number } };
    assert.equal(totals.applications, 3);
    assert.equal(totals.servers, 4);
    assert.equal(totals.objects, rows.reduce((n, r) => n + r.objects, 0));
    assert.equal(totals.effort.high, Math.round(rows.reduce((n, r) => n + r.effort.high, 0) * 100) / 100);
  });

  it("prints the company PDF", { skip: browserTestsSkipped() }, () => {
    const pdf = join(companyReport, "company.pdf");

    assert.ok(pageCount(pdf) >= 2, `only ${pageCount(pdf)} pages`);
    const first = pageText(pdf, 1);
    assert.match(first, /^Kestrel Logistics$/m);
    assert.match(first, /Wave 1: Dock\./);
    assert.match(first, /Wave 2: Cold Chain\./);
    assert.match(first, /Not assessed: Intranet\./);
    assert.doesNotMatch(first, /Applications side by side/);
  });

  it("writes the HTML and JSON when Chromium is missing", async () => {
    const out = join(workspace.root, "no-chromium");
    const run = await workspace.infio(["app", "report", "Cold Chain", "--out", out, "--chromium", join(workspace.root, "no-such-chromium")]);

    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /cannot print the PDF: .*apt-get install chromium.*; the other formats were written/);
    assert.ok(existsSync(join(out, "application.html")));
    assert.ok(existsSync(join(out, "application.json")));
    assert.equal(existsSync(join(out, "application.pdf")), false);
  });

  it("rejects unknown and unassessed applications", async () => {
    const unknown = await workspace.infio(["app", "report", "Billing"]);
    assert.equal(unknown.code, 2, unknown.stderr);
    assert.match(unknown.stderr, /application 'Billing' not found; known: 'Cold Chain', 'Dock', 'Intranet'/);

    const unassessed = await workspace.infio(["app", "report", "Intranet", "--out", join(workspace.root, "intranet")]);
    assert.equal(unassessed.code, 1, unassessed.stderr);
    assert.match(unassessed.stderr, /application 'Intranet' has no assessments yet; run 'infio assess --app Intranet'/);
    assert.equal(existsSync(join(workspace.root, "intranet")), false);
  });

  it("records the report reads in the audit trail", () => {
    const entries = readFileSync(join(workspace.home, "audit.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { action: string; outcome: string; objects?: Record<string, string>; details?: Record<string, unknown> });
    const read = entries.find((e) => e.action === "application.report.read" && e.outcome === "succeeded");
    assert.deepEqual(read?.objects, { application: "Cold Chain", company: "Kestrel Logistics" });
    assert.deepEqual(
      [...(read?.details?.["assessments"] as string[])].sort(),
      servers.map((s) => s.assessment.id).sort(),
    );
    const company = entries.find((e) => e.action === "company.report.read" && e.outcome === "succeeded");
    assert.deepEqual(company?.objects, { company: "Kestrel Logistics" });
    assert.ok(entries.some((e) => e.action === "report.write" && e.outcome === "succeeded"));
  });
});
