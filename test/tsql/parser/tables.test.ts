import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Literal } from "../../../src/tsql/ast/expressions.js";
import type { OptionNode } from "../../../src/tsql/ast/node.js";
import type {
  AlterIndexStatement,
  AlterSchemaStatement,
  AlterSequenceStatement,
  AlterTableAddTableElementStatement,
  AlterTableAlterColumnStatement,
  AlterTableChangeTrackingModificationStatement,
  AlterTableConstraintModificationStatement,
  AlterTableDropTableElementStatement,
  AlterTableRebuildStatement,
  AlterTableSetStatement,
  AlterTableSwitchStatement,
  AlterTableTriggerModificationStatement,
  CreateIndexStatement,
  CreateJsonIndexStatement,
  CreatePartitionFunctionStatement,
  CreatePartitionSchemeStatement,
  CreateSchemaStatement,
  CreateSequenceStatement,
  CreateSpatialIndexStatement,
  CreateSynonymStatement,
  CreateTableStatement,
  CreateTypeTableStatement,
  CreateTypeUddtStatement,
  CreateTypeUdtStatement,
  CreateXmlIndexStatement,
  DefaultConstraintDefinition,
  DropStatement,
  ForeignKeyConstraintDefinition,
  GraphConnectionConstraintDefinition,
  UniqueConstraintDefinition,
  UpdateStatisticsStatement,
} from "../../../src/tsql/ast/tables.js";
import { parse } from "../../../src/tsql/parse.js";
import { nameText, only } from "./helpers.js";


function option(options: readonly OptionNode[], name: string): OptionNode {
  const found = options.find((o) => o.name === name);
  assert.ok(found, `option ${name} in ${options.map((o) => o.name).join(", ")}`);
  return found;
}

function wordValue(o: OptionNode): string | undefined {
  return o.value?.type === "word" || o.value?.type === "number" || o.value?.type === "string"
    ? o.value.value
    : undefined;
}

