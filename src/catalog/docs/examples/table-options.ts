/** Examples for the table options family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const TABLE_OPTIONS: FamilyExamples = {
  group: "Table options",
  problem:
    "Storage features of SQL Server have no place in Babelfish: " +
    "FILESTREAM, FileTables, memory-optimized, temporal and graph tables " +
    "and global temporary tables are rejected. Partitioning is accepted " +
    "from Babelfish 4.3.0, but only with RANGE RIGHT partition functions " +
    "whose boundaries are all defined at creation. Storage options such " +
    "as filegroups, DATA_COMPRESSION and SPARSE are accepted and " +
    "ignored, so their effect is lost. Column " +
    "collations are accepted only for the collations Babelfish knows, and " +
    "comparisons can differ. Native PostgreSQL rejects all of this syntax.",
  solution:
    "Create ordinary tables and drop the storage clauses. Replace global " +
    "temporary tables with local ones or with a permanent table keyed by " +
    "session, keep history with triggers instead of system versioning, " +
    "and rewrite RANGE LEFT boundaries as RANGE RIGHT, or partition on " +
    "the PostgreSQL side. Check each column collation against the ones " +
    "Babelfish supports.",
  flagged: tsql`
CREATE TABLE ##OrderBatch (
    OrderId int IDENTITY(1, 1) NOT NULL,
    Notes nvarchar(200) SPARSE NULL,
    CustomerCode varchar(20) COLLATE Latin1_General_CS_AS NOT NULL
)
WITH (DATA_COMPRESSION = PAGE);
CREATE PARTITION FUNCTION pfOrderYear (int)
AS RANGE LEFT FOR VALUES (2023, 2024, 2025);
`,
  findings: [
    { featureId: "ddl.table.global_temporary", line: 1, column: 14, status: "notSupported" },
    { featureId: "ddl.column.identity", line: 2, column: 17, status: "supported" },
    { featureId: "ddl.column.sparse", line: 3, column: 25, status: "ignored" },
    { featureId: "ddl.column.collate", detail: "latin1_general_cs_as", line: 4, column: 30, status: "reviewSemantics" },
    { featureId: "ddl.table.data_compression", line: 6, column: 7, status: "ignored" },
    { featureId: "ddl.partition.function", detail: "range_left", line: 7, column: 1, status: "notSupported" },
  ],
  fine: tsql`
CREATE TABLE #OrderBatch (
    OrderId int IDENTITY(1, 1) NOT NULL,
    Notes nvarchar(200) NULL,
    CustomerCode varchar(20) NOT NULL
);
CREATE PARTITION FUNCTION pfOrderYear (int)
AS RANGE RIGHT FOR VALUES (2024, 2025, 2026);
`,
};
