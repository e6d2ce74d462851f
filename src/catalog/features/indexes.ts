/** Indexes and index options. */
import { always, family, pg, row, steps } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  ESCAPE_HATCHES,
  extensionsTest,
  postgresDocs,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

// INCLUDE appears in release tests from the 3.8 and 4.2 branches; filtered
// indexes from the 1.0 branch. The syntax handler rejects neither.
const INCLUDE_TEST = extensionsTest("BABEL_4_2_STABLE", "BABEL_4817-vu-prepare.mix", "Babelfish 3.8.0 (3.x) and 4.2.0 (4.x) and later");
const FILTERED_TEST = extensionsTest("BABEL_1_0_STABLE", "BABEL-493.sql", "Babelfish 1.0.0 and later");

const PG_INDEX = postgresDocs("sql-createindex", "CREATE INDEX");
const U = [AWS.unsupported, UNSUPPORTED_HANDLER];

/** Index options Babelfish accepts and ignores by default (escape hatch `ignore`). */
const IGNORED_OPTIONS = [
  "fillfactor", "pad_index", "data_compression", "online", "sort_in_tempdb",
  "allow_row_locks", "allow_page_locks", "maxdop", "statistics_norecompute",
  "statistics_incremental", "optimize_for_sequential_key", "resumable", "max_duration",
];