describe("CREATE TABLE", () => {
  it("reads column options", () => {
    const s = only<CreateTableStatement>(`
      CREATE TABLE [dbo].[Invoice] (
        Id int IDENTITY(100, 5) NOT FOR REPLICATION NOT NULL,
        Code varchar(10) COLLATE Latin1_General_BIN2 NULL,
        Total AS Amount * 2 PERSISTED NOT NULL,
        Guid uniqueidentifier ROWGUIDCOL NOT NULL CONSTRAINT DF_Guid DEFAULT NEWID(),
        Tax char(4) SPARSE NULL,
        Card nvarchar(20) MASKED WITH (FUNCTION = 'partial(0,"X",4)') NULL
      ) ON [PRIMARY] TEXTIMAGE_ON [Blobs]`);
    assert.equal(s.kind, "CreateTableStatement");
    assert.equal(nameText(s.name), "dbo.Invoice");
    const [id, code, total, guid, tax, card] = s.definition!.columns;
    assert.equal((id!.identity!.seed as Literal).value, "100");
    assert.equal((id!.identity!.increment as Literal).value, "5");
    assert.equal(id!.identity!.notForReplication, true);
    assert.equal(id!.nullable, false);
    assert.equal(code!.collation!.value, "Latin1_General_BIN2");
    assert.equal(code!.dataType!.parameters[0], "10");
    assert.equal(code!.nullable, true);
    assert.equal(total!.computed?.kind, "BinaryExpression");
    assert.equal(total!.dataType, undefined);
    assert.equal(total!.persisted, true);
    assert.equal(guid!.rowGuidCol, true);
    const defaultConstraint = guid!.constraints[0] as DefaultConstraintDefinition;
    assert.equal(defaultConstraint.kind, "DefaultConstraintDefinition");
    assert.equal(defaultConstraint.name?.value, "DF_Guid");
    assert.equal(tax!.sparse, true);
    assert.equal(card!.maskingFunction, 'partial(0,"X",4)');
    assert.equal(s.on?.name.value, "PRIMARY");
    assert.equal(s.textImageOn?.name.value, "Blobs");
  });

  it("reads table constraints", () => {
    const s = only<CreateTableStatement>(`
      CREATE TABLE Sales.Line (
        OrderId int, LineId int, ProductId int,
        CONSTRAINT PK_Line PRIMARY KEY CLUSTERED (OrderId ASC, LineId DESC) WITH (FILLFACTOR = 80) ON ps (OrderId),
        CONSTRAINT FK_Line_Product FOREIGN KEY (ProductId) REFERENCES Catalog.Product (Id)
          ON DELETE CASCADE ON UPDATE SET NULL NOT FOR REPLICATION,
        CHECK (LineId > 0)
      )`);
    const [pk, fk, check] = s.definition!.constraints;
    const primaryKey = pk as UniqueConstraintDefinition;
    assert.equal(primaryKey.isPrimaryKey, true);
    assert.equal(primaryKey.clustering, "CLUSTERED");
    assert.deepEqual(primaryKey.columns.map((c) => [c.name.value, c.direction]), [["OrderId", "ASC"], ["LineId", "DESC"]]);
    assert.equal(wordValue(option(primaryKey.options, "FILLFACTOR")), "80");
    assert.equal(primaryKey.on?.name.value, "ps");
    assert.equal(primaryKey.on?.partitionColumns?.[0]?.value, "OrderId");
    const foreignKey = fk as ForeignKeyConstraintDefinition;
    assert.equal(foreignKey.kind, "ForeignKeyConstraintDefinition");
    assert.equal(nameText(foreignKey.referencedTable), "Catalog.Product");
    assert.equal(foreignKey.onDelete, "CASCADE");
    assert.equal(foreignKey.onUpdate, "SET NULL");
    assert.equal(foreignKey.notForReplication, true);
    assert.equal(check?.kind, "CheckConstraintDefinition");
  });

  it("reads a temporal table", () => {
    const s = only<CreateTableStatement>(`
      CREATE TABLE dbo.Rate (
        Id int PRIMARY KEY,
        ValidFrom datetime2 GENERATED ALWAYS AS ROW START HIDDEN NOT NULL,
        ValidTo datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
        PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo)
      ) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.RateHistory, HISTORY_RETENTION_PERIOD = 6 MONTHS))`);
    const columns = s.definition!.columns;
    assert.equal(columns[1]!.generatedAlways, "ROW START");
    assert.equal(columns[1]!.hidden, true);
    assert.equal(columns[2]!.generatedAlways, "ROW END");
    assert.equal(columns[2]!.hidden, false);
    assert.equal(s.definition!.period?.startColumn.value, "ValidFrom");
    assert.equal(s.definition!.period?.endColumn.value, "ValidTo");
    const versioning = option(s.options, "SYSTEM_VERSIONING");
    assert.equal(wordValue(versioning), "ON");
    const history = option(versioning.options ?? [], "HISTORY_TABLE");
    assert.equal(history.value?.type === "name" ? nameText(history.value.value) : undefined, "dbo.RateHistory");
    assert.equal(wordValue(option(versioning.options ?? [], "HISTORY_RETENTION_PERIOD")), "6 MONTHS");
  });

  it("reads ledger columns", () => {
    const s = only<CreateTableStatement>(`
      CREATE TABLE dbo.Entry (Id int,
        TxStart bigint GENERATED ALWAYS AS TRANSACTION_ID START HIDDEN NOT NULL,
        SeqEnd bigint GENERATED ALWAYS AS SEQUENCE_NUMBER END HIDDEN NULL)
      WITH (LEDGER = ON (APPEND_ONLY = ON))`);
    assert.equal(s.definition!.columns[1]!.generatedAlways, "TRANSACTION_ID START");
    assert.equal(s.definition!.columns[2]!.generatedAlways, "SEQUENCE_NUMBER END");
    assert.equal(wordValue(option(option(s.options, "LEDGER").options ?? [], "APPEND_ONLY")), "ON");
  });

  it("reads a memory-optimized table", () => {
    const s = only<CreateTableStatement>(`
      CREATE TABLE dbo.Cache (
        Id int NOT NULL PRIMARY KEY NONCLUSTERED HASH WITH (BUCKET_COUNT = 1024),
        UserId int NOT NULL INDEX IX_User HASH WITH (BUCKET_COUNT = 64),
        INDEX IX_Both UNIQUE NONCLUSTERED (Id, UserId)
      ) WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_ONLY)`);
    const pk = s.definition!.columns[0]!.constraints[0] as UniqueConstraintDefinition;
    assert.equal(pk.hash, true);
    assert.equal(pk.clustering, "NONCLUSTERED");
    assert.equal(wordValue(option(pk.options, "BUCKET_COUNT")), "1024");
    assert.equal(s.definition!.columns[1]!.index?.name.value, "IX_User");
    assert.equal(s.definition!.columns[1]!.index?.hash, true);
    assert.equal(s.definition!.indexes[0]!.unique, true);
    assert.equal(s.definition!.indexes[0]!.columns.length, 2);
    assert.equal(wordValue(option(s.options, "MEMORY_OPTIMIZED")), "ON");
    assert.equal(wordValue(option(s.options, "DURABILITY")), "SCHEMA_ONLY");
  });

  it("reads graph tables", () => {
    const node = only<CreateTableStatement>("CREATE TABLE Person (Id int PRIMARY KEY) AS NODE");
    assert.equal(node.tableType, "NODE");
    const bare = only<CreateTableStatement>("CREATE TABLE Follows AS EDGE");
    assert.equal(bare.tableType, "EDGE");
    assert.equal(bare.definition, undefined);
    const edge = only<CreateTableStatement>(
      "CREATE TABLE Likes (CONSTRAINT EC CONNECTION (Person TO Post, Person TO Person) ON DELETE CASCADE) AS EDGE",
    );
    const connection = edge.definition!.constraints[0] as GraphConnectionConstraintDefinition;
    assert.equal(connection.kind, "GraphConnectionConstraintDefinition");
    assert.equal(connection.connections.length, 2);
    assert.equal(connection.connections[0]!.to.name.value, "Post");
    assert.equal(connection.onDeleteCascade, true);
  });

  it("reads temporary tables and storage options", () => {
    const temp = only<CreateTableStatement>("CREATE TABLE #Work (Id int)");
    assert.equal(temp.name.name.value, "#Work");
    const global = only<CreateTableStatement>(`CREATE TABLE ##Shared (Id int) ON "default" FILESTREAM_ON Streams`);
    assert.equal(global.name.name.value, "##Shared");
    assert.equal(global.on?.name.value, "default");
    assert.equal(global.fileStreamOn?.name.value, "Streams");
  });

  it("keeps ON PARTITIONS of DATA_COMPRESSION", () => {
    const s = only<CreateTableStatement>(
      "CREATE TABLE t (a int) WITH (DATA_COMPRESSION = PAGE ON PARTITIONS (1, 3 TO 5))",
    );
    const compression = option(s.options, "DATA_COMPRESSION");
    assert.equal(wordValue(compression), "PAGE");
    const partitions = option(compression.options ?? [], "ON PARTITIONS");
    assert.equal(partitions.value?.type, "list");
    const values = partitions.value?.type === "list" ? partitions.value.values : [];
    const texts = values.map((v) => (v.type === "word" || v.type === "number" ? v.value : ""));
    assert.deepEqual(texts, ["1", "3 TO 5"]);
  });
});

