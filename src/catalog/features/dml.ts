/** DML statement forms. */
import {
  always,
  family,
  pg,
  pgSince,
  row,
  since,
  sinceOnBothLines,
  steps,
} from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  extensionsTest,
  MERGE_PULL_REQUEST,
  POSTGRESQL_18_FEATURES,
  postgresDocs,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

const PG_MERGE = postgresDocs("sql-merge", "MERGE", "18");
const PG_SELECT = postgresDocs("sql-select", "SELECT");
const U = [AWS.unsupported, UNSUPPORTED_HANDLER];
const C = COMPASS_FEATURES;

// ROLLUP runs in the pg_stat_statements regression test from the 3.3
// branch on; the syntax handler has never rejected ROLLUP, CUBE or
// GROUPING SETS (checked on the 1.0, 2.1, 3.1 and 4.4 branches).
const ROLLUP_TEST = extensionsTest("BABEL_3_3_STABLE", "pg_stat_statements_tsql.mix", "Babelfish 3.3.0 and later");
const OUTPUT_INTO_TEST = extensionsTest("BABEL_1_0_STABLE", "BABEL-588.sql", "Babelfish 1.0.0 and later");
const WINDOW_ROWS_TEST = extensionsTest("BABEL_2_1_STABLE", "BABEL-2145.sql", "Babelfish 2.1.0 and later");
// OFFSET ... FETCH tests appear on the 3.5 and 4.1 branches.
const OFFSET_FETCH_TEST = extensionsTest("BABEL_3_5_STABLE", "order_by_offset_fetch_rows-vu-prepare.sql", "Babelfish 3.5.0 (3.x) and 4.1.0 (4.x) and later");
const MERGE_SUPPORT_17 = Object.freeze({
  url: "https://postgrespro.com/docs/postgresql/17/functions-merge-support",
  title: "PostgreSQL 17: Merge support functions (merge_action)",
  version: "PostgreSQL 17",
});

