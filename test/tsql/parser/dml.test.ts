import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type {
  AssignmentSetClause,
  BulkInsertStatement,
  DeleteStatement,
  FunctionCallSetClause,
  InsertMergeAction,
  InsertStatement,
  MergeStatement,
  ReadTextStatement,
  SelectInsertSource,
  TruncateTableStatement,
  UpdateMergeAction,
  UpdateStatement,
  UpdateTextStatement,
  ValuesInsertSource,
  WriteTextStatement,
} from "../../../src/tsql/ast/dml.js";
import type {
  ColumnReference,
  Expression,
  Literal,
  VariableReference,
} from "../../../src/tsql/ast/expressions.js";
import type { SchemaObjectName } from "../../../src/tsql/ast/node.js";
import type { ExecuteStatement } from "../../../src/tsql/ast/procedural.js";
import type {
  NamedTableReference,
  TableReference,
  TableValuedFunctionReference,
  ValuesTableReference,
} from "../../../src/tsql/ast/query.js";
import type { Statement } from "../../../src/tsql/ast/statements.js";
import { parse } from "../../../src/tsql/parse.js";

function statements(text: string): Statement[] {
  const result = parse(text);
  return result.batches.flatMap((batch) => [...batch.statements]);
}

/** Parses text that must contain exactly one statement and no diagnostic. */
function only<T extends Statement>(text: string): T {
  const result = parse(text);
  const messages = result.diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.message}`,
  );
  assert.deepEqual(messages, [], `diagnostics for ${text}`);
  const list = result.batches.flatMap((batch) => [...batch.statements]);
  assert.equal(list.length, 1, `statement count for ${text}`);
  return list[0] as T;
}

function nameText(name: SchemaObjectName): string {
  const parts = [name.server, name.database, name.schema].filter(
    (part) => part !== undefined,
  );
  return [...parts.map((part) => part?.value ?? ""), name.name.value].join(".");
}

function columnText(column: ColumnReference | undefined): string {
  assert.ok(column, "missing column");
  return column.parts.map((part) => part.value).join(".");
}

function targetName(target: TableReference): string {
  assert.equal(target.kind, "NamedTableReference");
  return nameText((target as NamedTableReference).name);
}

function literal(expression: Expression | undefined): string {
  assert.equal(expression?.kind, "Literal");
  return (expression as Literal).value;
}

describe("INSERT", () => {
  it("reads VALUES rows and the column list", () => {
    const s = only<InsertStatement>(
      "INSERT INTO dbo.Pair (a, [b c]) VALUES (1, 2), (3, DEFAULT);",
    );
    assert.equal(s.kind, "InsertStatement");
    assert.equal(s.into, true);
    assert.equal(targetName(s.target), "dbo.Pair");
    assert.deepEqual(s.columns.map(columnText), ["a", "b c"]);
    const source = s.source as ValuesInsertSource;
    assert.equal(source.kind, "ValuesInsertSource");
    assert.equal(source.rows.length, 2);
    assert.equal(literal(source.rows[0]![1]), "2");
    assert.equal(source.rows[1]![1]!.kind, "DefaultExpression");
  });

  it("reads DEFAULT VALUES without INTO", () => {
    const s = only<InsertStatement>("INSERT dbo.Audit DEFAULT VALUES");
    assert.equal(s.into, false);
    assert.equal(s.source.kind, "DefaultValuesInsertSource");
    assert.deepEqual(s.columns, []);
  });

  it("reads TOP, hints and a query with UNION and ORDER BY", () => {
    const s = only<InsertStatement>(
      "INSERT TOP (10) PERCENT INTO dbo.T WITH (TABLOCK, KEEPIDENTITY) (a) " +
        "SELECT a FROM x UNION ALL SELECT a FROM y ORDER BY a " +
        "OPTION (MAXDOP 1)",
    );
    assert.equal(s.top?.percent, true);
    assert.equal(literal(s.top?.expression), "10");
    const target = s.target as NamedTableReference;
    assert.deepEqual(
      target.hints.map((hint) => hint.name),
      ["TABLOCK", "KEEPIDENTITY"],
    );
    const source = s.source as SelectInsertSource;
    assert.equal(source.kind, "SelectInsertSource");
    assert.equal(source.query.kind, "BinaryQueryExpression");
    assert.equal(source.query.orderBy?.items.length, 1);
    assert.deepEqual(s.options.map((hint) => hint.name), ["MAXDOP"]);
  });

  it("reads a parenthesised query after the column list", () => {
    const s = only<InsertStatement>("INSERT INTO t (a) (SELECT 1)");
    assert.deepEqual(s.columns.map(columnText), ["a"]);
    assert.equal(
      (s.source as SelectInsertSource).query.kind,
      "QueryParenthesis",
    );
  });

  it("reads a parenthesised query without a column list", () => {
    const s = only<InsertStatement>("INSERT INTO t (SELECT 1)");
    assert.deepEqual(s.columns, []);
    assert.equal(s.source.kind, "SelectInsertSource");
  });

  it("keeps a preceding common table expression", () => {
    const s = only<InsertStatement>(
      "WITH c (x) AS (SELECT 1) INSERT INTO t SELECT x FROM c",
    );
    assert.equal(s.with?.ctes[0]?.name.value, "c");
    assert.equal(s.start, 0);
  });

  it("targets a table variable", () => {
    const s = only<InsertStatement>("INSERT @rows (id) VALUES (1)");
    assert.equal(s.target.kind, "VariableTableReference");
  });

  it("targets OPENQUERY", () => {
    const s = only<InsertStatement>(
      "INSERT INTO OPENQUERY(Srv, 'SELECT a FROM t') VALUES (1)",
    );
    const target = s.target as TableValuedFunctionReference;
    assert.equal(target.kind, "TableValuedFunctionReference");
    assert.equal(target.call.name.name.value, "OPENQUERY");
    assert.equal(target.call.arguments.length, 2);
  });

  it("targets OPENROWSET with semicolon separators", () => {
    const s = only<InsertStatement>(
      "INSERT INTO OPENROWSET('Microsoft.ACE.OLEDB.12.0', 'C:\\a.accdb'; " +
        "'admin'; '', Bin) (BinId) SELECT 1",
    );
    const target = s.target as TableValuedFunctionReference;
    assert.equal(target.call.arguments.length, 5);
    assert.deepEqual(s.columns.map(columnText), ["BinId"]);
  });

  it("targets OPENDATASOURCE with an object path", () => {
    const s = only<InsertStatement>(
      "INSERT INTO OPENDATASOURCE('MSOLEDBSQL', 'Data Source=S').Db.dbo.Bin " +
        "(a) VALUES (1)",
    );
    const target = s.target as TableValuedFunctionReference;
    assert.deepEqual(
      target.path?.map((part) => part.value),
      ["Db", "dbo", "Bin"],
    );
    assert.deepEqual(s.columns.map(columnText), ["a"]);
  });

  it("takes an unreserved keyword as the table name", () => {
    const s = only<InsertStatement>("INSERT INTO output (value) VALUES (1)");
    assert.equal(targetName(s.target), "output");
    assert.deepEqual(s.columns.map(columnText), ["value"]);
  });
});

describe("INSERT ... EXECUTE", () => {
  /** The row source, which must be the EXECUTE statement's node. */
  function execSource(text: string): ExecuteStatement {
    const s = only<InsertStatement>(text);
    assert.equal(s.source.kind, "ExecuteStatement");
    const source = s.source as ExecuteStatement;
    assert.equal(source.insertSource, true);
    assert.equal(source.implicit, false);
    return source;
  }

  it("reads named, OUTPUT and DEFAULT arguments", () => {
    const source = execSource(
      "INSERT INTO #t EXEC @rc = dbo.GetStock @Id = 3, @Count OUTPUT, " +
        "@Mode = DEFAULT, 'x' WITH RECOMPILE",
    );
    assert.equal(source.returnStatus, "@rc");
    assert.equal(nameText(source.procedure!), "dbo.GetStock");
    assert.deepEqual(
      source.arguments.map((a) => [a.name ?? null, a.value?.kind ?? null, a.output, a.default]),
      [
        ["@Id", "Literal", false, false],
        [null, "VariableReference", true, false],
        ["@Mode", null, false, true],
        [null, "Literal", false, false],
      ],
    );
    assert.deepEqual(source.options.map((o) => o.name), ["RECOMPILE"]);
  });

  it("starts the source at EXEC", () => {
    const s = only<InsertStatement>("INSERT INTO #t\n  EXECUTE sp_who");
    assert.equal(s.source.line, 2);
    assert.equal(s.source.column, 3);
    assert.equal(s.end, s.source.end);
  });

  it("reads a procedure name in a variable", () => {
    const source = execSource("INSERT INTO #t EXECUTE @proc");
    assert.equal(source.procedureVariable, "@proc");
    assert.equal(source.procedure, undefined);
    assert.deepEqual(source.arguments, []);
  });

  it("reads a bare word argument as a string", () => {
    const source = execSource("INSERT #db EXEC sp_helpdb master");
    const [argument] = source.arguments;
    assert.equal(argument?.bareWord, true);
    assert.equal(literal(argument?.value), "master");
  });

  it("reads a numbered procedure", () => {
    const source = execSource("INSERT #t EXEC dbo.Orders;2 7");
    assert.equal(source.procedureNumber, "2");
    assert.equal(source.arguments.length, 1);
  });

  it("reads a command string run on a linked server", () => {
    const source = execSource("INSERT #t EXEC ('SELECT ?' + @tail, 4) AT RemoteSrv");
    assert.deepEqual(source.strings?.map((e) => e.kind), ["Literal", "VariableReference"]);
    assert.equal(source.arguments.length, 1);
    assert.equal(source.at?.dataSource, false);
    assert.equal(source.at?.name.value, "RemoteSrv");
  });

  it("reads AS USER and AT DATA_SOURCE", () => {
    const user = execSource("INSERT #t EXEC (@sql) AS USER = 'reader'");
    assert.equal(user.asContext?.type, "USER");
    assert.equal(literal(user.asContext?.name), "reader");
    const data = execSource("INSERT #t EXEC ('SELECT 1') AT DATA_SOURCE Poly");
    assert.equal(data.at?.dataSource, true);
    assert.equal(data.at?.name.value, "Poly");
  });

  it("rejects an expression as an argument, as SQL Server does", () => {
    const result = parse("INSERT #t EXEC dbo.p GETDATE()");
    assert.equal(result.diagnostics.length, 1);
    assert.match(result.diagnostics[0]!.message, /EXEC takes no expressions or function calls as arguments/);
  });

  it("ends the argument list at the next statement", () => {
    const list = statements("INSERT INTO #t EXEC sp_who\nSELECT * FROM #t");
    assert.deepEqual(
      list.map((s) => s.kind),
      ["InsertStatement", "SelectStatement"],
    );
    assert.deepEqual(
      ((list[0] as InsertStatement).source as ExecuteStatement).arguments,
      [],
    );
  });

  it("leaves a standalone EXEC unmarked", () => {
    const [exec] = statements("EXEC sp_who");
    assert.equal(exec?.kind, "ExecuteStatement");
    assert.equal((exec as ExecuteStatement).insertSource, undefined);
  });
});

describe("OUTPUT clause", () => {
  it("reads OUTPUT INTO with columns and a second OUTPUT", () => {
    const s = only<InsertStatement>(
      "INSERT t (a) OUTPUT inserted.a, inserted.* INTO @log (x, y) " +
        "OUTPUT inserted.a AS NewA VALUES (1)",
    );
    assert.equal(s.outputInto?.kind, "OutputIntoClause");
    assert.equal(s.outputInto?.into.kind, "VariableTableReference");
    assert.deepEqual(s.outputInto?.intoColumns.map(columnText), ["x", "y"]);
    assert.deepEqual(
      s.outputInto?.columns.map((c) => c.expression.kind),
      ["ColumnReference", "StarExpression"],
    );
    assert.equal(s.output?.columns[0]?.alias?.value, "NewA");
    assert.equal(s.source.kind, "ValuesInsertSource");
  });

  it("reads every alias style", () => {
    const s = only<UpdateStatement>(
      "UPDATE t SET a = 1 OUTPUT deleted.a AS OldA, inserted.a NewA, " +
        "inserted.b 'B', C = inserted.c",
    );
    assert.deepEqual(
      s.output?.columns.map((c) => [c.alias?.value, c.aliasStyle]),
      [
        ["OldA", "as"],
        ["NewA", "bare"],
        ["B", "string"],
        ["C", "equals"],
      ],
    );
  });

  it("reads OUTPUT INTO a table without columns", () => {
    const s = only<DeleteStatement>(
      "DELETE t OUTPUT deleted.* INTO Archive.dbo.T WHERE a = 1",
    );
    assert.equal(targetName(s.outputInto!.into), "Archive.dbo.T");
    assert.deepEqual(s.outputInto?.intoColumns, []);
    assert.equal(s.where?.kind, "ComparisonExpression");
  });
});

describe("UPDATE", () => {
  it("reads column, compound and DEFAULT assignments", () => {
    const s = only<UpdateStatement>(
      "UPDATE dbo.T SET a = 1, t.b += 2, c ||= 'x', d = DEFAULT",
    );
    const clauses = s.setClauses as AssignmentSetClause[];
    assert.deepEqual(
      clauses.map((c) => columnText(c.targetColumn)),
      ["a", "t.b", "c", "d"],
    );
    assert.deepEqual(clauses.map((c) => c.operator), ["=", "+=", "||=", "="]);
    assert.equal(clauses[3]!.value.kind, "DefaultExpression");
  });

  it("reads variable assignments", () => {
    const s = only<UpdateStatement>(
      "UPDATE c SET @next = Last = Last + 1, @old = Last, @sum += Last",
    );
    const clauses = s.setClauses as AssignmentSetClause[];
    assert.equal(clauses[0]!.variable?.name, "@next");
    assert.equal(columnText(clauses[0]!.targetColumn), "Last");
    assert.equal(clauses[0]!.value.kind, "BinaryExpression");
    assert.equal(clauses[1]!.targetColumn, undefined);
    assert.equal(clauses[1]!.value.kind, "ColumnReference");
    assert.equal(clauses[2]!.operator, "+=");
  });

  it("reads .WRITE and CLR method calls", () => {
    const text = "UPDATE d SET Body.WRITE(N'x', NULL, 0), Shape.SetXY(1, 2)";
    const s = only<UpdateStatement>(text);
    const clauses = s.setClauses as FunctionCallSetClause[];
    assert.deepEqual(
      clauses.map((c) => c.kind),
      ["FunctionCallSetClause", "FunctionCallSetClause"],
    );
    assert.equal(clauses[0]!.call.method.value, "WRITE");
    assert.equal(
      columnText(clauses[0]!.call.target as ColumnReference),
      "Body",
    );
    assert.equal(
      text.slice(clauses[0]!.call.target.start, clauses[0]!.call.target.end),
      "Body",
    );
    assert.equal(clauses[0]!.call.arguments.length, 3);
    assert.equal(clauses[1]!.call.method.value, "SetXY");
  });

  it("reads a CLR property assignment as a column", () => {
    const s = only<UpdateStatement>("UPDATE s SET Location.X = 15");
    const clause = s.setClauses[0] as AssignmentSetClause;
    assert.equal(clause.kind, "AssignmentSetClause");
    assert.equal(columnText(clause.targetColumn), "Location.X");
  });

  it("reads TOP, hints, FROM with joins, WHERE and OPTION", () => {
    const s = only<UpdateStatement>(
      "UPDATE TOP (5) o SET o.Total = 0 FROM dbo.Orders AS o " +
        "INNER JOIN dbo.C c ON c.Id = o.Cid " +
        "WHERE c.Closed = 1 OPTION (HASH JOIN)",
    );
    assert.equal(s.top?.percent, false);
    assert.equal(targetName(s.target), "o");
    assert.equal(s.from.length, 1);
    assert.equal(s.from[0]!.kind, "JoinTableReference");
    assert.equal(s.where?.kind, "ComparisonExpression");
    assert.deepEqual(s.options.map((hint) => hint.name), ["HASH JOIN"]);
  });

  it("reads hints with and without WITH", () => {
    const withWord = only<UpdateStatement>(
      "UPDATE q WITH (ROWLOCK, READPAST) SET a = 1",
    );
    assert.deepEqual(
      (withWord.target as NamedTableReference).hints.map((h) => h.name),
      ["ROWLOCK", "READPAST"],
    );
    const bare = only<UpdateStatement>("UPDATE q (ROWLOCK) SET a = 1");
    assert.deepEqual(
      (bare.target as NamedTableReference).hints.map((h) => h.name),
      ["ROWLOCK"],
    );
  });

  it("reads WHERE CURRENT OF", () => {
    const cases: [string, boolean, string][] = [
      ["UPDATE t SET a = 1 WHERE CURRENT OF c1", false, "c1"],
      ["UPDATE t SET a = 1 WHERE CURRENT OF GLOBAL c1", true, "c1"],
      ["UPDATE t SET a = 1 WHERE CURRENT OF @c", false, "@c"],
      ["UPDATE t SET a = 1 WHERE CURRENT OF global", false, "global"],
    ];
    for (const [text, global, cursor] of cases) {
      const s = only<UpdateStatement>(text);
      assert.equal(s.currentOf?.global, global, text);
      const name = s.currentOf!.cursor.kind === "Identifier"
        ? s.currentOf!.cursor.value
        : (s.currentOf!.cursor as VariableReference).name;
      assert.equal(name, cursor, text);
      assert.equal(s.where, undefined, text);
    }
  });

  it("targets OPENQUERY", () => {
    const s = only<UpdateStatement>(
      "UPDATE OPENQUERY(Srv, 'SELECT a FROM t') SET a = 0",
    );
    assert.equal(s.target.kind, "TableValuedFunctionReference");
  });
});

describe("DELETE", () => {
  it("reads the optional first FROM", () => {
    const withFrom = only<DeleteStatement>("DELETE FROM dbo.S WHERE a < 1");
    assert.equal(targetName(withFrom.target), "dbo.S");
    assert.deepEqual(withFrom.from, []);
    const without = only<DeleteStatement>("DELETE dbo.S");
    assert.equal(targetName(without.target), "dbo.S");
    assert.equal(without.where, undefined);
  });

  it("reads the FROM extension with joins", () => {
    const s = only<DeleteStatement>(
      "DELETE o FROM dbo.Orders AS o JOIN dbo.C AS c ON c.Id = o.Cid " +
        "WHERE c.Closed = 1",
    );
    assert.equal(targetName(s.target), "o");
    assert.equal(s.from[0]!.kind, "JoinTableReference");
  });

  it("reads both FROM clauses, TOP and hints", () => {
    const s = only<DeleteStatement>(
      "DELETE TOP (10) PERCENT FROM dbo.L WITH (TABLOCKX) " +
        "FROM dbo.L JOIN dbo.R ON R.Id = L.Id",
    );
    assert.equal(s.top?.percent, true);
    assert.deepEqual(
      (s.target as NamedTableReference).hints.map((h) => h.name),
      ["TABLOCKX"],
    );
    assert.equal(s.from.length, 1);
  });

  it("reads WHERE CURRENT OF", () => {
    const s = only<DeleteStatement>("DELETE FROM t WHERE CURRENT OF GLOBAL c1");
    assert.equal(s.currentOf?.global, true);
  });

  it("keeps a preceding common table expression", () => {
    const s = only<DeleteStatement>(
      "WITH d AS (SELECT 1 AS rn) DELETE FROM d WHERE rn > 1",
    );
    assert.equal(s.with?.ctes.length, 1);
  });
});

describe("MERGE", () => {
  const full =
    "MERGE INTO dbo.P WITH (HOLDLOCK) AS tgt " +
    "USING (VALUES (1, 'a')) AS s (Id, Name) ON tgt.Id = s.Id " +
    "WHEN MATCHED AND tgt.Name <> s.Name THEN UPDATE SET Name = s.Name " +
    "WHEN MATCHED THEN DELETE " +
    "WHEN NOT MATCHED THEN INSERT (Id, Name) VALUES (s.Id, s.Name) " +
    "WHEN NOT MATCHED BY TARGET THEN INSERT DEFAULT VALUES " +
    "WHEN NOT MATCHED BY SOURCE THEN DELETE " +
    "OUTPUT $action, inserted.*, deleted.Id INTO @log OUTPUT $action " +
    "OPTION (MAXDOP 1);";

  it("reads target, alias, hints and the USING source", () => {
    const s = only<MergeStatement>(full);
    assert.equal(s.kind, "MergeStatement");
    assert.equal(s.into, true);
    const target = s.target as NamedTableReference;
    assert.equal(nameText(target.name), "dbo.P");
    assert.equal(target.alias?.value, "tgt");
    assert.deepEqual(target.hints.map((h) => h.name), ["HOLDLOCK"]);
    const using = s.using as ValuesTableReference;
    assert.equal(using.kind, "ValuesTableReference");
    assert.deepEqual(using.columns?.map((c) => c.value), ["Id", "Name"]);
    assert.equal(s.on.kind, "ComparisonExpression");
  });

  it("reads every WHEN clause", () => {
    const s = only<MergeStatement>(full);
    assert.deepEqual(
      s.clauses.map(
        (c) => [c.condition, c.action.kind, c.searchCondition !== undefined],
      ),
      [
        ["MATCHED", "UpdateMergeAction", true],
        ["MATCHED", "DeleteMergeAction", false],
        ["NOT MATCHED BY TARGET", "InsertMergeAction", false],
        ["NOT MATCHED BY TARGET", "InsertMergeAction", false],
        ["NOT MATCHED BY SOURCE", "DeleteMergeAction", false],
      ],
    );
    const update = s.clauses[0]!.action as UpdateMergeAction;
    assert.equal(
      columnText((update.setClauses[0] as AssignmentSetClause).targetColumn),
      "Name",
    );
    const insert = s.clauses[2]!.action as InsertMergeAction;
    assert.deepEqual(insert.columns.map(columnText), ["Id", "Name"]);
    assert.equal(insert.values?.length, 2);
    assert.equal(insert.defaultValues, false);
    const defaults = s.clauses[3]!.action as InsertMergeAction;
    assert.equal(defaults.defaultValues, true);
    assert.equal(defaults.values, undefined);
  });

  it("reads OUTPUT with $action and OPTION", () => {
    const s = only<MergeStatement>(full);
    const first = s.outputInto?.columns[0]?.expression as ColumnReference;
    assert.equal(columnText(first), "$action");
    assert.equal(s.output?.columns.length, 1);
    assert.deepEqual(s.options.map((h) => h.name), ["MAXDOP"]);
  });

  it("records the terminating semicolon", () => {
    const s = only<MergeStatement>(full);
    assert.equal(s.terminated, true);
    assert.ok(full.slice(s.start, s.end).endsWith("(MAXDOP 1);"));
  });

  it("reads MERGE without a semicolon before the next statement", () => {
    const list = statements(
      "MERGE t USING s ON t.a = s.a WHEN MATCHED THEN DELETE\nSELECT 1\n" +
        "MERGE t USING s ON t.a = s.a " +
        "WHEN NOT MATCHED THEN INSERT VALUES (s.a)\nDELETE FROM t",
    );
    assert.deepEqual(
      list.map((s) => s.kind),
      [
        "MergeStatement",
        "SelectStatement",
        "MergeStatement",
        "DeleteStatement",
      ],
    );
    assert.equal((list[0] as MergeStatement).terminated, false);
    assert.equal((list[2] as MergeStatement).terminated, false);
  });

  it("takes TARGET and SOURCE as names", () => {
    const s = only<MergeStatement>(
      "MERGE target USING source ON target.id = source.id " +
        "WHEN NOT MATCHED BY target THEN INSERT (id) VALUES (source.id);",
    );
    assert.equal(targetName(s.target), "target");
    assert.equal((s.using as NamedTableReference).name.name.value, "source");
    assert.equal(s.clauses[0]!.condition, "NOT MATCHED BY TARGET");
  });

  it("reads a table variable target with TOP", () => {
    const s = only<MergeStatement>(
      "MERGE TOP (3) @r AS r USING t ON r.a = t.a WHEN MATCHED THEN DELETE;",
    );
    assert.equal(s.target.kind, "VariableTableReference");
    assert.equal(s.target.alias?.value, "r");
    assert.equal(literal(s.top?.expression), "3");
    assert.equal(s.into, false);
  });

  it("keeps a preceding common table expression", () => {
    const s = only<MergeStatement>(
      "WITH x AS (SELECT 1 AS a) MERGE t USING x ON t.a = x.a " +
        "WHEN MATCHED THEN DELETE;",
    );
    assert.equal(s.with?.ctes[0]?.name.value, "x");
  });
});

describe("BULK INSERT, TRUNCATE TABLE", () => {
  it("reads BULK INSERT options and ORDER", () => {
    const s = only<BulkInsertStatement>(
      "BULK INSERT db.dbo.R FROM 'C:\\r.csv' WITH (FORMAT = 'CSV', " +
        "FIRSTROW = 2, TABLOCK, ORDER (Id ASC, At DESC))",
    );
    assert.equal(s.kind, "BulkInsertStatement");
    assert.equal(nameText(s.table), "db.dbo.R");
    assert.equal(literal(s.file), "C:\\r.csv");
    assert.deepEqual(
      s.options.map((o) => o.name),
      ["FORMAT", "FIRSTROW", "TABLOCK"],
    );
    assert.deepEqual(s.options[0]?.value, { type: "string", value: "CSV" });
    assert.deepEqual(
      s.order.map(
        (o) => [columnText(o.expression as ColumnReference), o.direction],
      ),
      [["Id", "ASC"], ["At", "DESC"]],
    );
  });

  it("reads BULK INSERT without options", () => {
    const s = only<BulkInsertStatement>("BULK INSERT R FROM 'r.csv'");
    assert.deepEqual(s.options, []);
    assert.deepEqual(s.order, []);
  });

  it("reads TRUNCATE TABLE partitions", () => {
    const s = only<TruncateTableStatement>(
      "TRUNCATE TABLE dbo.L WITH (PARTITIONS (1, 3 TO 5))",
    );
    assert.equal(nameText(s.table), "dbo.L");
    assert.deepEqual(
      s.partitions.map((r) => [literal(r.from), r.to ? literal(r.to) : null]),
      [["1", null], ["3", "5"]],
    );
    const whole = only<TruncateTableStatement>("TRUNCATE TABLE L");
    assert.deepEqual(whole.partitions, []);
  });
});

describe("READTEXT, WRITETEXT, UPDATETEXT", () => {
  it("reads READTEXT", () => {
    const s = only<ReadTextStatement>("READTEXT dbo.M.Body @ptr 0 -1 HOLDLOCK");
    assert.equal(columnText(s.textColumn), "dbo.M.Body");
    assert.equal(s.textPointer.kind, "VariableReference");
    assert.equal(literal(s.offset), "0");
    assert.equal(s.size.kind, "UnaryExpression");
    assert.equal(s.holdLock, true);
  });

  it("reads WRITETEXT", () => {
    const s = only<WriteTextStatement>(
      "WRITETEXT BULK M.Body @ptr WITH LOG N'text'",
    );
    assert.equal(s.bulk, true);
    assert.equal(s.withLog, true);
    assert.equal(literal(s.data), "text");
  });

  it("reads UPDATETEXT with data or a source column", () => {
    const data = only<UpdateTextStatement>(
      "UPDATETEXT M.Body @ptr NULL 0 WITH LOG 'tail'",
    );
    assert.equal(literal(data.insertOffset), "NULL");
    assert.equal(literal(data.data), "tail");
    assert.equal(data.sourceTextColumn, undefined);
    const copy = only<UpdateTextStatement>(
      "UPDATETEXT M.Body @ptr 4 2 D.Body @src",
    );
    assert.equal(columnText(copy.sourceTextColumn), "D.Body");
    assert.equal((copy.sourceTextPointer as VariableReference).name, "@src");
    assert.equal(copy.data, undefined);
    const none = only<UpdateTextStatement>("UPDATETEXT M.Body @ptr NULL NULL");
    assert.equal(none.withLog, false);
    assert.equal(none.data, undefined);
  });
});

describe("DML recovery", () => {
  const cases: [string, string, string[], string[]][] = [
    [
      "UPDATE without SET",
      "UPDATE t WHERE a = 1\nDELETE FROM t",
      ["1:10 parse.unexpected-token"],
      ["ErrorStatement", "DeleteStatement"],
    ],
    [
      "MERGE without WHEN",
      "MERGE t USING s ON t.a = s.a\nSELECT 1",
      ["2:1 parse.unexpected-token"],
      ["ErrorStatement", "SelectStatement"],
    ],
    [
      "unbalanced VALUES row",
      "INSERT INTO t VALUES (1, (2)\nINSERT INTO t VALUES (3)",
      ["2:1 parse.unexpected-token"],
      ["ErrorStatement", "InsertStatement"],
    ],
    [
      "unclosed column list",
      "INSERT INTO t (a, b VALUES (1, 2);\nTRUNCATE TABLE t",
      ["1:21 parse.unexpected-token"],
      ["ErrorStatement", "TruncateTableStatement"],
    ],
    [
      "TRUNCATE without TABLE",
      "TRUNCATE t;\nBULK INSERT t FROM 'f'",
      ["1:10 parse.unexpected-token"],
      ["ErrorStatement", "BulkInsertStatement"],
    ],
  ];

  for (const [name, text, expectedDiagnostics, expectedKinds] of cases) {
    it(name, () => {
      const result = parse(text);
      assert.deepEqual(
        result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
        expectedDiagnostics,
      );
      const kinds = result.batches.flatMap(
        (b) => b.statements.map((s) => s.kind),
      );
      assert.deepEqual(kinds, expectedKinds);
    });
  }

  it("names what was expected", () => {
    const result = parse(
      "MERGE t USING s ON t.a = s.a WHEN MATCHED THEN INSERT VALUES (1);",
    );
    assert.equal(result.diagnostics.length, 1);
    assert.match(
      result.diagnostics[0]!.message,
      /expected UPDATE or DELETE but found 'INSERT'/,
    );
  });
});
