import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../../src/tsql/parse.js";
import type { Statement } from "../../../src/tsql/ast/statements.js";
import type {
  BeginTransactionStatement,
  CloseCursorStatement,
  CommitTransactionStatement,
  DeallocateCursorStatement,
  DeclareCursorStatement,
  DeclareVariableStatement,
  ExecuteStatement,
  FetchCursorStatement,
  OpenCursorStatement,
  PrintStatement,
  RaiserrorStatement,
  RollbackTransactionStatement,
  SaveTransactionStatement,
  SetCommandStatement,
  SetIdentityInsertStatement,
  SetOptionsStatement,
  SetTransactionIsolationLevelStatement,
  SetVariableStatement,
  ThrowStatement,
  UseStatement,
  WaitForStatement,
} from "../../../src/tsql/ast/procedural.js";
import type { TryCatchStatement } from "../../../src/tsql/ast/control-flow.js";

/** Parses text that must be valid and returns its statements. */
function statements(text: string): Statement[] {
  const result = parse(text);
  assert.deepEqual(
    result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`),
    [],
    `unexpected diagnostics for: ${text}`,
  );
  return result.batches.flatMap((batch) => batch.statements);
}

/** Parses one statement of the expected kind. */
function only<T extends Statement>(text: string, kind: T["kind"]): T {
  const list = statements(text);
  assert.equal(list.length, 1, `expected one statement in: ${text}`);
  assert.equal(list[0]!.kind, kind);
  return list[0] as T;
}

function diagnosticsOf(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
}

// DECLARE.

test("DECLARE scalar variables with types and values", () => {
  const s = only<DeclareVariableStatement>(
    "DECLARE @a int = 5, @b AS varchar(10), @c CURSOR, @d decimal(18, 2) = -1.5",
    "DeclareVariableStatement",
  );
  assert.deepEqual(
    s.declarations.map((d) => d.name),
    ["@a", "@b", "@c", "@d"],
  );
  assert.equal(s.declarations[0]!.dataType?.name.name.value, "int");
  assert.equal(s.declarations[0]!.value?.kind, "Literal");
  assert.deepEqual(s.declarations[1]!.dataType?.parameters, ["10"]);
  assert.equal(s.declarations[1]!.value, undefined);
  assert.equal(s.declarations[2]!.cursor, true);
  assert.equal(s.declarations[2]!.dataType, undefined);
  assert.deepEqual(s.declarations[3]!.dataType?.parameters, ["18", "2"]);
  assert.equal(s.declarations[3]!.value?.kind, "UnaryExpression");
});

test("DECLARE table variable columns and constraints", () => {
  const s = only<DeclareVariableStatement>(
    `DECLARE @t TABLE (
       id int IDENTITY(1, 1) PRIMARY KEY NONCLUSTERED,
       code varchar(5) COLLATE Latin1_General_BIN NOT NULL DEFAULT 'x',
       qty int NULL CHECK (qty > 0),
       total AS qty * 2,
       day date INDEX ix_day CLUSTERED,
       UNIQUE (code, day DESC),
       INDEX ix_code NONCLUSTERED (code) INCLUDE (qty),
       INDEX cci CLUSTERED COLUMNSTORE)`,
    "DeclareVariableStatement",
  );
  const table = s.declarations[0]!.table;
  assert.ok(table);
  assert.deepEqual(
    table.columns.map((c) => c.name.value),
    ["id", "code", "qty", "total", "day"],
  );

  const [id, code, qty, total, day] = table.columns;
  assert.equal(id!.identity?.seed?.kind, "Literal");
  assert.equal(id!.constraints[0]!.type, "PRIMARY KEY");
  assert.equal(id!.constraints[0]!.clustered, "NONCLUSTERED");
  assert.equal(code!.collation?.value, "Latin1_General_BIN");
  assert.equal(code!.nullable, false);
  assert.equal(code!.default?.kind, "Literal");
  assert.equal(qty!.nullable, true);
  assert.equal(qty!.constraints[0]!.type, "CHECK");
  assert.equal(total!.dataType, undefined);
  assert.equal(total!.computed?.kind, "BinaryExpression");
  assert.equal(day!.index?.name.value, "ix_day");
  assert.equal(day!.index?.clustered, "CLUSTERED");

  assert.equal(table.constraints.length, 1);
  assert.equal(table.constraints[0]!.type, "UNIQUE");
  assert.deepEqual(
    table.constraints[0]!.columns.map((c) => [c.name.value, c.order]),
    [
      ["code", undefined],
      ["day", "DESC"],
    ],
  );
  assert.deepEqual(
    table.indexes.map((i) => [i.name.value, i.clustered, i.columnstore]),
    [
      ["ix_code", "NONCLUSTERED", false],
      ["cci", "CLUSTERED", true],
    ],
  );
  assert.deepEqual(
    table.indexes[0]!.include.map((c) => c.value),
    ["qty"],
  );
});

// Cursors.

const cursorCases: [string, string, string[], boolean, string | undefined][] = [
  ["no options", "DECLARE c CURSOR FOR SELECT 1", [], false, undefined],
  [
    "extended options",
    "DECLARE c CURSOR LOCAL FORWARD_ONLY STATIC READ_ONLY TYPE_WARNING FOR SELECT a FROM t",
    ["LOCAL", "FORWARD_ONLY", "STATIC", "READ_ONLY", "TYPE_WARNING"],
    false,
    undefined,
  ],
  [
    "scroll keyset",
    "DECLARE c CURSOR GLOBAL SCROLL KEYSET SCROLL_LOCKS FOR SELECT a FROM t FOR UPDATE",
    ["GLOBAL", "SCROLL", "KEYSET", "SCROLL_LOCKS"],
    false,
    "UPDATE",
  ],
  [
    "dynamic optimistic",
    "DECLARE c CURSOR DYNAMIC OPTIMISTIC FOR SELECT a FROM t",
    ["DYNAMIC", "OPTIMISTIC"],
    false,
    undefined,
  ],
  [
    "fast forward",
    "DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT a FROM t",
    ["LOCAL", "FAST_FORWARD"],
    false,
    undefined,
  ],
  [
    "ISO insensitive scroll",
    "DECLARE c INSENSITIVE SCROLL CURSOR FOR SELECT a FROM t FOR READ ONLY",
    ["INSENSITIVE", "SCROLL"],
    true,
    "READ ONLY",
  ],
  ["ISO scroll", "DECLARE c SCROLL CURSOR FOR SELECT a FROM t", ["SCROLL"], true, undefined],
];

for (const [name, text, options, iso, forClause] of cursorCases) {
  test(`DECLARE CURSOR ${name}`, () => {
    const s = only<DeclareCursorStatement>(text, "DeclareCursorStatement");
    assert.equal(s.name.value, "c");
    assert.deepEqual(s.definition.options, options);
    assert.equal(s.definition.iso, iso);
    assert.equal(s.definition.forClause, forClause);
    assert.equal(s.definition.query.kind, "QuerySpecification");
  });
}

test("DECLARE CURSOR FOR UPDATE OF columns", () => {
  const s = only<DeclareCursorStatement>(
    "DECLARE c CURSOR FOR SELECT a, b FROM t FOR UPDATE OF a, b",
    "DeclareCursorStatement",
  );
  assert.equal(s.definition.forClause, "UPDATE");
  assert.deepEqual(
    s.definition.updateColumns?.map((c) => c.value),
    ["a", "b"],
  );
});

test("DECLARE CURSOR with CTE and OPTION", () => {
  const s = only<DeclareCursorStatement>(
    "DECLARE c CURSOR FOR WITH x AS (SELECT 1 AS n) SELECT n FROM x OPTION (MAXDOP 1)",
    "DeclareCursorStatement",
  );
  assert.equal(s.definition.with?.ctes.length, 1);
  assert.equal(s.definition.hints[0]!.name, "MAXDOP");
});

const fetchCases: [string, string | undefined, boolean][] = [
  ["FETCH c", undefined, false],
  ["FETCH FROM c", undefined, false],
  ["FETCH NEXT FROM c", "NEXT", false],
  ["FETCH PRIOR FROM c", "PRIOR", false],
  ["FETCH FIRST FROM c", "FIRST", false],
  ["FETCH LAST FROM c", "LAST", false],
  ["FETCH ABSOLUTE 4 FROM c", "ABSOLUTE", true],
  ["FETCH RELATIVE -2 FROM c", "RELATIVE", true],
  ["FETCH ABSOLUTE @n FROM c", "ABSOLUTE", true],
  ["FETCH NEXT c", "NEXT", false],
];

for (const [text, orientation, hasOffset] of fetchCases) {
  test(`fetch orientation of ${text}`, () => {
    const s = only<FetchCursorStatement>(text, "FetchCursorStatement");
    assert.equal(s.orientation, orientation);
    assert.equal(s.offset !== undefined, hasOffset);
    assert.equal(s.cursor.name?.value, "c");
    assert.deepEqual(s.into, []);
  });
}

test("FETCH GLOBAL cursor INTO variables", () => {
  const s = only<FetchCursorStatement>("FETCH NEXT FROM GLOBAL c INTO @a, @b", "FetchCursorStatement");
  assert.equal(s.cursor.global, true);
  assert.deepEqual(
    s.into.map((v) => v.name),
    ["@a", "@b"],
  );
});

test("FETCH from cursor variable", () => {
  const s = only<FetchCursorStatement>("FETCH LAST FROM @cur INTO @x", "FetchCursorStatement");
  assert.equal(s.cursor.variable, "@cur");
  assert.equal(s.cursor.name, undefined);
});

test("FETCH from a cursor named next", () => {
  const s = only<FetchCursorStatement>("FETCH next", "FetchCursorStatement");
  assert.equal(s.orientation, undefined);
  assert.equal(s.cursor.name?.value, "next");
});

test("OPEN CLOSE DEALLOCATE cursors", () => {
  const [open, close, deallocate, global] = statements("OPEN c CLOSE @v DEALLOCATE GLOBAL g OPEN global");
  assert.equal((open as OpenCursorStatement).cursor.name?.value, "c");
  assert.equal((close as CloseCursorStatement).cursor.variable, "@v");
  assert.equal((deallocate as DeallocateCursorStatement).cursor.global, true);
  assert.equal((deallocate as DeallocateCursorStatement).cursor.name?.value, "g");
  assert.equal((global as OpenCursorStatement).cursor.global, false);
  assert.equal((global as OpenCursorStatement).cursor.name?.value, "global");
});

test("FETCH with an unknown orientation", () => {
  assert.deepEqual(diagnosticsOf("FETCH BACKWARD FROM c\nCLOSE c"), ["1:7 parse.unexpected-token"]);
});

// SET.

for (const operator of ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="]) {
  test(`SET variable with ${operator}`, () => {
    const s = only<SetVariableStatement>(`SET @total ${operator} @x + 1`, "SetVariableStatement");
    assert.equal(s.variable, "@total");
    assert.equal(s.operator, operator);
    assert.equal(s.value?.kind, "BinaryExpression");
  });
}

test("SET cursor variable", () => {
  const s = only<SetVariableStatement>(
    "SET @c = CURSOR LOCAL SCROLL FOR SELECT a FROM t",
    "SetVariableStatement",
  );
  assert.deepEqual(s.cursor?.options, ["LOCAL", "SCROLL"]);
  assert.equal(s.value, undefined);
});

test("SET CLR property and method", () => {
  const [property, method] = statements("SET @p.X = 5 SET @p.Scale(2)");
  const p1 = property as SetVariableStatement;
  const p2 = method as SetVariableStatement;
  assert.equal(p1.target.kind, "PropertyAccess");
  assert.equal(p1.operator, "=");
  assert.equal(p2.target.kind, "MethodCall");
  assert.equal(p2.operator, undefined);
  assert.equal(p2.variable, "@p");
});

test("SET several options to ON", () => {
  const s = only<SetOptionsStatement>("SET ANSI_NULLS, QUOTED_IDENTIFIER ON", "SetOptionsStatement");
  assert.deepEqual(
    s.options.map((o) => [o.name, o.value]),
    [
      ["ANSI_NULLS", "ON"],
      ["QUOTED_IDENTIFIER", "ON"],
    ],
  );
});

test("SET STATISTICS kinds", () => {
  const s = only<SetOptionsStatement>("SET STATISTICS IO, TIME OFF", "SetOptionsStatement");
  assert.deepEqual(
    s.options.map((o) => [o.name, o.value]),
    [
      ["STATISTICS IO", "OFF"],
      ["STATISTICS TIME", "OFF"],
    ],
  );
});

test("SET OFFSETS keywords", () => {
  const s = only<SetOptionsStatement>("SET OFFSETS SELECT, FROM ON", "SetOptionsStatement");
  assert.equal(s.options[0]!.name, "OFFSETS");
  assert.deepEqual(s.options[0]!.keywords, ["SELECT", "FROM"]);
});

const commandCases: [string, string, string][] = [
  ["SET DATEFORMAT dmy", "DATEFORMAT", "Identifier"],
  ["SET DATEFORMAT @f", "DATEFORMAT", "VariableReference"],
  ["SET DATEFIRST 1", "DATEFIRST", "Literal"],
  ["SET LANGUAGE N'Deutsch'", "LANGUAGE", "Literal"],
  ["SET LANGUAGE [British]", "LANGUAGE", "Identifier"],
  ["SET LOCK_TIMEOUT -1", "LOCK_TIMEOUT", "UnaryExpression"],
  ["SET DEADLOCK_PRIORITY HIGH", "DEADLOCK_PRIORITY", "Identifier"],
  ["SET ROWCOUNT @n", "ROWCOUNT", "VariableReference"],
  ["SET TEXTSIZE 2048", "TEXTSIZE", "Literal"],
  ["SET CONTEXT_INFO 0x01", "CONTEXT_INFO", "Literal"],
  ["SET QUERY_GOVERNOR_COST_LIMIT 0", "QUERY_GOVERNOR_COST_LIMIT", "Literal"],
];

for (const [text, name, valueKind] of commandCases) {
  test(`SET command ${text}`, () => {
    const s = only<SetCommandStatement>(text, "SetCommandStatement");
    assert.equal(s.name, name);
    assert.equal(s.value.kind, valueKind);
  });
}

for (const level of ["READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SNAPSHOT", "SERIALIZABLE"]) {
  test(`SET isolation level ${level}`, () => {
    const s = only<SetTransactionIsolationLevelStatement>(
      `SET TRANSACTION ISOLATION LEVEL ${level.toLowerCase()}`,
      "SetTransactionIsolationLevelStatement",
    );
    assert.equal(s.level, level);
  });
}

test("SET IDENTITY_INSERT table", () => {
  const s = only<SetIdentityInsertStatement>("SET IDENTITY_INSERT dbo.Bins OFF", "SetIdentityInsertStatement");
  assert.equal(s.table.schema?.value, "dbo");
  assert.equal(s.table.name.value, "Bins");
  assert.equal(s.on, false);
});

// EXECUTE.

test("EXEC arguments named output and default", () => {
  const s = only<ExecuteStatement>(
    "EXEC @rc = dbo.usp_Add 1, -2, @Out = @o OUTPUT, @p OUT, @Mode = DEFAULT, @Tag = bare",
    "ExecuteStatement",
  );
  assert.equal(s.returnStatus, "@rc");
  assert.equal(s.procedure?.schema?.value, "dbo");
  assert.equal(s.procedure?.name.value, "usp_Add");
  assert.equal(s.implicit, false);

  const [one, minusTwo, named, positional, defaulted, bare] = s.arguments;
  assert.equal(one!.value?.kind, "Literal");
  assert.equal(one!.name, undefined);
  assert.equal(minusTwo!.value?.kind, "UnaryExpression");
  assert.equal(named!.name, "@Out");
  assert.equal(named!.output, true);
  assert.equal(positional!.name, undefined);
  assert.equal(positional!.output, true);
  assert.equal(defaulted!.name, "@Mode");
  assert.equal(defaulted!.default, true);
  assert.equal(defaulted!.value, undefined);
  assert.equal(bare!.bareWord, true);
  const bareValue = bare!.value;
  assert.equal(bareValue?.kind, "Literal");
  assert.equal(bareValue.kind === "Literal" ? bareValue.type : undefined, "String");
  assert.equal(bareValue.kind === "Literal" ? bareValue.value : undefined, "bare");
});

test("EXEC sp_executesql call", () => {
  const s = only<ExecuteStatement>(
    "EXEC sp_executesql @stmt, N'@p int', @p = 1",
    "ExecuteStatement",
  );
  assert.equal(s.procedure?.name.value, "sp_executesql");
  assert.equal(s.arguments.length, 3);
  assert.equal(s.arguments[0]!.value?.kind, "VariableReference");
  assert.equal(s.arguments[1]!.value?.kind, "Literal");
  assert.equal(s.arguments[2]!.name, "@p");
});

test("EXEC procedure variable and number", () => {
  const [byVariable, numbered] = statements("EXEC @name 1\nEXEC dbo.p;3");
  assert.equal((byVariable as ExecuteStatement).procedureVariable, "@name");
  assert.equal((byVariable as ExecuteStatement).procedure, undefined);
  assert.equal((numbered as ExecuteStatement).procedureNumber, "3");
  assert.equal((numbered as ExecuteStatement).procedure?.name.value, "p");
});

test("EXEC string with context and linked server", () => {
  const s = only<ExecuteStatement>(
    "EXEC ('SELECT ' + @cols + N' FROM t', 5) AS USER = 'reader' AT DATA_SOURCE remote_pool",
    "ExecuteStatement",
  );
  assert.equal(s.procedure, undefined);
  assert.deepEqual(
    s.strings?.map((e) => e.kind),
    ["Literal", "VariableReference", "Literal"],
  );
  assert.equal(s.arguments.length, 1);
  assert.equal(s.asContext?.type, "USER");
  assert.equal(s.at?.dataSource, true);
  assert.equal(s.at?.name.value, "remote_pool");
});

test("EXEC WITH RECOMPILE and RESULT SETS", () => {
  const s = only<ExecuteStatement>(
    "EXEC p WITH RECOMPILE, RESULT SETS ((a int NOT NULL, b varchar(5)), AS OBJECT dbo.t)",
    "ExecuteStatement",
  );
  assert.deepEqual(
    s.options.map((o) => o.name),
    ["RECOMPILE", "RESULT SETS"],
  );
  const sets = s.options[1]!.resultSets;
  assert.ok(Array.isArray(sets));
  assert.equal(sets[0]!.type, "COLUMNS");
  assert.equal(sets[0]!.columns?.[0]!.nullable, false);
  assert.equal(sets[1]!.type, "OBJECT");
  assert.equal(sets[1]!.name?.name.value, "t");
});

test("EXEC followed by a CTE statement", () => {
  const list = statements("EXEC p\nWITH x AS (SELECT 1 AS n) SELECT n FROM x");
  assert.deepEqual(
    list.map((s) => s.kind),
    ["ExecuteStatement", "SelectStatement"],
  );
  assert.deepEqual((list[0] as ExecuteStatement).options, []);
});

test("implicit EXEC at batch start", () => {
  const s = only<ExecuteStatement>("dbo.usp_Refresh 1, 'a'", "ExecuteStatement");
  assert.equal(s.implicit, true);
  assert.equal(s.procedure?.name.value, "usp_Refresh");
  assert.equal(s.arguments.length, 2);
  assert.equal(s.line, 1);
  assert.equal(s.column, 1);
});

test("implicit EXEC only at batch start", () => {
  assert.deepEqual(diagnosticsOf("PRINT 1\nsp_who"), ["2:1 parse.unknown-statement"]);
});

test("EXEC function call argument rejected", () => {
  assert.deepEqual(diagnosticsOf("EXEC p @d = GETDATE()"), ["1:13 parse.unexpected-token"]);
});

test("unclosed EXEC string then next statement", () => {
  const result = parse("EXEC ('SELECT 1'\nPRINT 'next'");
  assert.deepEqual(
    result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
    ["2:1 parse.unexpected-token"],
  );
  assert.deepEqual(
    result.batches[0]!.statements.map((s) => s.kind),
    ["ErrorStatement", "PrintStatement"],
  );
});

// Transactions.

test("BEGIN DISTRIBUTED TRANSACTION", () => {
  const s = only<BeginTransactionStatement>("BEGIN DISTRIBUTED TRANSACTION t1", "BeginTransactionStatement");
  assert.equal(s.distributed, true);
  assert.equal(s.name?.kind, "Identifier");
});

test("BEGIN TRAN WITH MARK", () => {
  const s = only<BeginTransactionStatement>("BEGIN TRAN @t WITH MARK N'before load'", "BeginTransactionStatement");
  assert.equal(s.distributed, false);
  assert.equal(s.name?.kind, "VariableReference");
  assert.equal(s.mark?.description?.kind, "Literal");
});

test("COMMIT with delayed durability", () => {
  const s = only<CommitTransactionStatement>(
    "COMMIT TRANSACTION t1 WITH (DELAYED_DURABILITY = ON)",
    "CommitTransactionStatement",
  );
  assert.equal(s.keyword, "TRANSACTION");
  assert.equal(s.delayedDurability, "ON");
  assert.equal(s.name?.kind === "Identifier" ? s.name.value : undefined, "t1");
});

test("ROLLBACK spellings", () => {
  const list = statements("ROLLBACK ROLLBACK WORK ROLLBACK TRAN @save");
  const kinds = list.map((s) => (s as RollbackTransactionStatement).keyword);
  assert.deepEqual(kinds, [undefined, "WORK", "TRAN"]);
  assert.equal((list[2] as RollbackTransactionStatement).name?.kind, "VariableReference");
});

test("SAVE TRANSACTION name", () => {
  const s = only<SaveTransactionStatement>("SAVE TRANSACTION sp1", "SaveTransactionStatement");
  assert.equal(s.name.kind, "Identifier");
});

// PRINT, RAISERROR, THROW, WAITFOR, USE.

test("PRINT expression", () => {
  const s = only<PrintStatement>("PRINT 'a' + @b", "PrintStatement");
  assert.equal(s.expression.kind, "BinaryExpression");
});

test("RAISERROR with arguments and options", () => {
  const s = only<RaiserrorStatement>(
    "RAISERROR (N'%s failed %d', 16, 1, @name, 5) WITH NOWAIT, LOG",
    "RaiserrorStatement",
  );
  assert.equal(s.legacySyntax, false);
  assert.equal(s.message.kind, "Literal");
  assert.equal(s.severity?.kind, "Literal");
  assert.equal(s.state?.kind, "Literal");
  assert.equal(s.arguments.length, 2);
  assert.deepEqual(s.options, ["NOWAIT", "LOG"]);
});

test("RAISERROR legacy syntax", () => {
  const s = only<RaiserrorStatement>("RAISERROR 50001 'Customer not found'", "RaiserrorStatement");
  assert.equal(s.legacySyntax, true);
  assert.equal(s.errorNumber?.kind, "Literal");
  assert.equal(s.message.kind, "Literal");
  assert.equal(s.severity, undefined);
});

test("RAISERROR legacy with variables", () => {
  const s = only<RaiserrorStatement>("RAISERROR @n @m", "RaiserrorStatement");
  assert.equal(s.legacySyntax, true);
  assert.equal(s.errorNumber?.kind, "VariableReference");
});

test("THROW with arguments", () => {
  const s = only<ThrowStatement>("THROW 50001, N'bad', 1", "ThrowStatement");
  assert.equal(s.errorNumber?.kind, "Literal");
  assert.equal(s.message?.kind, "Literal");
  assert.equal(s.state?.kind, "Literal");
});

test("THROW alone in CATCH", () => {
  const s = only<TryCatchStatement>(
    "BEGIN TRY SELECT 1 END TRY BEGIN CATCH THROW END CATCH",
    "TryCatchStatement",
  );
  const thrown = s.catchStatements[0] as ThrowStatement;
  assert.equal(thrown.kind, "ThrowStatement");
  assert.equal(thrown.errorNumber, undefined);
});

test("ROLLBACK then THROW without semicolon", () => {
  // SQL Server reads THROW here as a savepoint name; the parser warns.
  const result = parse("ROLLBACK TRAN\nTHROW");
  const list = result.batches.flatMap((batch) => batch.statements);
  assert.equal(list.length, 1);
  const s = list[0] as RollbackTransactionStatement;
  assert.equal(s.kind, "RollbackTransactionStatement");
  assert.equal(s.name?.kind === "Identifier" ? s.name.value : undefined, "THROW");
  assert.deepEqual(
    result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`),
    ["2:1 warning parse.throw-as-transaction-name"],
  );
});

