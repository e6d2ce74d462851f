/**
 * INSERT ... EXEC: its row source is the EXECUTE statement's node, so every
 * detector that reads EXECUTE finds the same features in it. Messages that
 * name EXEC name the INSERT too.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Detector } from "../../src/analysis/detector.js";
import { deprecatedDetector } from "../../src/analysis/detectors/deprecated.js";
import { dmlDetector } from "../../src/analysis/detectors/dml.js";
import { dynamicSqlDetector } from "../../src/analysis/detectors/dynamic-sql.js";
import { referenceDetector } from "../../src/analysis/detectors/references.js";
import { systemObjectDetector } from "../../src/analysis/detectors/system-objects.js";
import { xmlJsonDetector } from "../../src/analysis/detectors/xml-json.js";
import { allFindings, detect } from "./harness.js";

/**
 * Findings of one detector with their messages. `detect` analyses no nested
 * code, so the dynamic-sql detector's `unresolved` findings are left out.
 */
function messages(detector: Detector, sql: string): string[] {
  return detect(detector, sql)
    .filter((o) => o.featureId !== "dynamic_sql.unresolved")
    .map((o) => `${o.featureId} ${o.line}:${o.column} ${o.message}`);
}

describe("INSERT ... EXEC in the detectors", () => {
  const cases: [name: string, detector: Detector, sql: string, expected: string[]][] = [
    ["the statement itself", dmlDetector, "INSERT t EXEC p", ["dml.insert.exec 1:10 INSERT ... EXEC"]],
    [
      "a string run by EXEC",
      dynamicSqlDetector,
      "INSERT t EXEC (N'SELECT 1')\nEXEC (N'SELECT 1')",
      ["dynamic_sql.exec_string 1:10 INSERT ... EXEC (string)", "dynamic_sql.exec_string 2:1 EXEC (string)"],
    ],
    [
      "sp_executesql",
      dynamicSqlDetector,
      "INSERT t EXEC sp_executesql N'SELECT 1'",
      ["sysproc.sp_executesql 1:15 INSERT ... EXEC sp_executesql"],
    ],
    [
      "a cross-database procedure and AT",
      referenceDetector,
      "INSERT t EXEC other.dbo.p\nINSERT t EXEC ('SELECT 1') AT DATA_SOURCE pool",
      [
        "reference.cross_database_exec 1:15 three-part name other.dbo.p in INSERT ... EXEC",
        "reference.exec_at 2:43 INSERT ... EXEC (...) AT DATA_SOURCE pool",
      ],
    ],
    [
      "a numbered procedure",
      deprecatedDetector,
      "INSERT t EXEC dbo.p;2",
      ["syntax.numbered_procedure_call 1:15 EXEC p;2"],
    ],
    ["a system procedure", systemObjectDetector, "INSERT t EXEC sp_who", ["sysproc.sp_who 1:15 system procedure sp_who"]],
    [
      "sp_xml_preparedocument, which the INSERT form used to miss",
      xmlJsonDetector,
      "INSERT t EXEC sp_xml_preparedocument @h OUTPUT, @doc",
      ["xml.sp_xml_preparedocument 1:15 sp_xml_preparedocument"],
    ],
  ];
  for (const [name, detector, sql, expected] of cases) {
    it(name, () => {
      assert.deepEqual(messages(detector, sql), expected);
    });
  }

  it("forgets a variable that an OUTPUT argument assigns", () => {
    const sql =
      "DECLARE @s nvarchar(50) = N'CHECKPOINT'\n" +
      "INSERT t EXEC dbo.p @s OUTPUT\n" +
      "EXEC (@s)";
    assert.deepEqual(allFindings(sql, ["dynamic_sql.", "statement.checkpoint"]), [
      "dynamic_sql.exec_string 3:1",
      "dynamic_sql.unresolved 3:1",
    ]);
  });
});
