import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { builtinDetector } from "../../src/analysis/detectors/builtins.js";
import { assessUnit } from "../../src/assessment/assess-unit.js";
import { parseTarget } from "../../src/catalog/targets.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["HASHBYTES algorithm", "SELECT HASHBYTES('MD5', x) FROM t", ["builtin.function.hashbytes[md5] 1:8"]],
  ["date units are canonical", "SELECT DATEPART(dd, d), DATEADD(mi, 1, d), DATEDIFF(day, a, b), DATENAME(weekday, d) FROM t",
    ["builtin.function.datepart[day] 1:8", "builtin.function.dateadd[minute] 1:25", "builtin.function.datediff[day] 1:44", "builtin.function.datename[weekday] 1:65"]],
  ["CONVERT styles and other conversions", "SELECT CONVERT(varchar(10), d, 112), TRY_CONVERT(int, x), CAST(x AS int), TRY_CAST(x AS int), PARSE('1' AS int USING 'de-DE') FROM t",
    ["builtin.function.convert[112] 1:8", "builtin.function.try_convert 1:38", "builtin.function.try_cast 1:75", "builtin.function.parse 1:95"]],
  ["FORMAT keeps the call and the culture", "SELECT FORMAT(1.5, 'N', 'de-DE'), FORMAT(d, 'yyyy') FROM t",
    ["builtin.function.format_culture[de-de] 1:8", "builtin.function.format 1:8", "builtin.function.format 1:35"]],
  ["property functions by property name", "SELECT SERVERPROPERTY('ProductVersion'), OBJECTPROPERTY(@id, 'IsTable'), COLUMNPROPERTY(@id, 'c', 'AllowsNull'), DATABASEPROPERTYEX(DB_NAME(), 'Status')",
    ["builtin.function.serverproperty[productversion] 1:8", "builtin.function.objectproperty[istable] 1:42", "builtin.function.columnproperty[allowsnull] 1:74", "builtin.function.databasepropertyex[status] 1:114", "builtin.function.db_name 1:133"]],
  ["unknown built-ins keep their id; basic ones are left out", "SELECT COUNT(*), UPPER(a), CURRENT_TIMESTAMP, SOUNDEX(a), NEWFANGLED_FN(a) FROM t",
    ["builtin.function.current_timestamp 1:28", "builtin.function.soundex 1:47", "builtin.function.newfangled_fn 1:59"]],
  ["user functions and user rowset functions are not built-ins", "SELECT dbo.f(a) FROM t CROSS APPLY tvf(t.a) JOIN STRING_SPLIT(@s, ',') s ON 1 = 1",
    ["builtin.function.string_split 1:50"]],
  ["functions of other families are left to them", "SELECT ERROR_MESSAGE(), JSON_VALUE(j, '$'), ISJSON(j) FROM OPENQUERY(s, 'x')", []],
  ["sequences, partitions and CLR types", "SELECT NEXT VALUE FOR dbo.seq, $PARTITION.pf(3), geography::Point(1, 2, 4326), @h.GetAncestor(1), @g.STDistance(@p), @g.ToString()",
    ["ddl.sequence 1:8", "ddl.partition.function 1:32", "datatype.geography 1:50", "builtin.method.hierarchyid[getancestor] 1:83", "builtin.method.spatial[stdistance] 1:102"]],
  ["built-ins nested in CASE inside a procedure", "CREATE PROCEDURE p AS\nSELECT CASE WHEN ISNULL(a, 0) = 0 THEN LEN(b) END FROM t",
    ["builtin.function.isnull 2:18", "builtin.function.len 2:40"]],
];

describe("builtins detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(builtinDetector, sql), expected);
    });
  }

  it("classifies HASHBYTES by algorithm on Babelfish", () => {
    const parsed = parseTarget("babelfish@5.5");
    assert.ok(parsed.ok);
    const sql = "SELECT HASHBYTES('MD5', 'x'), HASHBYTES('MD2', 'x')";
    const result = assessUnit({ file: "h.sql", bytes: new TextEncoder().encode(sql) }, { target: parsed.target });
    const hashes = result.findings.filter((f) => f.featureId === "builtin.function.hashbytes");
    assert.deepEqual(hashes.map((f) => [f.detail, f.status]), [["md5", "supported"], ["md2", "notSupported"]]);
  });
});
