/** Examples for the data types family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const DATA_TYPES: FamilyExamples = {
  group: "Data types",
  problem:
    "Babelfish creates most SQL Server types as PostgreSQL domains, but a " +
    "few have no counterpart: HIERARCHYID, typed XML bound to an XML " +
    "schema collection and CLR user-defined types are rejected. Others " +
    "are accepted with different behaviour: ROWVERSION values come from " +
    "the transaction id, so rows changed in one transaction share a " +
    "value, SQL_VARIANT compares base types differently, and the spatial " +
    "types implement only part of their methods. Native PostgreSQL has " +
    "none of these types and needs a mapping for each.",
  solution:
    "Model a hierarchy with a parent key or a materialized path, keep XML " +
    "untyped and validate it in the application, split SQL_VARIANT " +
    "columns into typed columns, and replace ROWVERSION in optimistic " +
    "locking with a version number or a modification time that the code " +
    "maintains. Keep spatial data only if every method the code calls is " +
    "implemented; on PostgreSQL use PostGIS.",
  flagged: tsql`
CREATE TABLE dbo.Asset (
    AssetId int NOT NULL,
    Node hierarchyid NOT NULL,
    Location geography NULL,
    Attributes sql_variant NULL,
    RowVer rowversion NOT NULL,
    Spec xml(CONTENT dbo.AssetSpecSchema) NULL
);
`,
  findings: [
    { featureId: "datatype.hierarchyid", line: 3, column: 10, status: "notSupported" },
    { featureId: "datatype.geography", line: 4, column: 14, status: "reviewSemantics" },
    { featureId: "datatype.sql_variant", line: 5, column: 16, status: "reviewSemantics" },
    { featureId: "datatype.rowversion", line: 6, column: 12, status: "reviewSemantics" },
    { featureId: "datatype.xml.schema_collection", line: 7, column: 10, status: "notSupported" },
  ],
  fine: tsql`
CREATE TABLE dbo.Asset (
    AssetId int NOT NULL,
    ParentAssetId int NULL,
    NodePath varchar(400) NOT NULL,
    Latitude decimal(9, 6) NULL,
    Longitude decimal(9, 6) NULL,
    AttributeName nvarchar(100) NULL,
    AttributeValue nvarchar(4000) NULL,
    Version int NOT NULL DEFAULT (1),
    Spec xml NULL
);
`,
};