export const DML_FEATURES = family("DML", [
  // Compass (6.0.0) lists MERGE without a supporting release. Development
  // code adds it behind babelfishpg_tsql.enable_tsql_merge, off by default.
  row("dml.merge", "MERGE statement", "MERGE INTO ... USING ... WHEN MATCHED.", always("notSupported"), pg("reviewSemantics"), "medium",
    "Rewrite as UPDATE plus INSERT (and DELETE) in one transaction; no listed release accepts MERGE.", "Use PostgreSQL MERGE (15 and later); WHEN NOT MATCHED BY SOURCE and RETURNING need 17.", [...U, ...C, MERGE_PULL_REQUEST, PG_MERGE, MERGE_SUPPORT_17], {
      example: "MERGE t USING s ON t.id = s.id\nWHEN NOT MATCHED BY SOURCE THEN DELETE; -- needs PostgreSQL 17",
      details: [
        { detail: "not_matched_by_source", title: "MERGE ... WHEN NOT MATCHED BY SOURCE", postgresql: pgSince("17", "supported", "notSupported") },
        { detail: "output", title: "MERGE ... OUTPUT", postgresql: pgSince("17", "reviewManually", "notSupported"), postgresqlRemedy: "Use MERGE ... RETURNING with merge_action() (PostgreSQL 17); old values need RETURNING OLD.* (PostgreSQL 18)." },
      ],
    }),
  row("dml.output", "OUTPUT clause", "OUTPUT inserted.* / deleted.* returned to the client.", always("supported"), pgSince("18", "reviewManually", "reviewManually", "RETURNING OLD and NEW"), "low",
    "No change needed.", "Use RETURNING; old values of UPDATE need RETURNING OLD.* (PostgreSQL 18) or a CTE.", [AWS.supportedByVersion, ...C, POSTGRESQL_18_FEATURES, postgresDocs("dml-returning", "Returning data", "18")]),
  row("dml.output_into", "OUTPUT ... INTO table", "OUTPUT rows captured into a table or table variable.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use WITH x AS (INSERT ... RETURNING ...) INSERT INTO t SELECT ... FROM x.", [AWS.supportedByVersion, OUTPUT_INTO_TEST], { postgresqlComplexity: "medium" }),
  row("dml.top", "SELECT TOP n", "Row limit in SELECT.", always("supported"), pg("notSupported"), "low",
    "No change needed.", "Use LIMIT n (or FETCH FIRST n ROWS ONLY).", [PG_SELECT]),
  row("dml.top.percent", "TOP n PERCENT", "Percentage row limit.", sinceOnBothLines("4.8.0", "5.4.0"), pg("notSupported"), "low",
    "TOP 100 PERCENT works everywhere; other percentages need 4.8.0 (4.x) or 5.4.0 (5.x). Before that compute the count and use TOP (@n).", "Compute the row count and use LIMIT.", [AWS.unsupported, ...C]),
  row("dml.top.with_ties", "TOP n WITH TIES", "Include rows tied with the last one.", always("notSupported"), pg("reviewManually"), "low",
    "Rewrite with RANK() <= n in a derived table; no listed release supports WITH TIES.", "Use FETCH FIRST n ROWS WITH TIES.", [AWS.unsupported, ...C, PG_SELECT]),
  row("dml.top.update_delete", "TOP in UPDATE or DELETE", "UPDATE TOP (n) / DELETE TOP (n).", steps(["1.0.0", "reviewManually"], ["3.2.0", "reviewSemantics"]), pg("notSupported"), "low",
    "Accepted from 3.2.0; which n rows change is not defined, as in SQL Server, and can differ. Select the keys with TOP ... ORDER BY first.", "Filter with WHERE ctid IN (SELECT ctid ... LIMIT n).", [AWS.supportedByVersion, ...C],
    { example: "DELETE TOP (10) FROM queue; -- which 10 rows go is not defined" }),
  row("dml.top.insert", "INSERT TOP (n)", "Row limit on INSERT ... SELECT.", since("3.2.0", "reviewSemantics"), pg("notSupported"), "low",
    "Accepted from 3.2.0 with the same undefined row choice as SQL Server; move TOP with an ORDER BY into the SELECT.", "Use LIMIT in the SELECT.", [AWS.unsupported, ...C],
    { example: "INSERT TOP (5) INTO t SELECT * FROM s; -- which 5 rows is not defined" }),
  row("dml.select_into", "SELECT ... INTO new_table", "Create a table from a query.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use CREATE TABLE ... AS SELECT (SELECT INTO in PL/pgSQL assigns variables).", [PG_SELECT]),
  row("dml.apply.cross", "CROSS APPLY", "Lateral join with a row source.", always("supported"), pg("notSupported"), "low",
    "No change needed.", "Use CROSS JOIN LATERAL.", [AWS.supportedByVersion, PG_SELECT]),
  row("dml.apply.outer", "OUTER APPLY", "Outer lateral join.", always("supported"), pg("notSupported"), "low",
    "No change needed.", "Use LEFT JOIN LATERAL ... ON true.", [AWS.supportedByVersion, PG_SELECT]),
  row("dml.pivot", "PIVOT", "Rows to columns operator.", since("3.4.0", "supported", "notSupported", "PIVOT added; not in views, CTEs or joins before 4.4"), pg("notSupported"), "medium",
    "Before 3.4.0 rewrite with CASE aggregates; PIVOT in a CTE or join needs 4.2.0 and in a view 4.4.0.", "Rewrite with CASE or FILTER aggregates, or crosstab() from tablefunc.", [AWS.unsupported, UNSUPPORTED_HANDLER, ...C]),
  row("dml.unpivot", "UNPIVOT", "Columns to rows operator.", sinceOnBothLines("4.6.0", "5.2.0"), pg("notSupported"), "medium",
    "Supported from 4.6.0 (4.x) and 5.2.0 (5.x); earlier, rewrite with CROSS APPLY (VALUES ...).", "Rewrite with CROSS JOIN LATERAL (VALUES ...).", [...U, ...C]),
  row("dml.values.derived_table", "Table value constructor in FROM", "FROM (VALUES (...), (...)) AS v(a, b).", since("2.3.0"), pg("supported"), "low",
    "Supported from 2.3.0; earlier, use UNION ALL.", "No change needed.", [AWS.unsupported, ...C]),
  row("dml.values.insert_multi_row", "Multi-row INSERT ... VALUES", "INSERT with several rows.", always("supported"), pg("supported"), "low", "No change needed.", "No change needed.", [AWS.supportedByVersion]),
  row("dml.insert.default_values", "INSERT ... DEFAULT VALUES", "Insert a row of defaults.", sinceOnBothLines("4.8.0", "5.4.0"), pg("supported"), "low",
    "Supported from 4.8.0 (4.x) and 5.4.0 (5.x), but not together with an OUTPUT clause; earlier, name the columns and pass DEFAULT.", "No change needed.", [...U, ...C]),
  row("dml.insert.exec", "INSERT ... EXEC", "Insert the result set of a procedure.", always("supported"), pg("notSupported"), "low",
    "No change needed.", "Make the procedure a set-returning function and INSERT ... SELECT from it.", [AWS.supportedByVersion, ...C], { postgresqlComplexity: "medium" }),
  row("dml.group_by.rollup", "GROUP BY ROLLUP", "Subtotals.", steps(["1.0.0", "reviewManually"], ["3.3.0", "supported"]), pg("supported"), "low",
    "Supported (tested) from 3.3.0; before that, test it. WITH ROLLUP (the old syntax) is not supported.", "No change needed; WITH ROLLUP becomes ROLLUP(...).", [AWS.unsupported, ROLLUP_TEST, UNSUPPORTED_HANDLER, ...C]),
  row("dml.group_by.cube", "GROUP BY CUBE", "All subtotal combinations.", always("reviewManually"), pg("supported"), "low",
    "The syntax handler accepts CUBE(...) but no release test covers it; test it. WITH CUBE (the old syntax) is not supported.", "No change needed.", [AWS.unsupported, UNSUPPORTED_HANDLER, ...C], { verified: false }),
  row("dml.group_by.grouping_sets", "GROUPING SETS", "Explicit grouping sets.", always("reviewManually"), pg("supported"), "low",
    "The syntax handler accepts GROUPING SETS but no release test covers it; test it. GROUPING_ID() is rejected.", "No change needed.", [AWS.unsupported, UNSUPPORTED_HANDLER], { verified: false }),
  row("dml.group_by.all", "GROUP BY ALL", "Deprecated: groups for rows failing WHERE.", always("notSupported"), pg("notSupported"), "low",
    "Rewrite with a LEFT JOIN to the full set of groups.", "Rewrite with a LEFT JOIN to the full set of groups.", [AWS.unsupported]),
  row("dml.update.from", "UPDATE ... FROM with joins", "T-SQL UPDATE alias SET ... FROM t JOIN ...", always("supported"), pg("reviewSemantics"), "low",
    "No change needed.", "PostgreSQL UPDATE ... FROM must not repeat the target table in FROM.", [postgresDocs("sql-update", "UPDATE")],
    { example: "UPDATE a SET x = b.x FROM a JOIN b ON a.id = b.id; -- joins a twice in PostgreSQL" }),
  row("dml.delete.from_join", "DELETE ... FROM with joins", "DELETE t FROM t JOIN ...", always("supported"), pg("notSupported"), "low",
    "No change needed.", "Use DELETE FROM t USING other WHERE ...", [postgresDocs("sql-delete", "DELETE")]),
  row("dml.current_of", "WHERE CURRENT OF cursor", "Positioned UPDATE or DELETE.", always("notSupported"), pg("reviewManually"), "medium",
    "Update by key instead.", "PL/pgSQL supports WHERE CURRENT OF for FOR UPDATE cursors.", U),
  row("dml.for_browse", "SELECT ... FOR BROWSE", "Browse mode.", always("notSupported"), pg("notSupported"), "low", "Remove FOR BROWSE.", "Remove FOR BROWSE.", U),
  row("dml.offset_fetch", "ORDER BY ... OFFSET ... FETCH", "Paging clause.", steps(["1.0.0", "reviewManually"], ["3.5.0", "supported"], ["4.0.0", "reviewManually"], ["4.1.0", "supported"]), pg("supported"), "low",
    "Tested from 3.5.0 (3.x) and 4.1.0 (4.x); on earlier releases, test it.", "No change needed.", [OFFSET_FETCH_TEST, PG_SELECT]),
  row("dml.cte.recursive", "Recursive common table expression", "WITH cte AS (... UNION ALL ... cte).", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Add the RECURSIVE keyword; MAXRECURSION has no equivalent.", [PG_SELECT]),
  row("dml.tablesample", "TABLESAMPLE", "FROM t TABLESAMPLE (n PERCENT | n ROWS).", always("notSupported"), pg("notSupported"), "low",
    "Filter with a random predicate, or sample in the application.", "Use TABLESAMPLE SYSTEM (n) or BERNOULLI (n); ROWS has no equivalent.", [AWS.unsupported, PG_SELECT], { verified: false }),
  row("dml.for_system_time", "FOR SYSTEM_TIME (temporal query)", "Reads of a system-versioned table as of a time.", always("notSupported"), pg("notSupported"), "high",
    "Query the history table directly; temporal tables are not available.", "Keep history with triggers and query it with a time range.", [...U, ...C]),
  row("dml.update.write", "UPDATE ... SET col.WRITE(...)", "Partial update of a varchar(max) or varbinary(max) value.", always("notSupported"), pg("notSupported"), "low",
    "Use STUFF or SUBSTRING to rebuild the value.", "Use overlay(col placing ... from ... for ...).", U),
  row("dml.window.frame", "Window frame (ROWS / RANGE)", "OVER (... ROWS | RANGE BETWEEN ...); the frame unit is the detail.", always("reviewManually"), pg("supported"), "low",
    "Check the frame against the Babelfish version.", "No change needed; RANGE with an offset needs an ORDER BY on one numeric or date column.", [WINDOW_ROWS_TEST, PG_SELECT], {
      verified: false,
      details: [
        { detail: "rows", title: "ROWS frame", babelfish: steps(["1.0.0", "reviewManually"], ["2.1.0", "supported"]), remedy: "Supported (tested) from 2.1.0.", docs: [WINDOW_ROWS_TEST], verified: true },
        { detail: "range", title: "RANGE frame" },
      ],
    }),
  row("dml.graph_match", "Graph MATCH predicate", "MATCH(a-(e)->b) over node and edge tables.", always("notSupported"), pg("notSupported"), "high",
    "Rewrite as joins over the node and edge tables.", "Rewrite as joins, or use a recursive CTE for paths.", [AWS.unsupported, ...C]),
  row("dml.is_distinct_from", "IS [NOT] DISTINCT FROM", "NULL-safe comparison added in SQL Server 2022.", always("notSupported"), pg("supported"), "low",
    "No listed release accepts it; compare with an OR ... IS NULL pair.", "No change needed: PostgreSQL has the same predicate.", [AWS.unsupported, ...C, postgresDocs("functions-comparison", "Comparison functions and operators")]),
  row("dml.truncate.partitions", "TRUNCATE TABLE ... WITH (PARTITIONS ...)", "Truncates chosen partitions.", always("notSupported"), pg("notSupported"), "low",
    "Delete the rows of the partition range instead.", "Truncate the partition tables themselves.", [AWS.unsupported, AWS.partitioning, ...C, postgresDocs("sql-truncate", "TRUNCATE")]),
]);