export const INDEX_FEATURES = family("Indexes", [
  row("ddl.index.clustered", "Clustered index", "CLUSTERED primary key, unique constraint or index.", always("reviewPerformance"), pg("reviewPerformance"), "low",
    "The index is created as a non-clustered B-tree; rows are not kept in key order.", "Create a B-tree index; run CLUSTER once if physical order matters.", [ESCAPE_HATCHES, PG_INDEX]),
  row("ddl.index.nonclustered", "Non-clustered index", "Ordinary B-tree index.", always("supported"), pg("supported"), "low",
    "No change needed.", "No change needed beyond syntax (drop NONCLUSTERED).", [AWS.supportedByVersion, PG_INDEX]),
  row("ddl.index.unique", "Unique index", "CREATE UNIQUE INDEX.", always("supported"), pg("reviewSemantics"), "low",
    "No change needed.", "PostgreSQL allows many NULLs in a unique index; add NULLS NOT DISTINCT to match SQL Server.", [AWS.supportedByVersion, PG_INDEX],
    { example: "CREATE UNIQUE INDEX ux ON t (c);\nINSERT t (c) VALUES (NULL), (NULL); -- fails in SQL Server" }),
  row("ddl.index.include", "Index with INCLUDE columns", "Covering index.", steps(["1.0.0", "reviewManually"], ["3.8.0", "supported"], ["4.0.0", "reviewManually"], ["4.2.0", "supported"]), pg("supported"), "low",
    "Tested from 3.8.0 (3.x) and 4.2.0 (4.x); on earlier releases, test it.", "No change needed; PostgreSQL supports INCLUDE.", [INCLUDE_TEST, UNSUPPORTED_HANDLER, PG_INDEX]),
  row("ddl.index.filtered", "Filtered index (WHERE)", "Index with a WHERE predicate.", always("supported"), pg("supported"), "low",
    "No change needed.", "No change needed; this is a partial index.", [FILTERED_TEST, PG_INDEX]),
  row("ddl.index.columnstore", "Columnstore index", "CLUSTERED or NONCLUSTERED COLUMNSTORE index.", always("notSupported"), pg("notSupported"), "medium",
    "Drop it; use B-tree indexes or an analytics store.", "Drop it; consider BRIN indexes or a columnar extension.", U),
  row("ddl.index.xml", "XML index", "PRIMARY or secondary XML index, selective XML index.", always("notSupported"), pg("notSupported"), "medium",
    "Drop it; index extracted values in computed columns.", "Index expressions over xpath() results.", U),
  row("ddl.index.spatial", "Spatial index", "CREATE SPATIAL INDEX.", always("notSupported"), pg("notSupported"), "medium",
    "Drop it.", "Use a GiST index with PostGIS.", U),
  // Compass: CREATE and DROP FULLTEXT INDEX from 3.5.0; CONTAINS on one
  // column from 4.0.0 and on several columns from 5.2.0.
  row("ddl.index.fulltext", "Full-text index and catalog", "CREATE FULLTEXT INDEX / CATALOG / STOPLIST.", steps(["1.0.0", "notSupported"], ["3.5.0", "reviewManually"]), pg("notSupported"), "high",
    "From 3.5.0 CREATE and DROP FULLTEXT INDEX work but ALTER FULLTEXT INDEX and most CONTAINS forms do not; check each query. Earlier, rewrite with PostgreSQL text search.", "Use tsvector columns with GIN indexes.", [...U, ...COMPASS_FEATURES, postgresDocs("textsearch", "Full text search")]),
  row("ddl.index.alter", "ALTER INDEX (REBUILD, REORGANIZE, DISABLE)", "Index maintenance statements.", always("notSupported"), pg("notSupported"), "low",
    "Remove from code; maintenance is done with PostgreSQL tools.", "Use REINDEX; there is no DISABLE.", U),
  row("ddl.index.inline", "Inline index in CREATE TABLE", "INDEX clause inside a column or table definition.", always("notSupported"), pg("notSupported"), "low",
    "Create the index with a separate CREATE INDEX.", "Create the index with a separate CREATE INDEX.", U),
  row("ddl.index.ignore_dup_key", "IGNORE_DUP_KEY index option", "Silently discard duplicate keys on insert.", always("notSupported"), pg("notSupported"), "medium",
    "Rewrite inserts to skip existing keys.", "Use INSERT ... ON CONFLICT DO NOTHING.", [ESCAPE_HATCHES, UNSUPPORTED_HANDLER]),
  row("ddl.index.drop_existing", "DROP_EXISTING index option", "Recreate an index in place.", always("ignored"), pg("notSupported"), "low",
    "None; accepted and ignored.", "Drop and create the index, or use REINDEX.", [UNSUPPORTED_HANDLER, ESCAPE_HATCHES]),
  row("ddl.index.option", "Index storage option", "WITH (option = value) on an index; the option name is the detail.", always("ignored"), pg("notSupported"), "low",
    "None; Babelfish accepts and ignores storage options by default.", "Remove the option; FILLFACTOR is the only one PostgreSQL shares.", [UNSUPPORTED_HANDLER, ESCAPE_HATCHES],
    {
      details: [
        ...IGNORED_OPTIONS.filter((option) => option !== "fillfactor").map((option) => ({
          detail: option,
          title: `Index option ${option.toUpperCase()}`,
        })),
        {
          detail: "fillfactor",
          title: "Index option FILLFACTOR",
          postgresql: pg("reviewManually"),
          postgresqlRemedy: "Keep WITH (fillfactor = n).",
        },
      ],
    }),
  row("ddl.statistics", "CREATE / UPDATE STATISTICS", "Manual statistics objects and updates.", always("notSupported"), pg("reviewManually"), "low",
    "Remove; PostgreSQL analyses tables automatically.", "Use ANALYZE, or CREATE STATISTICS for multi-column statistics.", [AWS.unsupported, postgresDocs("sql-analyze", "ANALYZE")]),
  row("ddl.view.indexed", "Indexed view (view with a clustered index)", "Materialised view maintained by SQL Server.", always("notSupported"), pg("notSupported"), "high",
    "Use a plain view, or a table maintained by triggers.", "Use a MATERIALIZED VIEW refreshed on a schedule, or triggers.", [AWS.unsupported]),
  row("ddl.index.json", "JSON index (SQL Server 2025)", "CREATE JSON INDEX on a json column.", always("notSupported"), pg("reviewManually"), "medium",
    "Drop it; index extracted values in computed columns.", "Use a GIN index on a jsonb column, or expression indexes on extracted paths.", [PG_INDEX], { verified: false }),
  row("ddl.index.vector", "Vector index (SQL Server 2025)", "CREATE VECTOR INDEX on a vector column.", always("notSupported"), pg("reviewManually"), "medium",
    "Drop it, or move vector search to pgvector from the PostgreSQL port.", "Use a pgvector HNSW or IVFFlat index.", [PG_INDEX], { verified: false }),
]);