describe("ALTER TABLE", () => {
  const triggerCases: [string, "ENABLE" | "DISABLE", boolean, string[]][] = [
    ["ALTER TABLE dbo.T ENABLE TRIGGER ALL", "ENABLE", true, []],
    ["ALTER TABLE dbo.T DISABLE TRIGGER ALL", "DISABLE", true, []],
    ["ALTER TABLE dbo.T DISABLE TRIGGER trg_A, [trg B]", "DISABLE", false, ["trg_A", "trg B"]],
    ["ALTER TABLE dbo.T ENABLE TRIGGER trg_A", "ENABLE", false, ["trg_A"]],
  ];
  for (const [text, action, all, triggers] of triggerCases) {
    it(`toggles triggers: ${text.slice(18)}`, () => {
      const s = only<AlterTableTriggerModificationStatement>(text);
      assert.equal(s.kind, "AlterTableTriggerModificationStatement");
      assert.equal(nameText(s.table), "dbo.T");
      assert.equal(s.action, action);
      assert.equal(s.all, all);
      assert.deepEqual(s.triggers.map((t) => t.value), triggers);
    });
  }

  it("adds a foreign key WITH CHECK", () => {
    const s = only<AlterTableAddTableElementStatement>(
      "ALTER TABLE [dbo].[Order] WITH CHECK ADD CONSTRAINT [FK_Order_Customer] FOREIGN KEY([CustomerId]) REFERENCES [dbo].[Customer] ([Id])",
    );
    assert.equal(s.kind, "AlterTableAddTableElementStatement");
    assert.equal(s.existingRowsCheck, "CHECK");
    const fk = s.definition.constraints[0] as ForeignKeyConstraintDefinition;
    assert.equal(fk.name?.value, "FK_Order_Customer");
    assert.deepEqual(fk.columns.map((c) => c.value), ["CustomerId"]);
    assert.deepEqual(fk.referencedColumns.map((c) => c.value), ["Id"]);
  });

  it("adds a default FOR a column", () => {
    const s = only<AlterTableAddTableElementStatement>(
      "ALTER TABLE dbo.T ADD CONSTRAINT DF_T_Flag DEFAULT ((0)) FOR [Flag] WITH VALUES",
    );
    const df = s.definition.constraints[0] as DefaultConstraintDefinition;
    assert.equal(df.kind, "DefaultConstraintDefinition");
    assert.equal(df.forColumn?.value, "Flag");
    assert.equal(df.withValues, true);
    assert.equal(df.expression.kind, "ParenthesizedExpression");
  });

  it("adds columns and a period", () => {
    const s = only<AlterTableAddTableElementStatement>(
      "ALTER TABLE dbo.T ADD a int NULL, b AS a + 1, PERIOD FOR SYSTEM_TIME (s, e)",
    );
    assert.deepEqual(s.definition.columns.map((c) => c.name.value), ["a", "b"]);
    assert.equal(s.definition.period?.endColumn.value, "e");
  });

  it("checks and nochecks constraints", () => {
    const check = only<AlterTableConstraintModificationStatement>("ALTER TABLE dbo.T CHECK CONSTRAINT FK_A, FK_B");
    assert.equal(check.kind, "AlterTableConstraintModificationStatement");
    assert.equal(check.action, "CHECK");
    assert.equal(check.all, false);
    assert.deepEqual(check.constraints.map((c) => c.value), ["FK_A", "FK_B"]);
    const nocheck = only<AlterTableConstraintModificationStatement>("ALTER TABLE dbo.T WITH NOCHECK NOCHECK CONSTRAINT ALL");
    assert.equal(nocheck.existingRowsCheck, "NOCHECK");
    assert.equal(nocheck.action, "NOCHECK");
    assert.equal(nocheck.all, true);
  });

  it("alters a column type", () => {
    const s = only<AlterTableAlterColumnStatement>(
      "ALTER TABLE dbo.T ALTER COLUMN Name nvarchar(100) COLLATE Latin1_General_CI_AS NOT NULL WITH (ONLINE = ON)",
    );
    assert.equal(s.kind, "AlterTableAlterColumnStatement");
    assert.equal(s.columnName.value, "Name");
    assert.equal(s.dataType?.name.name.value, "nvarchar");
    assert.equal(s.collation?.value, "Latin1_General_CI_AS");
    assert.equal(s.nullable, false);
    assert.equal(wordValue(option(s.options, "ONLINE")), "ON");
  });

  it("adds and drops column properties", () => {
    const add = only<AlterTableAlterColumnStatement>("ALTER TABLE dbo.T ALTER COLUMN Id ADD ROWGUIDCOL");
    assert.equal(add.propertyAction, "ADD");
    assert.equal(add.property, "ROWGUIDCOL");
    assert.equal(add.dataType, undefined);
    const drop = only<AlterTableAlterColumnStatement>("ALTER TABLE dbo.T ALTER COLUMN Id DROP NOT FOR REPLICATION");
    assert.equal(drop.property, "NOT FOR REPLICATION");
    const mask = only<AlterTableAlterColumnStatement>(
      "ALTER TABLE dbo.T ALTER COLUMN Mail ADD MASKED WITH (FUNCTION = 'email()')",
    );
    assert.equal(mask.property, "MASKED");
    assert.equal(mask.maskingFunction, "email()");
  });

  it("drops columns and constraints", () => {
    const s = only<AlterTableDropTableElementStatement>(
      "ALTER TABLE dbo.T DROP COLUMN IF EXISTS a, b, CONSTRAINT c WITH (ONLINE = ON), d, PERIOD FOR SYSTEM_TIME",
    );
    assert.deepEqual(
      s.elements.map((e) => [e.elementType, e.name?.value, e.ifExists]),
      [
        ["COLUMN", "a", true],
        ["COLUMN", "b", false],
        ["CONSTRAINT", "c", false],
        ["CONSTRAINT", "d", false],
        ["PERIOD FOR SYSTEM_TIME", undefined, false],
      ],
    );
    assert.equal(s.elements[2]!.options[0]!.name, "ONLINE");
  });

  it("switches partitions", () => {
    const s = only<AlterTableSwitchStatement>("ALTER TABLE dbo.T SWITCH PARTITION 2 TO dbo.U PARTITION 3");
    assert.equal(s.kind, "AlterTableSwitchStatement");
    assert.equal((s.sourcePartition as Literal).value, "2");
    assert.equal(nameText(s.target), "dbo.U");
    assert.equal((s.targetPartition as Literal).value, "3");
  });

  it("sets table options", () => {
    const s = only<AlterTableSetStatement>("ALTER TABLE dbo.T SET (SYSTEM_VERSIONING = OFF)");
    assert.equal(s.kind, "AlterTableSetStatement");
    assert.equal(wordValue(option(s.options, "SYSTEM_VERSIONING")), "OFF");
    const lock = only<AlterTableSetStatement>("ALTER TABLE dbo.T SET (LOCK_ESCALATION = TABLE)");
    assert.equal(wordValue(option(lock.options, "LOCK_ESCALATION")), "TABLE");
  });

  it("rebuilds and toggles change tracking", () => {
    const rebuild = only<AlterTableRebuildStatement>("ALTER TABLE dbo.T REBUILD PARTITION = ALL WITH (DATA_COMPRESSION = ROW)");
    assert.equal(rebuild.partition, "ALL");
    assert.equal(wordValue(option(rebuild.options, "DATA_COMPRESSION")), "ROW");
    const tracking = only<AlterTableChangeTrackingModificationStatement>(
      "ALTER TABLE dbo.T ENABLE CHANGE_TRACKING WITH (TRACK_COLUMNS_UPDATED = ON)",
    );
    assert.equal(tracking.kind, "AlterTableChangeTrackingModificationStatement");
    assert.equal(tracking.action, "ENABLE");
    assert.equal(tracking.trackColumnsUpdated, true);
  });
});

