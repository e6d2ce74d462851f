import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { keyDigest, normaliseStatement } from "../../../src/sources/workload/normalise.js";

describe("normaliseStatement masking", () => {
  // [input, normalised text]
  const cases: [string, string][] = [
    // Strings, N-strings and every kind of number.
    ["SELECT * FROM t WHERE a = 'x' AND b = N'ÿ日本'", "SELECT * FROM t WHERE a = '?' AND b = N'?'"],
    ["SELECT 1, 2.5, 1.5E3, $12.50, 0x1F, .5", "SELECT 0, 0.0, 0E0, $0, 0x, 0.0"],
    ["SELECT * FROM t WHERE d >= '2024-01-31T10:00:00.123'", "SELECT * FROM t WHERE d >= '?'"],
    // Doubled quotes, comment markers and GO lines inside strings.
    ["SELECT 'it''s -- /* GO */'\nGO\n, 2", "SELECT '?'\nGO\n, 0"],
    ["SELECT 'a\nGO\nb' AS x", "SELECT '?' AS x"],
    // Comments and identifiers are never masked.
    ["SELECT [it's 1], \"col 2\" /* 'x' 42 */ FROM t -- 'y' 7", "SELECT [it's 1], \"col 2\" /* 'x' 42 */ FROM t -- 'y' 7"],
    ["SELECT @v1, @@ROWCOUNT, #temp1.c2 FROM #temp1", "SELECT @v1, @@ROWCOUNT, #temp1.c2 FROM #temp1"],
    // Signs go with the number when they are signs, not operators.
    ["SELECT -1, a - 1, a-1, (-2), x = +3, CASE WHEN a = -1 THEN 1 END - 1", "SELECT 0, a - 0, a-0, (0), x = 0, CASE WHEN a = 0 THEN 0 END - 0"],
    // IN lists of literals become one placeholder of each type.
    ["SELECT * FROM t WHERE id IN (1, 2, -3, 4)", "SELECT * FROM t WHERE id IN (0)"],
    ["SELECT * FROM t WHERE c NOT IN ('a', N'b', 'c', 5)", "SELECT * FROM t WHERE c NOT IN ('?', N'?', 0)"],
    ["SELECT * FROM t WHERE id IN (@a, 2)", "SELECT * FROM t WHERE id IN (@a, 0)"],
    ["SELECT * FROM t WHERE id IN (SELECT 1)", "SELECT * FROM t WHERE id IN (SELECT 0)"],
    // Repeated VALUES rows become one.
    ["INSERT t VALUES (1, 'a'), (2, 'b'),(3,'c');", "INSERT t VALUES (0, '?');"],
    ["INSERT t VALUES (1, 'a'), (2, N'b'), (3, 'c')", "INSERT t VALUES (0, '?'), (0, N'?'), (0, '?')"],
    // Whitespace collapses; line breaks keep the next line's indentation.
    ["  SELECT   a,\t b\r\n\r\n    FROM  t  ", "SELECT a, b\n    FROM t"],
    // Unterminated strings stay unterminated, so they still fail to parse.
    ["SELECT 'abc", "SELECT '?"],
    ["SELECT N'abc", "SELECT N'?"],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      assert.equal(normaliseStatement(input).text, expected);
    });
  }
});

describe("normaliseStatement keeps literals that are code", () => {
  const kept: string[] = [
    "SELECT CONVERT(varchar(10), d, 103), TRY_CONVERT(datetime, s, 120)",
    "SELECT HASHBYTES('SHA2_256', x), FORMAT(d, 'dd/MM/yyyy', 'de-DE')",
    "SELECT STR(x, 10, 2), ROUND(x, 2)",
    "SELECT CAST(x AS decimal(18, 2)), CAST(y AS nvarchar(4000)), CAST(z AS datetime2(3))",
    "SELECT DATABASEPROPERTYEX(DB_NAME(), 'Collation'), SERVERPROPERTY('Edition'), OBJECTPROPERTY(id, 'IsTable')",
    "SELECT JSON_VALUE(j, '$.a.b'), x.value('(/r/@id)[1]', 'int') FROM t",
    "SELECT IDENTITY(int, 1, 1) AS id INTO #t FROM s",
    "SELECT a FROM t ORDER BY 2 DESC, 1 OPTION (MAXDOP 4, MAXRECURSION 100, OPTIMIZE FOR (@p = 5))",
    "SET ROWCOUNT 100; SET LANGUAGE 'us_english'; SET DEADLOCK_PRIORITY -5",
  ];
  for (const input of kept) {
    it(input, () => {
      assert.equal(normaliseStatement(input).text, input);
    });
  }

  it("masks the data arguments around them", () => {
    assert.equal(
      normaliseStatement("SELECT CONVERT(varchar(10), '2024-01-01', 103), HASHBYTES('MD5', 'secret'), ROUND(3.14159, 2)").text,
      "SELECT CONVERT(varchar(10), '?', 103), HASHBYTES('MD5', '?'), ROUND(0.0, 2)",
    );
    assert.equal(normaliseStatement("SELECT a FROM t ORDER BY a + 1 OFFSET 10 ROWS").text, "SELECT a FROM t ORDER BY a + 0 OFFSET 0 ROWS");
    assert.equal(normaliseStatement("UPDATE t SET ROWCOUNT = 5").text, "UPDATE t SET ROWCOUNT = 0");
  });
});

