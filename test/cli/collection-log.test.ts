/** Log lines about collection problems: each names the part and the database once. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { logCollection } from "../../src/cli/collection-log.js";
import { createLogger } from "../../src/cli/log.js";
import type { CollectedItem, CollectionProblem } from "../../src/sources/sqlserver/collected.js";

async function warningOf(problem: CollectionProblem): Promise<string> {
  const lines: string[] = [];
  const log = createLogger({ write: (text: string) => lines.push(text) }, { now: () => new Date(0) });
  const items = (async function* (): AsyncGenerator<CollectedItem> {
    yield { kind: "problem", problem };
  })();
  for await (const item of logCollection(items, log)) {
    assert.equal(item.kind, "problem");
  }
  const warnings = lines.filter((line) => line.includes(" warn "));
  assert.equal(warnings.length, 1, lines.join(""));
  return warnings[0]!;
}

describe("collection problem log lines", () => {
  const cases: [problem: CollectionProblem, expected: string][] = [
    [
      { part: "database", database: "Sales", reason: "database-unavailable", message: "database 'Sales' on 'sql01' is OFFLINE" },
      "database 'Sales' (database-unavailable): database 'Sales' on 'sql01' is OFFLINE",
    ],
    [
      { part: "modules", database: "Sales", reason: "permission-denied", message: "hidden" },
      "part 'modules' of database 'Sales' (permission-denied): hidden",
    ],
    [
      { part: "database-list", database: "Nope", reason: "not-found", message: "not found" },
      "database 'Nope' (not-found): not found",
    ],
    [
      { part: "agent", reason: "permission-denied", message: "no msdb" },
      "part 'agent' (permission-denied): no msdb",
    ],
  ];
  for (const [problem, expected] of cases) {
    it(`names ${problem.part}${problem.database === undefined ? "" : ` of ${problem.database}`}`, async () => {
      const line = await warningOf(problem);
      assert.ok(line.endsWith(`warn  ${expected}\n`), line);
      assert.doesNotMatch(line, /database in database/);
    });
  }
});
