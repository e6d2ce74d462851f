import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { behaviourDetector } from "../../src/analysis/detectors/behaviour.js";
import { assessUnit } from "../../src/assessment/assess-unit.js";
import { parseTarget } from "../../src/catalog/targets.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["STR padding", "SELECT STR(1.5, 10, 2) AS s", ["behavior.str_padding 1:8"]],
  ["TOP without ORDER BY, not with ORDER BY, in EXISTS or 100 PERCENT",
    "SELECT TOP 1 a FROM t\nSELECT TOP 1 a FROM t ORDER BY a\nIF EXISTS (SELECT TOP 1 a FROM t) PRINT 1\nSELECT TOP 100 PERCENT a FROM t\nDELETE TOP (10) FROM t",
    ["behavior.top_without_order_by 1:8", "behavior.sort_nulls 2:23", "behavior.top_without_order_by 5:8"]],
  ["TOP in a subquery nested in EXISTS, and after the EXISTS",
    "IF EXISTS (SELECT 1 FROM t WHERE a IN (SELECT TOP 1 b FROM u)) SELECT TOP 2 c FROM v",
    ["behavior.top_without_order_by 1:71"]],
  ["@@ROWCOUNT only in the second batch",
    "PRINT 'x'\nSELECT 1 AS n\nGO\nPRINT 'y'\nSELECT @@ROWCOUNT AS n",
    ["behavior.rowcount_after_statement 5:8"]],
  ["@@ROWCOUNT after PRINT, SET and IF; not right after DML",
    "UPDATE t SET a = 1\nPRINT 'x'\nSELECT @@ROWCOUNT AS n\nUPDATE t SET a = 2\nIF @@ROWCOUNT = 0 PRINT 'none'\nSET @a = 1\nIF @@ROWCOUNT > 0 PRINT 'x'",
    ["behavior.rowcount_after_statement 3:8", "behavior.rowcount_after_statement 7:4"]],
  ["comparisons reported once per object", "CREATE PROCEDURE p AS\nSELECT a AS x FROM t WHERE b = 'Abc' AND c = 'Def' AND d = '' AND e = '42' AND f LIKE 'x%'",
    ["behavior.case_sensitivity 2:28", "behavior.empty_string_null 2:56", "behavior.implicit_conversion 2:67"]],
  ["identity, datetime rounding, concatenation and @@VERSION parsing",
    "SELECT SCOPE_IDENTITY() AS i, @@IDENTITY AS j, CAST('2024-01-01 10:00:00.998' AS datetime) AS d, 'a' + b AS c, CHARINDEX('2019', @@VERSION) AS v FROM t",
    ["behavior.identity_gaps 1:8", "behavior.datetime_rounding 1:53", "behavior.string_concat_null 1:98", "behavior.version_string 1:130"]],
  ["unnamed result columns and NULL ordering", "SELECT a, 1 + 1 FROM t ORDER BY a\nSELECT b, c FROM t ORDER BY b",
    ["behavior.blank_column_name 1:11", "behavior.sort_nulls 1:24"]],
];

describe("behaviour detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(behaviourDetector, sql), expected);
    });
  }

  it("classifies STR as a behaviour difference on Babelfish", () => {
    const parsed = parseTarget("babelfish@5.5");
    assert.ok(parsed.ok);
    const result = assessUnit({ file: "s.sql", bytes: new TextEncoder().encode("SELECT STR(1.5, 10, 2)") }, { target: parsed.target });
    const str = result.findings.find((f) => f.featureId === "behavior.str_padding");
    assert.equal(str?.status, "reviewSemantics");
  });
});