describe("normaliseStatement keys", () => {
  /** Groups of statements that must share a key. */
  const same: string[][] = [
    ["SELECT * FROM t WHERE a = 1", "select  *  from t where a = 42;", "SELECT *\nFROM t\nWHERE a=7"],
    ["/* trace 1 */ SELECT x FROM t", "/* trace 2 */ SELECT x FROM t -- other", "SELECT x FROM t"],
    ["SELECT * FROM t WHERE id IN (1)", "SELECT * FROM t WHERE id IN (1, 2, 3, 4, 5)"],
    ["INSERT t VALUES (1)", "INSERT t VALUES (1), (2), (3)"],
    [
      "exec sp_executesql N'SELECT * FROM t WHERE a = @p',N'@p int',@p=1",
      "EXEC sys.sp_executesql @stmt = N'SELECT * FROM t WHERE a = @p', @params = N'@p int', @p = 2",
      "SELECT * FROM t WHERE a = @p",
    ],
  ];
  for (const group of same) {
    it(`joins ${JSON.stringify(group[0])}`, () => {
      const keys = group.map((g) => normaliseStatement(g).key);
      assert.equal(new Set(keys).size, 1, keys.join("\n"));
    });
  }

  /** Pairs that must stay apart. */
  const apart: [string, string][] = [
    ["SELECT * FROM t WHERE a = 1", "SELECT * FROM t WHERE b = 1"],
    ["SELECT * FROM t WHERE a = 1", "SELECT * FROM t WHERE a = 1.0"],
    ["SELECT * FROM t WHERE a = 'x'", "SELECT * FROM t WHERE a = N'x'"],
    ["SELECT CONVERT(varchar, d, 103)", "SELECT CONVERT(varchar, d, 112)"],
    ["SELECT * FROM Orders", "SELECT * FROM orders_archive"],
    ["SELECT [a b] FROM t", "SELECT [a  b] FROM t"],
  ];
  for (const [a, b] of apart) {
    it(`keeps ${JSON.stringify(a)} apart from ${JSON.stringify(b)}`, () => {
      assert.notEqual(normaliseStatement(a).key, normaliseStatement(b).key);
    });
  }

  it("writes reserved keywords in upper case and identifiers as written", () => {
    assert.equal(normaliseStatement("select Name from dbo.Customers;").key, "SELECT Name FROM dbo . Customers");
  });

  it("hashes keys with SHA-256", () => {
    // printf 'SELECT 0' | sha256sum
    assert.equal(keyDigest("SELECT 0"), "3adec4a4a21edef159da73579fdc4799efff9e8ce2a5ab2b7df70627e5d509bc");
    assert.notEqual(keyDigest("SELECT 0"), keyDigest("SELECT 1"));
  });
});

describe("normaliseStatement calls", () => {
  const calls: [input: string, text: string, through: string | undefined][] = [
    ["exec sp_executesql N'SELECT ''a'' AS x WHERE y = @P1',N'@P1 int',@P1=5", "SELECT '?' AS x WHERE y = @P1", "sp_executesql"],
    ["EXEC master..sp_executesql N'SELECT 1'", "SELECT 0", "sp_executesql"],
    ["EXEC @rc = [sys].[sp_executesql] N'SELECT 1';", "SELECT 0", "sp_executesql"],
    ["declare @p1 int\nset @p1=NULL\nexec sp_prepexec @p1 output,N'@P0 int',N'SELECT * FROM t WHERE id = @P0',42\nselect @p1", "SELECT * FROM t WHERE id = @P0", "sp_prepexec"],
    ["declare @p1 int\nset @p1=0\nexec sp_prepare @p1 output,N'@P0 int',N'DELETE t WHERE id = @P0',1\nselect @p1", "DELETE t WHERE id = @P0", "sp_prepare"],
    // Not unwrapped: a variable, extra statements, or a DECLARE before sp_executesql.
    ["EXEC sp_executesql @sql", "EXEC sp_executesql @sql", undefined],
    ["SET NOCOUNT ON; EXEC sp_executesql N'SELECT 1'", "SET NOCOUNT ON; EXEC sp_executesql N'?'", undefined],
    ["EXEC sp_executesql N'SELECT 1'; SELECT 2", "EXEC sp_executesql N'?'; SELECT 0", undefined],
    ["DECLARE @x int EXEC sp_executesql N'SELECT 1'", "DECLARE @x int EXEC sp_executesql N'?'", undefined],
    ["EXEC sp_executesql N'SELECT 1", "EXEC sp_executesql N'?", undefined],
  ];
  for (const [input, text, through] of calls) {
    it(JSON.stringify(input), () => {
      const result = normaliseStatement(input);
      assert.equal(result.text, text);
      assert.equal(result.calledThrough, through);
    });
  }
});

describe("normaliseStatement on arbitrary text", () => {
  const pieces = ["'", "N'", "\"", "[", "]", "(", ")", "--", "/*", "*/", "\n", " ", "-", "1", "0x", ".5", "IN", "VALUES", ",", "sp_executesql", "EXEC", "@p", "é", "\uD800", ";", "ORDER BY", "SET ROWCOUNT"];

  it("never throws and is stable", () => {
    // A fixed linear congruential generator, so a failure can be replayed.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let run = 0; run < 2000; run++) {
      let text = "";
      const length = next() % 40;
      for (let i = 0; i < length; i++) {
        text += pieces[next() % pieces.length];
      }
      const first = normaliseStatement(text);
      const second = normaliseStatement(text);
      assert.deepEqual(second, first, JSON.stringify(text));
      assert.equal(typeof first.key, "string");
    }
  });
});