describe("indexes", () => {
  it("reads a filtered index with included columns", () => {
    const s = only<CreateIndexStatement>(`
      CREATE UNIQUE NONCLUSTERED INDEX IX_T ON dbo.T (a DESC, b) INCLUDE (c, d) WHERE a IS NOT NULL
      WITH (ONLINE = ON (WAIT_AT_LOW_PRIORITY (MAX_DURATION = 5 MINUTES, ABORT_AFTER_WAIT = SELF)), FILLFACTOR = 90)
      ON ps (a)`);
    assert.equal(s.kind, "CreateIndexStatement");
    assert.equal(s.unique, true);
    assert.equal(s.clustering, "NONCLUSTERED");
    assert.equal(s.columnStore, false);
    assert.deepEqual(s.columns.map((c) => [c.name.value, c.direction]), [["a", "DESC"], ["b", undefined]]);
    assert.deepEqual(s.include.map((c) => c.value), ["c", "d"]);
    assert.equal(s.where?.kind, "IsNullExpression");
    const online = option(s.options, "ONLINE");
    assert.equal(option(online.options ?? [], "WAIT_AT_LOW_PRIORITY").options?.length, 2);
    assert.equal(s.on?.partitionColumns?.[0]?.value, "a");
  });

  it("reads columnstore indexes", () => {
    const clustered = only<CreateIndexStatement>("CREATE CLUSTERED COLUMNSTORE INDEX CCI ON dw.Fact ORDER (d, s)");
    assert.equal(clustered.columnStore, true);
    assert.equal(clustered.clustering, "CLUSTERED");
    assert.equal(clustered.columns.length, 0);
    assert.deepEqual(clustered.order.map((c) => c.value), ["d", "s"]);
    const nonclustered = only<CreateIndexStatement>("CREATE COLUMNSTORE INDEX NCCI ON dw.Fact (a, b)");
    assert.equal(nonclustered.columnStore, true);
    assert.equal(nonclustered.clustering, undefined);
    assert.equal(nonclustered.columns.length, 2);
  });

  it("reads XML indexes", () => {
    const primary = only<CreateXmlIndexStatement>("CREATE PRIMARY XML INDEX PX ON dbo.T (Doc)");
    assert.equal(primary.kind, "CreateXmlIndexStatement");
    assert.equal(primary.primary, true);
    assert.equal(primary.columnName.value, "Doc");
    const secondary = only<CreateXmlIndexStatement>(
      "CREATE XML INDEX SX ON dbo.T (Doc) USING XML INDEX PX FOR PATH",
    );
    assert.equal(secondary.primary, false);
    assert.equal(secondary.usingIndex?.value, "PX");
    assert.equal(secondary.secondaryType, "PATH");
  });

  it("reads a spatial index with named bounds", () => {
    const s = only<CreateSpatialIndexStatement>(
      "CREATE SPATIAL INDEX SP ON g.P (Shape) USING GEOMETRY_GRID WITH (BOUNDING_BOX = (XMIN = 0, YMIN = 0, XMAX = 9, YMAX = 9), GRIDS = (LEVEL_1 = LOW))",
    );
    assert.equal(s.kind, "CreateSpatialIndexStatement");
    assert.equal(s.tessellation, "GEOMETRY_GRID");
    assert.deepEqual(option(s.options, "BOUNDING_BOX").options?.map((o) => o.name), ["XMIN", "YMIN", "XMAX", "YMAX"]);
    assert.equal(wordValue(option(option(s.options, "GRIDS").options ?? [], "LEVEL_1")), "LOW");
  });

  it("reads JSON and vector indexes", () => {
    const json = only<CreateJsonIndexStatement>("CREATE JSON INDEX JX ON dbo.E (Doc) FOR ('$.a', '$.b.c')");
    assert.equal(json.kind, "CreateJsonIndexStatement");
    assert.deepEqual(json.paths, ["$.a", "$.b.c"]);
    const vector = only<CreateJsonIndexStatement>("CREATE VECTOR INDEX VX ON dbo.E (Emb) WITH (METRIC = 'cosine')");
    assert.equal(vector.kind, "CreateVectorIndexStatement");
    assert.equal(wordValue(option(vector.options, "METRIC")), "cosine");
  });

  it("reads ALTER INDEX actions", () => {
    const all = only<AlterIndexStatement>("ALTER INDEX ALL ON dbo.T REBUILD PARTITION = 4 WITH (ONLINE = ON)");
    assert.equal(all.kind, "AlterIndexStatement");
    assert.equal(all.all, true);
    assert.equal(all.name, undefined);
    assert.equal(all.action, "REBUILD");
    assert.equal((all.partition as Literal).value, "4");
    const set = only<AlterIndexStatement>("ALTER INDEX IX ON dbo.T SET (ALLOW_PAGE_LOCKS = OFF)");
    assert.equal(set.name?.value, "IX");
    assert.equal(set.action, "SET");
    assert.equal(set.options[0]!.name, "ALLOW_PAGE_LOCKS");
    assert.equal(only<AlterIndexStatement>("ALTER INDEX IX ON dbo.T PAUSE").action, "PAUSE");
  });
});

