import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { dmlDetector } from "../../src/analysis/detectors/dml.js";
import { assessUnit } from "../../src/assessment/assess-unit.js";
import { parseTarget } from "../../src/catalog/targets.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["MERGE with NOT MATCHED BY SOURCE and OUTPUT $action",
    "MERGE t USING s ON t.id = s.id\nWHEN NOT MATCHED BY SOURCE THEN DELETE\nOUTPUT $action;",
    ["dml.merge 1:1", "dml.merge[not_matched_by_source] 2:1", "dml.merge[output] 3:1"]],
  ["MERGE without a semicolon, then another statement",
    "MERGE t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = 1\nSELECT 1",
    ["dml.merge 1:1"]],
  ["OUTPUT and OUTPUT INTO", "DELETE t OUTPUT deleted.a\nINSERT t OUTPUT inserted.a INTO @log VALUES (1)",
    ["dml.output 1:10", "dml.output_into 2:10"]],
  ["TOP forms", "UPDATE TOP (5) t SET a = 1\nINSERT TOP (2) INTO t SELECT a FROM u\nSELECT TOP 10 PERCENT WITH TIES a FROM t ORDER BY a",
    ["dml.top.update_delete 1:8", "dml.top.insert 2:8", "dml.top 3:8", "dml.top.percent 3:8", "dml.top.with_ties 3:8"]],
  ["SELECT INTO inside a procedure", "CREATE PROCEDURE p AS\nSELECT a\n  INTO #t FROM t",
    ["dml.select_into 3:3"]],
  ["INSERT EXEC, multi-row VALUES and DEFAULT VALUES", "INSERT t EXEC p\nINSERT t VALUES (1), (2)\nINSERT t DEFAULT VALUES",
    ["dml.insert.exec 1:10", "dml.values.insert_multi_row 2:10", "dml.insert.default_values 3:10"]],
  ["UPDATE and DELETE with FROM, CURRENT OF", "UPDATE t SET a = 1 FROM t JOIN u ON t.id = u.id\nDELETE t FROM t JOIN u ON 1 = 1\nDELETE t WHERE CURRENT OF c",
    ["dml.update.from 1:20", "dml.delete.from_join 2:10", "dml.current_of 3:16"]],
  ["APPLY in a subquery", "SELECT (SELECT COUNT(*) FROM t CROSS APPLY f(t.a)) FROM u OUTER APPLY g(u.b)",
    ["dml.apply.cross 1:32", "dml.apply.outer 1:59"]],
  ["PIVOT, UNPIVOT and VALUES in FROM",
    "SELECT * FROM s PIVOT (SUM(v) FOR k IN ([a], [b])) p\nSELECT * FROM s UNPIVOT (v FOR k IN (a, b)) u\nSELECT * FROM (VALUES (1), (2)) v (x)",
    ["dml.pivot 1:17", "dml.unpivot 2:17", "dml.values.derived_table 3:15"]],
  ["grouping extensions", "SELECT a FROM t GROUP BY ROLLUP (a)\nSELECT a FROM t GROUP BY GROUPING SETS ((a), ())\nSELECT a FROM t GROUP BY ALL a\nSELECT a FROM t GROUP BY a WITH CUBE",
    ["dml.group_by.rollup 1:26", "dml.group_by.grouping_sets 2:26", "dml.group_by.all 3:17", "dml.group_by.cube 4:28"]],
  ["paging, sampling, temporal, browse", "SELECT a FROM t ORDER BY a OFFSET 5 ROWS FETCH NEXT 5 ROWS ONLY\nSELECT a FROM t TABLESAMPLE (10 PERCENT)\nSELECT a FROM t FOR SYSTEM_TIME ALL\nSELECT a FROM t FOR BROWSE",
    ["dml.offset_fetch 1:28", "dml.tablesample 2:17", "dml.for_system_time 3:17", "dml.for_browse 4:17"]],
  ["window frame inside CASE", "SELECT CASE WHEN SUM(a) OVER (ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) > 0 THEN 1 END FROM t",
    ["dml.window.frame[rows] 1:42"]],
  ["recursive CTE and a plain one", "WITH r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 5), p AS (SELECT 1 AS x)\nSELECT * FROM r, p",
    ["dml.cte.recursive 1:6"]],
  ["graph MATCH", "SELECT a.x FROM a, e, b WHERE MATCH(a-(e)->b)", ["dml.graph_match 1:31"]],
  ["IS DISTINCT FROM", "SELECT 1 FROM t WHERE a IS NOT DISTINCT FROM b", ["dml.is_distinct_from 1:23"]],
  ["bulk and text statements", "BULK INSERT t FROM 'f.csv'\nTRUNCATE TABLE t WITH (PARTITIONS (1))\nTRUNCATE TABLE t\nREADTEXT t.c @p 0 10\nUPDATE t SET c.WRITE('x', 0, 1)",
    ["statement.bulk_insert 1:1", "dml.truncate.partitions 2:1", "statement.readtext 4:1", "dml.update.write 5:16"]],
  ["plain statements are not reported", "SELECT a FROM t WHERE a = 1\nINSERT t (a) VALUES (1)\nUPDATE t SET a = 2\nDELETE FROM t", []],
];

describe("dml detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(dmlDetector, sql), expected);
    });
  }

  it("classifies a MERGE without semicolon as not supported on Babelfish", () => {
    const parsed = parseTarget("babelfish@5.5");
    assert.ok(parsed.ok);
    const sql = "MERGE t USING s ON t.id = s.id WHEN MATCHED THEN DELETE\nSELECT 1";
    const result = assessUnit({ file: "m.sql", bytes: new TextEncoder().encode(sql) }, { target: parsed.target });
    const merge = result.findings.filter((f) => f.featureId === "dml.merge");
    assert.deepEqual(merge.map((f) => [f.status, f.line, f.column]), [["notSupported", 1, 1]]);
    assert.deepEqual(result.parseErrors, []);
  });
});
