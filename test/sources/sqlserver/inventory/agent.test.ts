import assert from "node:assert/strict";
import { test } from "node:test";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { agentPart, STEP_COMMAND_PREVIEW, truncateText } from "../../../../src/sources/sqlserver/inventory/agent.js";
import {
  GENERATE_INVOICES_COMMAND,
  MAIL_REPORT_COMMAND,
} from "../../../helpers/sqlserver-fixture/kestrel/agent-commands.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { assertNoSecrets, itemNamed, itemsWhere, runPart, withView } from "./part-runner.js";

test("agent lists each job followed by its steps, then the summary", async () => {
  const { items } = await runPart(agentPart);

  assert.deepEqual(
    items.map((item) => `${String(item["type"])}: ${String(item["name"] ?? "")}`),
    [
      "job: Kestrel - Integration",
      "job-step: Process inbound messages",
      "job-step: Copy carrier tracking",
      "job-step: Archive processed files",
      "job: Kestrel - Nightly invoicing",
      "job-step: Generate invoices",
      "job-step: Issue drafts",
      "job-step: Export statements",
      "job: Kestrel - Telemetry excursions",
      "job-step: Detect excursions",
      "job-step: Dispatch outbox",
      "job: Kestrel - Weekly maintenance",
      "job-step: Integrity check",
      "job-step: Index maintenance",
      "job-step: Mail maintenance report",
      "job-step: Purge job history",
      "job: syspolicy_purge_history",
      "job-step: Verify that automation is enabled.",
      "job-step: Purge history.",
      "summary: ",
    ],
  );
});

test("agent job item has owner, category and schedule in words", async () => {
  const { items } = await runPart(agentPart);

  assert.deepEqual(itemNamed(items, "Kestrel - Nightly invoicing", "job"), {
    type: "job",
    name: "Kestrel - Nightly invoicing",
    enabled: true,
    owner: "KESTREL\\svc-sqlagent",
    category: "Kestrel Billing",
    steps: 3,
    schedules: ["Nightly 02:30: every day at 02:30:00"],
    description: "Invoices delivered shipments, issues the invoices and sends the statement files to the print house.",
    createDate: "2024-03-12T09:02:11.000Z",
    modifyDate: "2025-02-27T17:10:00.000Z",
  });
  assert.deepEqual(itemNamed(items, "Kestrel - Weekly maintenance", "job")["schedules"], [
    "Kestrel - Sunday 01:00: every week on Sunday at 01:00:00",
  ]);
  assert.equal(itemNamed(items, "Kestrel - Weekly maintenance", "job")["owner"], "sa");
});

test("agent step item keeps the first 200 characters of the command", async () => {
  const { items } = await runPart(agentPart);
  const step = itemNamed(items, "Generate invoices", "job-step");

  assert.ok(GENERATE_INVOICES_COMMAND.length > STEP_COMMAND_PREVIEW);
  assert.deepEqual(step, {
    type: "job-step",
    name: "Generate invoices",
    job: "Kestrel - Nightly invoicing",
    stepId: 1,
    subsystem: "TSQL",
    runsInDatabase: "KestrelColdChain",
    command: GENERATE_INVOICES_COMMAND.slice(0, 200),
    commandLength: GENERATE_INVOICES_COMMAND.length,
    onSuccess: "go to the next step",
    onFailure: "quit with failure",
    retryAttempts: 2,
    usesProxy: false,
  });
});

test("agent returns T-SQL steps as modules with the whole command", async () => {
  const { modules } = await runPart(agentPart);
  const generate = modules?.find((m) => m.name === "Kestrel - Nightly invoicing.step 1");

  assert.deepEqual(generate, {
    database: "",
    schema: "",
    name: "Kestrel - Nightly invoicing.step 1",
    type: "agent-step",
    typeCode: "",
    origin: "agent-step",
    definition: GENERATE_INVOICES_COMMAND,
  });
  const mail = modules?.find((m) => m.name === "Kestrel - Weekly maintenance.step 3");
  assert.equal(mail?.definition, MAIL_REPORT_COMMAND);
});

test("agent makes modules of T-SQL steps only", async () => {
  const { items, modules } = await runPart(agentPart);
  const steps = itemsWhere(items, "type", "job-step");
  const tsqlSteps = steps.filter((step) => step["subsystem"] === "TSQL");

  assert.equal(modules?.length, tsqlSteps.length);
  assert.equal(modules?.length, 12);
  assert.deepEqual(
    steps.filter((step) => step["subsystem"] !== "TSQL").map((step) => [step["name"], step["subsystem"], step["usesProxy"]]),
    [
      ["Archive processed files", "PowerShell", true],
      ["Export statements", "CmdExec", true],
    ],
  );
  assert.ok(modules?.every((m) => m.origin === "agent-step" && m.type === "agent-step"));
});

test("agent counts operators and alerts", async () => {
  const { items } = await runPart(agentPart);

  assert.deepEqual(items.at(-1), { type: "summary", operators: 2, alerts: 3, enabledAlerts: 2 });
  assertNoSecrets(items, ["dba-team@", "duty-manager@"]);
});

test("agent shows no owner for a job whose login was dropped", async () => {
  const fixture = kestrelServer();
  const jobs = fixture.views["msdb.dbo.sysjobs"]!.map((job) =>
    job["name"] === "Kestrel - Integration" ? { ...job, owner_sid: Buffer.from("0105000000000005150000009999", "hex") } : job,
  );
  const { items } = await runPart(agentPart, { fixture: withView(fixture, "msdb.dbo.sysjobs", jobs) });

  assert.equal(itemNamed(items, "Kestrel - Integration", "job")["owner"], null);
});

test("agent rejects with permission-denied when msdb.dbo.sysjobs is denied", async () => {
  const fixture = { ...kestrelServer(), faults: { deniedViews: ["msdb.dbo.sysjobs"] } };

  await assert.rejects(runPart(agentPart, { fixture }), (error: unknown) => {
    assert.ok(error instanceof SqlServerError);
    assert.equal(error.kind, "permission-denied");
    assert.equal(error.queryId, "inventory.agent-jobs");
    assert.equal(error.number, 229);
    assert.match(error.message, /msdb\.dbo\.sysjobs/);
    return true;
  });
});

test("agent rejects when only the steps table is denied", async () => {
  const fixture = { ...kestrelServer(), faults: { deniedViews: ["msdb.dbo.sysjobsteps"] } };

  await assert.rejects(
    runPart(agentPart, { fixture }),
    (error: unknown) =>
      error instanceof SqlServerError &&
      error.queryId === "inventory.agent-job-steps" &&
      /msdb\.dbo\.sysjobsteps/.test(error.message),
  );
});

test("truncateText keeps surrogate pairs whole", () => {
  assert.equal(truncateText("abc", 5), "abc");
  assert.equal(truncateText("abcdef", 3), "abc");
  assert.equal(truncateText("ab\u{1F69A}cd", 3), "ab");
  assert.equal(truncateText("ab\u{1F69A}cd", 4), "ab\u{1F69A}");
});
