/** `infio diff` output when B could not read a database that A did. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { diffAssessments } from "../../src/assessment/diff-coverage.js";
import type { Assessment, Finding } from "../../src/assessment/model.js";
import { renderDiff } from "../../src/cli/diff.js";
import { sampleLive } from "../report/sample-live.js";
import { sampleAssessment } from "../report/sample-assessment.js";

function f(file: string): Finding {
  return { featureId: "statement.checkpoint", status: "notSupported", file, line: 3, column: 5, object: "dbo.p", message: "CHECKPOINT" };
}

function live(findings: Finding[], offline: boolean): Assessment {
  const source = sampleLive();
  // Only the server-level problems of the sample, so that each database is read whole.
  const problems = source.problems.filter((p) => p.database === undefined);
  return {
    ...sampleAssessment(),
    findings,
    live: {
      ...source,
      problems: offline
        ? [...problems, { part: "database", database: "Archive", reason: "database-unavailable", message: "OFFLINE" }]
        : problems,
      inventory: { ...source.inventory, users: [{ database: "Archive", name: "dbo" }, { database: "KestrelColdChain", name: "dbo" }] },
    },
  };
}

describe("renderDiff", () => {
  it("counts findings of a database B did not read as not compared", () => {
    const before = live([f("Archive.dbo.usp_old"), f("KestrelColdChain.dbo.usp_fixed")], false);
    const after = live([], true);
    const text = renderDiff("A1", "B1", diffAssessments(before, after));
    const lines = text.split("\n");

    assert.equal(lines[0], "A1 -> B1: 0 new, 1 fixed, 0 changed, 0 unchanged (0 moved), 1 not compared");
    assert.equal(
      lines[1],
      "Note: 1 finding(s) of A not compared: database 'Archive' was not read in B (database-unavailable); " +
        "these findings are neither fixed nor new.",
    );
    const fixed = text.slice(text.indexOf("Fixed:"), text.indexOf("Not compared:"));
    assert.match(fixed, /KestrelColdChain\.dbo\.usp_fixed/);
    assert.doesNotMatch(fixed, /Archive/);
    const notCompared = text.slice(text.indexOf("Not compared:"));
    assert.match(notCompared, /notSupported \(only in A\)\s+statement\.checkpoint\s+Archive\.dbo\.usp_old:3:5/);
  });
});