describe("statistics and partitioning", () => {
  it("reads UPDATE STATISTICS, not UPDATE", () => {
    const s = only<UpdateStatisticsStatement>("UPDATE STATISTICS dbo.T (S1, S2) WITH SAMPLE 50 PERCENT, NORECOMPUTE");
    assert.equal(s.kind, "UpdateStatisticsStatement");
    assert.deepEqual(s.statistics.map((n) => n.value), ["S1", "S2"]);
    assert.equal(wordValue(option(s.options, "SAMPLE")), "50 PERCENT");
    assert.equal(s.options[1]!.name, "NORECOMPUTE");
  });

  it("reads a partition function", () => {
    const s = only<CreatePartitionFunctionStatement>(
      "CREATE PARTITION FUNCTION pf (date) AS RANGE RIGHT FOR VALUES ('2024-01-01', '2024-02-01')",
    );
    assert.equal(s.kind, "CreatePartitionFunctionStatement");
    assert.equal(s.parameterType.name.name.value, "date");
    assert.equal(s.range, "RIGHT");
    assert.equal(s.boundaryValues.length, 2);
  });

  it("reads a partition scheme", () => {
    const s = only<CreatePartitionSchemeStatement>("CREATE PARTITION SCHEME ps AS PARTITION pf ALL TO ([PRIMARY])");
    assert.equal(s.partitionFunction.value, "pf");
    assert.equal(s.all, true);
    assert.deepEqual(s.fileGroups.map((f) => f.value), ["PRIMARY"]);
  });
});

