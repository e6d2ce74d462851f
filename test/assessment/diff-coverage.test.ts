/**
 * diffAssessments: findings whose database, server-level code or unit the
 * other assessment could not read are "not compared", never fixed or new.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { diffAssessments } from "../../src/assessment/diff-coverage.js";
import type { Assessment, Finding, LiveSource, SkippedInput } from "../../src/assessment/model.js";
import type { CollectionProblem } from "../../src/sources/sqlserver/collected.js";
import { sampleAssessment } from "../report/sample-assessment.js";

function f(file: string, featureId = "statement.checkpoint"): Finding {
  return { featureId, status: "notSupported", file, line: 1, column: 1, object: "dbo.p", message: "CHECKPOINT" };
}

const SERVER = {
  address: "sql01",
  name: "SQL01",
  version: "16.0.4135.4",
  edition: "Developer Edition (64-bit)",
  collectedAt: "2025-01-01T00:00:00.000Z",
  tlsVerificationDisabled: false,
};

/** Builds a live assessment that read `databases`, with `problems`, `findings` and `skipped`. */
function live(options: {
  databases: string[];
  problems?: CollectionProblem[];
  findings: Finding[];
  skipped?: SkippedInput[];
}): Assessment {
  const source: LiveSource = {
    server: SERVER,
    inventory: {
      databases: [...options.databases, "Reporting", "Sales.Archive"].map((name) => ({ name })),
      users: options.databases.map((database) => ({ database, name: "dbo" })),
    },
    problems: options.problems ?? [],
  };
  return { ...sampleAssessment(), sources: ["sql01"], findings: options.findings, skipped: options.skipped ?? [], live: source };
}

const OFFLINE: CollectionProblem = {
  part: "database",
  database: "Reporting",
  reason: "database-unavailable",
  message: "database 'Reporting' on 'sql01' is OFFLINE, so it was skipped",
};

function summary(diff: ReturnType<typeof diffAssessments>) {
  return {
    fixed: diff.fixed.map((x) => x.file),
    added: diff.added.map((x) => x.file),
    notCompared: diff.notCompared.map((x) => `${x.side} ${x.finding.file}`),
  };
}

describe("diffAssessments", () => {
  const cases: [name: string, before: Assessment, after: Assessment, expected: ReturnType<typeof summary>][] = [
    [
      "a database offline in B",
      live({ databases: ["Sales", "Reporting"], findings: [f("Sales.dbo.a"), f("Reporting.dbo.b"), f("Sales.dbo.gone")] }),
      live({ databases: ["Sales"], problems: [OFFLINE], findings: [f("Sales.dbo.a")] }),
      { fixed: ["Sales.dbo.gone"], added: [], notCompared: ["before Reporting.dbo.b"] },
    ],
    [
      "a database offline in A",
      live({ databases: ["Sales"], problems: [OFFLINE], findings: [f("Sales.dbo.a")] }),
      live({ databases: ["Sales", "Reporting"], findings: [f("Sales.dbo.a"), f("Reporting.dbo.b"), f("Sales.dbo.new")] }),
      { fixed: [], added: ["Sales.dbo.new"], notCompared: ["after Reporting.dbo.b"] },
    ],
    [
      "a database left out of B's --database",
      live({ databases: ["Sales", "Reporting"], findings: [f("Reporting.dbo.b")] }),
      live({ databases: ["Sales"], findings: [] }),
      { fixed: [], added: [], notCompared: ["before Reporting.dbo.b"] },
    ],
    [
      "modules of a database that B could not read",
      live({ databases: ["Sales"], findings: [f("Sales.dbo.a")] }),
      live({
        databases: ["Sales"],
        problems: [{ part: "modules", database: "Sales", reason: "permission-denied", message: "hidden" }],
        findings: [],
      }),
      { fixed: [], added: [], notCompared: ["before Sales.dbo.a"] },
    ],
    [
      "a database whose name has a dot",
      live({ databases: ["Sales", "Sales.Archive"], findings: [f("Sales.Archive.dbo.a"), f("Sales.dbo.b")] }),
      live({
        databases: ["Sales"],
        problems: [{ ...OFFLINE, database: "Sales.Archive" }],
        findings: [],
      }),
      { fixed: ["Sales.dbo.b"], added: [], notCompared: ["before Sales.Archive.dbo.a"] },
    ],
    [
      "server triggers that B could not read",
      live({ databases: ["Sales"], findings: [f("server.trg_ddl"), f("agent.Nightly.step 1")] }),
      live({
        databases: ["Sales"],
        problems: [{ part: "server-modules", reason: "permission-denied", message: "denied" }],
        findings: [],
      }),
      { fixed: ["agent.Nightly.step 1"], added: [], notCompared: ["before server.trg_ddl"] },
    ],
    [
      "a module that B skipped as encrypted",
      live({ databases: ["Sales"], findings: [f("Sales.dbo.a"), f("Sales.dbo.b")] }),
      live({
        databases: ["Sales"],
        findings: [],
        skipped: [{ file: "Sales.dbo.a", reason: "encrypted", message: "WITH ENCRYPTION" }],
      }),
      { fixed: ["Sales.dbo.b"], added: [], notCompared: ["before Sales.dbo.a"] },
    ],
    [
      "a script that B skipped as too large",
      { ...sampleAssessment(), findings: [f("big.sql"), f("small.sql")], skipped: [] },
      {
        ...sampleAssessment(),
        findings: [],
        skipped: [{ file: "big.sql", reason: "too-large", message: "over the limit" }],
      },
      { fixed: ["small.sql"], added: [], notCompared: ["before big.sql"] },
    ],
    [
      "a script that B found empty",
      { ...sampleAssessment(), findings: [f("emptied.sql")], skipped: [] },
      { ...sampleAssessment(), findings: [], skipped: [{ file: "emptied.sql", reason: "empty", message: "empty" }] },
      { fixed: ["emptied.sql"], added: [], notCompared: [] },
    ],
  ];
  for (const [name, before, after, expected] of cases) {
    it(`handles ${name}`, () => {
      assert.deepEqual(summary(diffAssessments(before, after)), expected);
    });
  }

  it("gives the reason and a note naming what was not read", () => {
    const diff = diffAssessments(
      live({ databases: ["Sales", "Reporting"], findings: [f("Reporting.dbo.b"), f("Reporting.dbo.c")] }),
      live({ databases: ["Sales"], problems: [OFFLINE], findings: [] }),
    );
    assert.equal(diff.notCompared.length, 2);
    assert.equal(diff.notCompared[0]!.reason, "database 'Reporting' was not read in B (database-unavailable)");
    assert.deepEqual(diff.notes, [
      "2 finding(s) of A not compared: database 'Reporting' was not read in B (database-unavailable)",
    ]);
  });
});
