import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { found, statusOf, target } from "./detector-cases.js";

const FAMILIES = ["ddl.index", "ddl.statistics", "ddl.view.indexed", "ddl.table.partitioned", "ddl.table.filegroup"];

const CASES: readonly { name: string; sql: string; expected: readonly string[] }[] = [
  {
    name: "unique clustered index with options by name",
    sql: "CREATE UNIQUE CLUSTERED INDEX ix ON t (a) WITH (FILLFACTOR = 80, PAD_INDEX = ON, ONLINE = ON)",
    expected: [
      "ddl.index.unique 1:8", "ddl.index.clustered 1:15",
      "ddl.index.option [fillfactor] 1:49", "ddl.index.option [pad_index] 1:66", "ddl.index.option [online] 1:82",
    ],
  },
  {
    name: "covering, filtered index on a filegroup",
    sql: "CREATE NONCLUSTERED INDEX ix ON t (a) INCLUDE (b, c) WHERE a > 0 ON [PRIMARY]",
    expected: ["ddl.index.nonclustered 1:8", "ddl.index.include 1:39", "ddl.index.filtered 1:54", "ddl.table.filegroup 1:69"],
  },
  {
    name: "a plain CREATE INDEX is not reported",
    sql: "CREATE INDEX ix ON t (a DESC)",
    expected: [],
  },
  {
    name: "columnstore indexes, clustered or not",
    sql: "CREATE CLUSTERED COLUMNSTORE INDEX cci ON t\nCREATE NONCLUSTERED COLUMNSTORE INDEX ncci ON t (a, b)",
    expected: ["ddl.index.columnstore 1:18", "ddl.index.columnstore 2:21"],
  },
  {
    name: "IGNORE_DUP_KEY and DROP_EXISTING count when ON",
    sql: "CREATE UNIQUE INDEX ix ON t (a) WITH (IGNORE_DUP_KEY = ON, DROP_EXISTING = ON)\nCREATE INDEX iy ON t (a) WITH (IGNORE_DUP_KEY = OFF)",
    expected: [
      "ddl.index.unique 1:8", "ddl.index.ignore_dup_key 1:39", "ddl.index.drop_existing 1:60",
      "ddl.index.option [ignore_dup_key] 2:32",
    ],
  },
  {
    name: "an index on a partition scheme",
    sql: "CREATE INDEX ix ON t (a) ON ps (a)",
    expected: ["ddl.table.partitioned 1:29"],
  },
  {
    name: "inline indexes and clustered keys in CREATE TABLE",
    sql: "CREATE TABLE t (\n  a int PRIMARY KEY CLUSTERED WITH (FILLFACTOR = 90),\n  b int INDEX ib,\n  INDEX ix NONCLUSTERED (b) INCLUDE (a)\n)",
    expected: [
      "ddl.index.clustered 2:21", "ddl.index.option [fillfactor] 2:37",
      "ddl.index.inline 3:9", "ddl.index.inline 4:3", "ddl.index.nonclustered 4:12", "ddl.index.include 4:29",
    ],
  },
  {
    name: "XML, selective XML, spatial, JSON and vector indexes",
    sql: [
      "CREATE PRIMARY XML INDEX px ON t (x)",
      "CREATE XML INDEX sx ON t (x) USING XML INDEX px FOR PATH",
      "CREATE SELECTIVE XML INDEX sel ON t (x) FOR (p1 = '/a/b')",
      "CREATE SPATIAL INDEX si ON t (g) USING GEOGRAPHY_AUTO_GRID",
      "CREATE JSON INDEX ji ON t (j) FOR ('$.a')",
      "CREATE VECTOR INDEX vi ON t (e) WITH (METRIC = 'cosine')",
    ].join("\n"),
    expected: [
      "ddl.index.xml 1:1", "ddl.index.xml 2:1", "ddl.index.xml 3:1",
      "ddl.index.spatial 4:1", "ddl.index.json 5:1", "ddl.index.vector 6:1",
    ],
  },
  {
    name: "full-text catalogs, indexes and stoplists",
    sql: "CREATE FULLTEXT CATALOG ftc\nCREATE FULLTEXT INDEX ON t (c) KEY INDEX pk\nCREATE FULLTEXT STOPLIST sl\nALTER FULLTEXT INDEX ON t START FULL POPULATION",
    expected: ["ddl.index.fulltext 1:1", "ddl.index.fulltext 2:1", "ddl.index.fulltext 3:1", "ddl.index.fulltext 4:1"],
  },
  {
    name: "ALTER INDEX by action, and the memory-optimized form in ALTER TABLE",
    sql: "ALTER INDEX ALL ON t REBUILD\nALTER INDEX ix ON t DISABLE\nALTER TABLE t ALTER INDEX ix REBUILD WITH (BUCKET_COUNT = 64)",
    expected: ["ddl.index.alter [rebuild] 1:1", "ddl.index.alter [disable] 2:1", "ddl.index.alter [rebuild] 3:15"],
  },
  {
    name: "statistics",
    sql: "CREATE STATISTICS st ON t (a) WITH FULLSCAN\nUPDATE STATISTICS t",
    expected: ["ddl.statistics 1:1", "ddl.statistics 2:1"],
  },
  {
    name: "a clustered index on a view of the unit is an indexed view",
    sql: "CREATE VIEW dbo.v WITH SCHEMABINDING AS SELECT a FROM dbo.t\nGO\nCREATE UNIQUE CLUSTERED INDEX ix ON dbo.v (a)",
    expected: ["ddl.view.indexed 3:1", "ddl.index.unique 3:8", "ddl.index.clustered 3:15"],
  },
  {
    name: "index statements in dynamic SQL inside a procedure",
    sql: "CREATE PROCEDURE p AS\n  EXEC sp_executesql N'CREATE CLUSTERED INDEX ix ON t (a)'",
    expected: ["ddl.index.clustered 2:31"],
  },
];

describe("indexes detector", () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(found(c.sql, FAMILIES), c.expected);
    });
  }

  it("classifies a clustered index as a performance review", () => {
    assert.equal(statusOf("CREATE CLUSTERED INDEX ix ON t (a)", "ddl.index.clustered", target("babelfish@5.5")), "reviewPerformance");
  });

  it("classifies FILLFACTOR by its detail on PostgreSQL", () => {
    const sql = "CREATE INDEX ix ON t (a) WITH (FILLFACTOR = 80, SORT_IN_TEMPDB = ON)";
    assert.equal(statusOf(sql, "ddl.index.option", target("postgresql@17")), "reviewManually");
  });
});