describe("types, sequences, synonyms and schemas", () => {
  it("reads the three kinds of CREATE TYPE", () => {
    const alias = only<CreateTypeUddtStatement>("CREATE TYPE dbo.Phone FROM varchar(20) NOT NULL");
    assert.equal(alias.kind, "CreateTypeUddtStatement");
    assert.equal(alias.baseType.name.name.value, "varchar");
    assert.equal(alias.nullable, false);
    const clr = only<CreateTypeUdtStatement>("CREATE TYPE dbo.Point EXTERNAL NAME Geo.[Geo.Point]");
    assert.equal(clr.kind, "CreateTypeUdtStatement");
    assert.equal(clr.assembly.value, "Geo");
    assert.equal(clr.className?.value, "Geo.Point");
    const table = only<CreateTypeTableStatement>(
      "CREATE TYPE dbo.Ids AS TABLE (Id int PRIMARY KEY NONCLUSTERED) WITH (MEMORY_OPTIMIZED = ON)",
    );
    assert.equal(table.kind, "CreateTypeTableStatement");
    assert.equal(table.definition.columns[0]!.name.value, "Id");
    assert.equal(wordValue(option(table.options, "MEMORY_OPTIMIZED")), "ON");
  });

  it("reads sequence options", () => {
    const s = only<CreateSequenceStatement>(
      "CREATE SEQUENCE dbo.S AS bigint START WITH 10 INCREMENT BY -1 NO MINVALUE MAXVALUE 100 CYCLE NO CACHE",
    );
    assert.equal(s.dataType?.name.name.value, "bigint");
    assert.equal((s.startWith as Literal).value, "10");
    assert.equal(s.incrementBy?.kind, "UnaryExpression");
    assert.equal(s.minValue, null);
    assert.equal((s.maxValue as Literal).value, "100");
    assert.equal(s.cycle, true);
    assert.equal(s.cache, false);
    const alter = only<AlterSequenceStatement>("ALTER SEQUENCE dbo.S RESTART WITH 5 CACHE 20");
    assert.equal((alter.restart as Literal).value, "5");
    assert.equal((alter.cache as Literal).value, "20");
  });

  it("reads a four-part synonym target", () => {
    const s = only<CreateSynonymStatement>("CREATE SYNONYM dbo.Orders FOR [Srv1].Erp.dbo.SalesOrder");
    assert.equal(s.kind, "CreateSynonymStatement");
    assert.equal(s.target.server?.value, "Srv1");
    assert.equal(nameText(s.target), "Srv1.Erp.dbo.SalesOrder");
  });

  it("reads schema elements until another statement", () => {
    const result = parse(
      "CREATE SCHEMA Sprint AUTHORIZATION dbo CREATE TABLE Task (Id int) CREATE VIEW V AS SELECT Id FROM Task; SELECT 1",
    );
    assert.deepEqual(result.diagnostics, []);
    const [schema, select] = result.batches[0]!.statements;
    const s = schema as CreateSchemaStatement;
    assert.equal(s.kind, "CreateSchemaStatement");
    assert.equal(s.name?.value, "Sprint");
    assert.equal(s.owner?.value, "dbo");
    assert.deepEqual(s.elements.map((e) => e.kind), ["CreateTableStatement", "CreateViewStatement"]);
    assert.equal(select?.kind, "SelectStatement");
  });

  it("reads ALTER SCHEMA TRANSFER classes", () => {
    const type = only<AlterSchemaStatement>("ALTER SCHEMA geo TRANSFER TYPE::dbo.Point");
    assert.equal(type.objectClass, "TYPE");
    assert.equal(nameText(type.object), "dbo.Point");
    const xml = only<AlterSchemaStatement>("ALTER SCHEMA geo TRANSFER XML SCHEMA COLLECTION::dbo.Docs");
    assert.equal(xml.objectClass, "XML SCHEMA COLLECTION");
    const plain = only<AlterSchemaStatement>("ALTER SCHEMA geo TRANSFER dbo.Shape");
    assert.equal(plain.objectClass, undefined);
  });
});