test("ROLLBACK with a semicolon before THROW", () => {
  const [rollback, thrown] = statements("ROLLBACK TRAN;\nTHROW;");
  assert.equal(rollback!.kind, "RollbackTransactionStatement");
  assert.equal((rollback as RollbackTransactionStatement).name, undefined);
  assert.equal(thrown!.kind, "ThrowStatement");
});

test("ROLLBACK to a quoted savepoint named THROW", () => {
  assert.deepEqual(diagnosticsOf("ROLLBACK TRAN [THROW]"), []);
});

test("WAITFOR DELAY and TIME", () => {
  const [delay, time] = statements("WAITFOR DELAY '00:00:01' WAITFOR TIME @at");
  assert.equal((delay as WaitForStatement).type, "DELAY");
  assert.equal((delay as WaitForStatement).value?.kind, "Literal");
  assert.equal((time as WaitForStatement).type, "TIME");
  assert.equal((time as WaitForStatement).value?.kind, "VariableReference");
});

test("WAITFOR RECEIVE with TIMEOUT", () => {
  const s = only<WaitForStatement>(
    "WAITFOR (RECEIVE TOP (1) message_body FROM dbo.q), TIMEOUT 500",
    "WaitForStatement",
  );
  assert.equal(s.type, "STATEMENT");
  assert.equal(s.timeout?.kind, "Literal");
  assert.equal(s.statement?.kind, "ReceiveStatement");
});

