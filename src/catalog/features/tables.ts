/** Table and column options. */
import { always, family, pg, pgSince, row, since } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  ESCAPE_HATCHES,
  microsoftDocs,
  POSTGRESQL_18_FEATURES,
  postgresDocs,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

const PG_CREATE_TABLE = postgresDocs("sql-createtable", "CREATE TABLE");
const PG_PARTITION = postgresDocs("ddl-partitioning", "Table partitioning");
const PG_GENERATED_18 = postgresDocs("ddl-generated-columns", "Generated columns", "18");
const C = COMPASS_FEATURES;
const U = [AWS.unsupported, UNSUPPORTED_HANDLER, ...C];

export const TABLE_FEATURES = family("Table options", [
  row("ddl.table.filestream", "FILESTREAM column or filegroup", "Columns stored as FILESTREAM, or FILESTREAM_ON.", always("notSupported"), pg("notSupported"), "high",
    "Store the files in Amazon S3 and keep the key in a column.", "Store the files in object storage, or as bytea for small files.", U),
  row("ddl.table.filetable", "FileTable", "CREATE TABLE ... AS FILETABLE.", always("notSupported"), pg("notSupported"), "high",
    "Replace with object storage and a metadata table.", "Replace with object storage and a metadata table.", U, { verified: false }),
  row("ddl.table.temporal", "System-versioned temporal table", "PERIOD FOR SYSTEM_TIME and SYSTEM_VERSIONING = ON.", always("notSupported"), pg("notSupported"), "high",
    "Keep history with triggers writing to a history table.", "Keep history with triggers, or the temporal_tables extension where available.", U),
  row("ddl.table.memory_optimized", "Memory-optimized table", "MEMORY_OPTIMIZED = ON and DURABILITY options.", always("notSupported"), pg("notSupported"), "medium",
    "Create an ordinary table; check the workload's latency.", "Create an ordinary or UNLOGGED table.", [AWS.unsupported], { verified: false }),
  row("ddl.table.graph_node", "Graph NODE table", "CREATE TABLE ... AS NODE.", always("notSupported"), pg("notSupported"), "high",
    "Model nodes as ordinary tables.", "Model nodes as ordinary tables, or use Apache AGE.", [AWS.unsupported]),
  row("ddl.table.graph_edge", "Graph EDGE table and MATCH", "CREATE TABLE ... AS EDGE and MATCH predicates.", always("notSupported"), pg("notSupported"), "high",
    "Model edges as link tables and MATCH as joins or recursive CTEs.", "Model edges as link tables; rewrite MATCH as recursive CTEs.", [AWS.unsupported]),
  // Babelfish 4.3.0 added partitioning with limits: no ALTER PARTITION
  // FUNCTION or SCHEME (so no SPLIT or MERGE RANGE), no RANGE LEFT, no
  // computed partition column, no SWITCH and no TRUNCATE ... PARTITIONS.
  row("ddl.table.partitioned", "Partitioned table (ON partition_scheme)", "Table or index created on a partition scheme.", since("4.3.0", "supported", "notSupported", "partitioned tables and aligned indexes"), pg("reviewManually"), "high",
    "Before 4.3.0 create the table without partitioning; from 4.3.0 check that the partition column is not computed and indexes are aligned.", "Use declarative partitioning (PARTITION BY RANGE/LIST/HASH).", [AWS.partitioning, ...U, PG_PARTITION]),
  row("ddl.partition.function", "Partition function", "CREATE or ALTER PARTITION FUNCTION.", since("4.3.0", "reviewManually", "notSupported", "RANGE RIGHT only"), pg("notSupported"), "high",
    "From 4.3.0 define every boundary at creation with RANGE RIGHT; SPLIT and MERGE RANGE are not available.", "Express the boundaries as PARTITION OF ... FOR VALUES.", [AWS.partitioning, ...U, PG_PARTITION], {
      details: [
        { detail: "range_right", title: "CREATE PARTITION FUNCTION ... RANGE RIGHT", babelfish: since("4.3.0", "supported", "notSupported") },
        { detail: "range_left", title: "CREATE PARTITION FUNCTION ... RANGE LEFT (the default)", babelfish: always("notSupported"), remedy: "Rewrite the boundaries for RANGE RIGHT, which Babelfish supports from 4.3.0." },
        { detail: "alter", title: "ALTER PARTITION FUNCTION (SPLIT or MERGE RANGE)", babelfish: always("notSupported"), remedy: "Create the function with every boundary up front; Babelfish cannot split or merge ranges." },
      ],
    }),
  row("ddl.partition.scheme", "Partition scheme", "CREATE or ALTER PARTITION SCHEME.", since("4.3.0", "supported", "notSupported", "filegroups are placeholders"), pg("notSupported"), "medium",
    "Before 4.3.0 drop the partition scheme; from 4.3.0 filegroups are accepted but store nothing apart.", "Map filegroups to tablespaces only if needed.", [AWS.partitioning, ...U, PG_PARTITION], {
      details: [
        { detail: "alter", title: "ALTER PARTITION SCHEME ... NEXT USED", babelfish: always("notSupported"), remedy: "Create the scheme with every filegroup up front." },
      ],
    }),
  row("ddl.table.filegroup", "ON filegroup / TEXTIMAGE_ON", "Storage placement on a named filegroup.", always("ignored"), pg("notSupported"), "low",
    "None; Babelfish accepts and ignores storage options by default.", "Remove the clause, or use TABLESPACE.", [ESCAPE_HATCHES, UNSUPPORTED_HANDLER]),
  row("ddl.table.data_compression", "DATA_COMPRESSION table option", "ROW or PAGE compression.", always("ignored"), pg("notSupported"), "low",
    "None; the option is accepted and ignored.", "Remove the option; PostgreSQL compresses large values with TOAST.", [ESCAPE_HATCHES]),
  row("ddl.column.sparse", "SPARSE column", "SPARSE column attribute and column sets.", always("ignored"), pg("notSupported"), "low",
    "None; SPARSE is accepted and ignored.", "Remove SPARSE; NULLs take no space in PostgreSQL rows beyond the null bitmap.", [AWS.unsupported]),
  row("ddl.column.rowguidcol", "ROWGUIDCOL column", "ROWGUIDCOL column attribute.", always("ignored"), pg("notSupported"), "low",
    "None; accepted and ignored, but $ROWGUID references fail.", "Remove ROWGUIDCOL; keep the uuid column.", [AWS.unsupported, ESCAPE_HATCHES]),
  row("ddl.column.masked", "Dynamic data masking (MASKED WITH)", "Column masking functions.", always("notSupported"), pg("notSupported"), "medium",
    "Mask in views or in the application.", "Mask in views, or use the postgresql_anonymizer extension.", U),
  row("ddl.column.computed", "Computed column (not persisted)", "Column defined AS expression, computed on read.", always("supported"), pgSince("18", "reviewSemantics", "notSupported", "virtual generated columns"), "low",
    "No change needed.", "Before PostgreSQL 18 use GENERATED ALWAYS AS (...) STORED or a view; PostgreSQL 18 adds virtual generated columns.", [AWS.supportedByVersion, POSTGRESQL_18_FEATURES, PG_GENERATED_18, PG_CREATE_TABLE],
    { postgresqlComplexity: "medium", example: "CREATE TABLE t (a int, b AS a * 2); -- GENERATED ALWAYS AS (a * 2) in PostgreSQL" }),
  row("ddl.column.computed_persisted", "PERSISTED computed column", "Computed column stored on write.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use GENERATED ALWAYS AS (...) STORED; the expression must be immutable.", [PG_CREATE_TABLE]),
  row("ddl.column.collate", "Column-level COLLATE", "Explicit collation on a column.", always("reviewSemantics"), pg("reviewSemantics"), "medium",
    "Check that the collation is one Babelfish supports; unsupported names are rejected.", "Map to an ICU collation; case-insensitive comparisons need a nondeterministic collation.", [AWS.collations, postgresDocs("collation", "Collation support")],
    { example: "CREATE TABLE t (c varchar(10) COLLATE Latin1_General_CS_AS);" }),
  row("ddl.column.identity", "IDENTITY column", "IDENTITY(seed, increment) column.", always("supported"), pg("reviewManually"), "low",
    "No change needed; gaps after rollbacks also occur in SQL Server.", "Use GENERATED BY DEFAULT AS IDENTITY; SET IDENTITY_INSERT becomes OVERRIDING SYSTEM VALUE.", [AWS.supportedByVersion, PG_CREATE_TABLE]),
  row("ddl.column.identity_function", "IDENTITY() function in SELECT INTO", "SELECT IDENTITY(int, 1, 1) AS id INTO ...", since("3.4.0"), pg("notSupported"), "low",
    "Supported from 3.4.0; earlier, create the table first, then INSERT ... SELECT.", "Create the table with an identity column, then INSERT ... SELECT.", [ESCAPE_HATCHES, ...C]),
  row("ddl.table.global_temporary", "Global temporary table (##name)", "Temporary table visible to all sessions.", always("notSupported"), pg("notSupported"), "medium",
    "Use a permanent table with a session key, or a local #temp table.", "Use an UNLOGGED permanent table with a session key.", U),
  row("ddl.table.temporary", "Local temporary table (#name)", "Session-scoped temporary table.", always("supported"), pg("reviewSemantics"), "low",
    "No change needed.", "Use CREATE TEMPORARY TABLE; scope is the session, not the procedure that created it.", [AWS.supportedByVersion, PG_CREATE_TABLE],
    { example: "CREATE PROCEDURE p AS CREATE TABLE #t (id int); -- dropped at procedure end in SQL Server" }),
  row("ddl.table.variable", "Table variable (DECLARE @t TABLE)", "Table variables.", always("supported"), pg("notSupported"), "low",
    "No change needed.", "Use a temporary table or an array of a composite type.", [AWS.supportedByVersion], { postgresqlComplexity: "medium" }),
  row("ddl.table.alter_column", "ALTER TABLE ... ALTER COLUMN", "Changing a column's type or nullability.", always("reviewManually"), pg("reviewManually"), "low",
    "ALTER COLUMN with NULL, NOT NULL or COLLATE is rejected; change them in separate steps.", "Use ALTER COLUMN ... TYPE / SET NOT NULL / DROP NOT NULL.", [UNSUPPORTED_HANDLER]),
  row("ddl.table.nocheck_constraint", "ALTER TABLE WITH NOCHECK / NOCHECK CONSTRAINT", "Adding or disabling constraints without checking rows.", always("notSupported"), pg("reviewManually"), "medium",
    "Add the constraint with checking, after cleaning the data.", "Use NOT VALID, then VALIDATE CONSTRAINT later.", [UNSUPPORTED_HANDLER, ESCAPE_HATCHES]),
  // The 4.4.0 syntax handler rejects LOCK_ESCALATION with no escape hatch.
  row("ddl.table.lock_escalation", "LOCK_ESCALATION table option", "ALTER TABLE ... SET (LOCK_ESCALATION = ...).", always("notSupported"), pg("notSupported"), "low",
    "Remove the statement; it is rejected, not ignored.", "Remove the option; PostgreSQL does not escalate row locks.", [UNSUPPORTED_HANDLER, ...C]),
  row("ddl.synonym", "CREATE SYNONYM", "Alias for another object.", always("notSupported"), pg("notSupported"), "low",
    "Use a view, or qualify the name; no listed release supports synonyms.", "Use a view, or put the schema on the search_path.", [AWS.unsupported, ...C]),
  row("ddl.sequence", "CREATE SEQUENCE and NEXT VALUE FOR", "Sequence objects.", since("2.4.0"), pg("reviewManually"), "low",
    "No change needed from 2.4.0.", "Use CREATE SEQUENCE and nextval('name').", [AWS.supportedByVersion]),
  row("ddl.rule", "CREATE RULE / sp_bindrule (deprecated)", "Legacy rule objects bound to columns.", always("notSupported"), pg("notSupported"), "low",
    "Replace with CHECK constraints.", "Replace with CHECK constraints.", [AWS.unsupported]),
  row("ddl.default_object", "CREATE DEFAULT / sp_bindefault (deprecated)", "Legacy default objects bound to columns.", always("notSupported"), pg("notSupported"), "low",
    "Replace with DEFAULT constraints.", "Replace with column DEFAULT clauses.", [AWS.unsupported]),
  row("ddl.table.ledger", "Ledger table (LEDGER = ON)", "Updatable or append-only ledger tables and their GENERATED ALWAYS AS TRANSACTION_ID / SEQUENCE_NUMBER columns.", always("notSupported"), pg("notSupported"), "high",
    "Create an ordinary table; keep tamper evidence with an audit table or an external ledger.", "Create an ordinary table; keep tamper evidence with an audit table or an external ledger.",
    [microsoftDocs("relational-databases/security/ledger/ledger-overview", "Ledger overview")], { verified: false }),
  row("ddl.table.change_tracking", "ALTER TABLE ... ENABLE / DISABLE CHANGE_TRACKING", "Change tracking on a table.", always("notSupported"), pg("notSupported"), "medium",
    "Track changes with triggers writing to a change table.", "Track changes with triggers or logical decoding.", U),
  row("ddl.partition.switch", "ALTER TABLE ... SWITCH [PARTITION]", "Moving a table or partition into another table.", always("notSupported"), pg("reviewManually"), "high",
    "Move the rows with INSERT ... SELECT and DELETE.", "Use ALTER TABLE ... ATTACH PARTITION / DETACH PARTITION.", [...U, AWS.partitioning, PG_PARTITION]),
  row("ddl.table.rebuild", "ALTER TABLE ... REBUILD", "Rebuilding a heap or all partitions of a table.", always("notSupported"), pg("notSupported"), "low",
    "Remove it; storage maintenance is done by PostgreSQL.", "Use VACUUM FULL or CLUSTER if the table needs rewriting.", [UNSUPPORTED_HANDLER, ...C]),
  row("ddl.table.check_constraint", "ALTER TABLE ... [WITH CHECK] CHECK CONSTRAINT", "Re-enabling disabled constraints and checking existing rows.", always("reviewSemantics"), pg("reviewManually"), "low",
    "Compass rates it a semantic review: constraints are never disabled in Babelfish, so the statement does not re-check rows the way SQL Server does.", "Use ALTER TABLE ... VALIDATE CONSTRAINT for a NOT VALID constraint.", [UNSUPPORTED_HANDLER, ...C, PG_CREATE_TABLE],
    { example: "ALTER TABLE t WITH CHECK CHECK CONSTRAINT ck_amount; -- rows were never unchecked in Babelfish" }),
  row("ddl.table.option", "Other table option", "A WITH (...) or SET (...) table option without an entry of its own; the option name is the detail.", always("reviewManually"), pg("notSupported"), "low",
    "Check the option against the Babelfish version; storage options are usually accepted and ignored.", "Remove the option or map it to a storage parameter.", [ESCAPE_HATCHES, UNSUPPORTED_HANDLER], { verified: false }),
]);