describe("DROP", () => {
  const cases: [string, string, boolean, string[]][] = [
    ["DROP TABLE IF EXISTS dbo.A, #B", "TABLE", true, ["dbo.A", "#B"]],
    ["DROP PROC dbo.P", "PROCEDURE", false, ["dbo.P"]],
    ["DROP VIEW v1, v2", "VIEW", false, ["v1", "v2"]],
    ["DROP SCHEMA IF EXISTS s", "SCHEMA", true, ["s"]],
    ["DROP APPLICATION ROLE App", "APPLICATION ROLE", false, ["App"]],
    ["DROP DATABASE SCOPED CREDENTIAL Lake", "DATABASE SCOPED CREDENTIAL", false, ["Lake"]],
    ["DROP XML SCHEMA COLLECTION dbo.X", "XML SCHEMA COLLECTION", false, ["dbo.X"]],
    ["DROP SERVER AUDIT SPECIFICATION Spec", "SERVER AUDIT SPECIFICATION", false, ["Spec"]],
    ["DROP MASTER KEY", "MASTER KEY", false, []],
    ["DROP STATISTICS dbo.T.S1", "STATISTICS", false, ["dbo.T.S1"]],
    ["DROP EXTERNAL MODEL Embedder", "EXTERNAL MODEL", false, ["Embedder"]],
    ["DROP SECURITY POLICY IF EXISTS rls.P", "SECURITY POLICY", true, ["rls.P"]],
  ];
  for (const [text, objectType, ifExists, names] of cases) {
    it(`reads ${text}`, () => {
      const s = only<DropStatement>(text);
      assert.equal(s.kind, "DropStatement");
      assert.equal(s.objectType, objectType);
      assert.equal(s.ifExists, ifExists);
      assert.deepEqual(s.names.map(nameText), names);
    });
  }

  it("reads the scope of DROP TRIGGER", () => {
    assert.equal(only<DropStatement>("DROP TRIGGER t ON ALL SERVER").on, "ALL SERVER");
    assert.equal(only<DropStatement>("DROP TRIGGER t ON DATABASE").on, "DATABASE");
    assert.equal(only<DropStatement>("DROP TRIGGER dbo.t").on, undefined);
  });

  it("reads both forms of DROP INDEX", () => {
    const s = only<DropStatement>("DROP INDEX IX_A ON dbo.T WITH (ONLINE = ON), dbo.U.IX_B");
    assert.equal(s.objectType, "INDEX");
    const [first, second] = s.indexes!;
    assert.equal(first!.index.value, "IX_A");
    assert.equal(nameText(first!.table!), "dbo.T");
    assert.equal(first!.options[0]!.name, "ONLINE");
    assert.equal(second!.index.value, "IX_B");
    assert.equal(nameText(second!.table!), "dbo.U");
  });

  it("reads DROP SENSITIVITY CLASSIFICATION columns", () => {
    const s = only<DropStatement>("DROP SENSITIVITY CLASSIFICATION FROM dbo.T.Email, dbo.T.Phone");
    assert.equal(s.objectType, "SENSITIVITY CLASSIFICATION");
    assert.deepEqual(s.names.map(nameText), ["dbo.T.Email", "dbo.T.Phone"]);
  });

  it("keeps trailing clauses", () => {
    const key = only<DropStatement>("DROP ASYMMETRIC KEY PartnerKey REMOVE PROVIDER KEY");
    assert.deepEqual(key.clauses, ["REMOVE PROVIDER KEY"]);
    const signature = only<DropStatement>("DROP COUNTER SIGNATURE FROM dbo.P BY CERTIFICATE C1, ASYMMETRIC KEY K1");
    assert.equal(signature.objectType, "COUNTER SIGNATURE");
    assert.deepEqual(signature.names.map(nameText), ["dbo.P"]);
    assert.deepEqual(signature.clauses, ["BY CERTIFICATE C1, ASYMMETRIC KEY K1"]);
  });
});

describe("table statement errors", () => {
  it("reports a bad ALTER TABLE action and resumes", () => {
    const result = parse("ALTER TABLE dbo.T RENAME TO U\nSELECT 1");
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
      ["1:19 parse.unexpected-token"],
    );
    const kinds = result.batches[0]!.statements.map((s) => s.kind);
    assert.deepEqual(kinds, ["ErrorStatement", "SelectStatement"]);
  });

  it("names the expected words in the message", () => {
    const result = parse("CREATE TABLE t (a int) AS GRAPH");
    assert.match(result.diagnostics[0]!.message, /NODE, EDGE or FILETABLE/);
    assert.match(result.diagnostics[0]!.message, /'GRAPH'/);
  });
});