test("WAITFOR GET CONVERSATION GROUP", () => {
  const s = only<WaitForStatement>("WAITFOR (GET CONVERSATION GROUP @g FROM dbo.q)", "WaitForStatement");
  assert.equal(s.statement?.kind, "GetConversationGroupStatement");
  assert.equal(s.timeout, undefined);
});

test("USE database", () => {
  const s = only<UseStatement>("USE [Sales Archive]", "UseStatement");
  assert.equal(s.database.value, "Sales Archive");
  assert.equal(s.database.quote, "bracket");
});

// Statement boundaries and ranges.

test("statements without semicolons", () => {
  const list = statements(
    "DECLARE @a int SET @a = 1 PRINT @a EXEC p @a OPEN c FETCH c INTO @a CLOSE c DEALLOCATE c BEGIN TRAN COMMIT USE db",
  );
  assert.deepEqual(
    list.map((s) => s.kind),
    [
      "DeclareVariableStatement",
      "SetVariableStatement",
      "PrintStatement",
      "ExecuteStatement",
      "OpenCursorStatement",
      "FetchCursorStatement",
      "CloseCursorStatement",
      "DeallocateCursorStatement",
      "BeginTransactionStatement",
      "CommitTransactionStatement",
      "UseStatement",
    ],
  );
});

test("statement range covers its text", () => {
  const text = "PRINT 1;\n  EXEC dbo.p @x = 1 ;";
  const [, exec] = statements(text);
  assert.equal(text.slice(exec!.start, exec!.end), "EXEC dbo.p @x = 1 ;");
  assert.equal(exec!.line, 2);
  assert.equal(exec!.column, 3);
});
