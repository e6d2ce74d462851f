import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { BeginEndBlock } from "../../../src/tsql/ast/control-flow.js";
import type {
  CreateAggregateStatement,
  EnableDisableTriggerStatement,
  FunctionStatement,
  ProcedureStatement,
  TriggerStatement,
  ViewStatement,
} from "../../../src/tsql/ast/modules.js";
import type { Statement } from "../../../src/tsql/ast/statements.js";
import { parse } from "../../../src/tsql/parse.js";
import { nameText, only } from "./helpers.js";


function kinds(statements: readonly Statement[]): string[] {
  return statements.map((statement) => statement.kind);
}

describe("views", () => {
  it("reads name, columns and options", () => {
    const view = only<ViewStatement>(
      "CREATE OR ALTER VIEW sales.Totals (Id, Total) WITH SCHEMABINDING, VIEW_METADATA AS SELECT a, b FROM sales.t",
    );
    assert.equal(view.kind, "CreateViewStatement");
    assert.equal(nameText(view.name), "sales.Totals");
    assert.equal(view.orAlter, true);
    assert.equal(view.isAlter, false);
    assert.deepEqual(view.columns.map((c) => c.value), ["Id", "Total"]);
    assert.deepEqual(view.options.map((o) => o.name), ["SCHEMABINDING", "VIEW_METADATA"]);
    assert.equal(view.select.query.kind, "QuerySpecification");
    assert.equal(view.withCheckOption, false);
  });

  it("reads ALTER VIEW with CHECK OPTION", () => {
    const view = only<ViewStatement>("ALTER VIEW v AS SELECT a FROM t WHERE a > 0 WITH CHECK OPTION");
    assert.equal(view.kind, "AlterViewStatement");
    assert.equal(view.isAlter, true);
    assert.equal(view.orAlter, false);
    assert.equal(view.withCheckOption, true);
  });

  it("keeps a common table expression", () => {
    const view = only<ViewStatement>("CREATE VIEW v AS WITH c AS (SELECT 1 AS x) SELECT x FROM c");
    assert.equal(view.select.with?.ctes[0]?.name.value, "c");
  });
});

describe("procedures", () => {
  it("reads parameters in parentheses", () => {
    const proc = only<ProcedureStatement>(
      "CREATE PROCEDURE dbo.p (@a int = 5 OUTPUT, @b AS nvarchar(10) = N'x', @t dbo.Rows READONLY) AS SELECT 1",
    );
    assert.equal(proc.kind, "CreateProcedureStatement");
    assert.equal(nameText(proc.name), "dbo.p");
    const [a, b, t] = proc.parameters;
    assert.equal(a?.name, "@a");
    assert.equal(a?.dataType.name.name.value, "int");
    assert.equal(a?.output, true);
    assert.equal(a?.defaultValue?.kind, "Literal");
    assert.equal(b?.name, "@b");
    assert.deepEqual(b?.dataType.parameters, ["10"]);
    assert.equal(b?.output, false);
    assert.equal(t?.readonly, true);
    assert.equal(nameText(t!.dataType.name), "dbo.Rows");
  });

  it("reads parameters without parentheses", () => {
    const proc = only<ProcedureStatement>("CREATE PROC p @a int, @b int OUT AS RETURN");
    assert.deepEqual(proc.parameters.map((x) => x.name), ["@a", "@b"]);
    assert.equal(proc.parameters[1]?.output, true);
    assert.deepEqual(kinds(proc.statements), ["ReturnStatement"]);
  });

  it("reads cursor and not-null parameters", () => {
    const proc = only<ProcedureStatement>("CREATE PROC p @c CURSOR VARYING OUTPUT, @n int NOT NULL AS RETURN");
    const [c, n] = proc.parameters;
    assert.equal(c?.dataType.name.name.value, "CURSOR");
    assert.equal(c?.varying, true);
    assert.equal(c?.output, true);
    assert.equal(n?.nullable, false);
  });

  it("reads options and FOR REPLICATION", () => {
    const proc = only<ProcedureStatement>(
      "ALTER PROCEDURE p WITH RECOMPILE, EXECUTE AS 'bob', ENCRYPTION FOR REPLICATION AS SELECT 1",
    );
    assert.equal(proc.kind, "AlterProcedureStatement");
    assert.equal(proc.isAlter, true);
    assert.deepEqual(proc.options.map((o) => o.name), ["RECOMPILE", "EXECUTE AS", "ENCRYPTION"]);
    assert.equal(proc.options[1]?.value, "bob");
    assert.equal(proc.forReplication, true);
  });

  it("reads the body up to the end of the batch", () => {
    const result = parse("CREATE PROC p AS\nSELECT 1\nIF 1 = 1 SELECT 2\nRETURN 3\nGO\nSELECT 4");
    assert.deepEqual(result.diagnostics, []);
    const proc = result.batches[0]!.statements[0] as ProcedureStatement;
    assert.deepEqual(kinds(proc.statements), ["SelectStatement", "IfStatement", "ReturnStatement"]);
    assert.deepEqual(kinds(result.batches[1]!.statements), ["SelectStatement"]);
  });

  it("keeps going after a bad body statement", () => {
    const result = parse("CREATE PROC p AS\nSELECT FROM t\nSELECT 2");
    assert.equal(result.diagnostics.length, 1);
    const proc = result.batches[0]!.statements[0] as ProcedureStatement;
    assert.equal(proc.kind, "CreateProcedureStatement");
    assert.deepEqual(kinds(proc.statements), ["ErrorStatement", "SelectStatement"]);
  });

  it("reads a numbered procedure", () => {
    const proc = only<ProcedureStatement>("CREATE PROCEDURE dbo.Legacy;2 @x int AS SELECT @x");
    assert.equal(proc.number, 2);
    assert.equal(proc.parameters.length, 1);
  });

  it("reads EXTERNAL NAME of a CLR procedure", () => {
    const proc = only<ProcedureStatement>("CREATE PROC p @a int AS EXTERNAL NAME Asm.[Ns.Class].Method");
    assert.equal(proc.externalName?.assembly.value, "Asm");
    assert.equal(proc.externalName?.className?.value, "Ns.Class");
    assert.equal(proc.externalName?.method?.value, "Method");
    assert.deepEqual(proc.statements, []);
  });

  it("reads a natively compiled body", () => {
    const proc = only<ProcedureStatement>(
      "CREATE PROC p WITH NATIVE_COMPILATION, SCHEMABINDING AS BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = SNAPSHOT, LANGUAGE = N'us_english') SELECT 1 END",
    );
    assert.deepEqual(proc.options.map((o) => o.name), ["NATIVE_COMPILATION", "SCHEMABINDING"]);
    const block = proc.statements[0] as BeginEndBlock;
    assert.equal(block.kind, "BeginEndBlock");
    assert.equal(block.atomic, true);
  });

  it("does not take a bare name in the body as a call", () => {
    const result = parse("CREATE PROC p AS\nother_proc");
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0]?.code, "parse.unknown-statement");
  });
});

describe("functions", () => {
  it("reads a scalar function", () => {
    const fn = only<FunctionStatement>(
      "CREATE FUNCTION dbo.f (@a int, @b int = 2) RETURNS decimal(9, 2) WITH RETURNS NULL ON NULL INPUT, INLINE = OFF AS BEGIN RETURN @a + @b END",
    );
    assert.equal(fn.kind, "CreateFunctionStatement");
    assert.equal(fn.returnKind, "scalar");
    assert.deepEqual(fn.returnType?.parameters, ["9", "2"]);
    assert.deepEqual(fn.options.map((o) => o.name), ["RETURNS NULL ON NULL INPUT", "INLINE"]);
    assert.equal(fn.options[1]?.value, "OFF");
    assert.deepEqual(kinds(fn.body!.statements), ["ReturnStatement"]);
    assert.equal(fn.parameters[1]?.defaultValue?.kind, "Literal");
  });

  it("reads an inline table-valued function", () => {
    const fn = only<FunctionStatement>("CREATE OR ALTER FUNCTION f (@x int) RETURNS TABLE WITH SCHEMABINDING AS RETURN (SELECT @x AS v)");
    assert.equal(fn.returnKind, "inline-table");
    assert.equal(fn.orAlter, true);
    assert.equal(fn.returnQuery?.query.kind, "QueryParenthesis");
    assert.equal(fn.body, undefined);
  });

  it("reads a multi-statement table-valued function", () => {
    const fn = only<FunctionStatement>(
      "ALTER FUNCTION f () RETURNS @t TABLE (id int IDENTITY(1, 1) PRIMARY KEY, n nvarchar(10) NOT NULL DEFAULT N'', CHECK (id > 0)) AS BEGIN RETURN END",
    );
    assert.equal(fn.kind, "AlterFunctionStatement");
    assert.equal(fn.returnKind, "multi-statement-table");
    assert.equal(fn.returnVariable, "@t");
    assert.deepEqual(fn.returnTable?.columns.map((c) => c.name.value), ["id", "n"]);
    assert.equal(fn.returnTable?.constraints.length, 1);
    assert.deepEqual(kinds(fn.body!.statements), ["ReturnStatement"]);
  });

  it("reads CLR scalar and table functions", () => {
    const scalar = only<FunctionStatement>("CREATE FUNCTION f (@s nvarchar(max)) RETURNS bit AS EXTERNAL NAME A.B.C");
    assert.equal(scalar.returnKind, "scalar");
    assert.equal(scalar.externalName?.method?.value, "C");

    const table = only<FunctionStatement>(
      "CREATE FUNCTION f (@s nvarchar(max)) RETURNS TABLE (pos int, piece nvarchar(100)) ORDER (pos) AS EXTERNAL NAME A.B.Split",
    );
    assert.equal(table.returnKind, "clr-table");
    assert.deepEqual(table.orderColumns?.map((c) => c.value), ["pos"]);
    assert.equal(table.returnTable?.columns.length, 2);
  });

  it("reads a function without parameters or AS", () => {
    const fn = only<FunctionStatement>("CREATE FUNCTION f () RETURNS int BEGIN RETURN 1 END");
    assert.deepEqual(fn.parameters, []);
    assert.equal(fn.returnKind, "scalar");
  });
});

describe("aggregates", () => {
  it("reads CREATE AGGREGATE", () => {
    const aggregate = only<CreateAggregateStatement>(
      "CREATE AGGREGATE dbo.Concat (@v nvarchar(4000), @sep nchar(1)) RETURNS nvarchar(max) EXTERNAL NAME Text.[Ns.Concat]",
    );
    assert.equal(aggregate.kind, "CreateAggregateStatement");
    assert.deepEqual(aggregate.parameters.map((x) => x.name), ["@v", "@sep"]);
    assert.deepEqual(aggregate.returnType.parameters, ["MAX"]);
    assert.equal(aggregate.externalName.className?.value, "Ns.Concat");
    assert.equal(aggregate.externalName.method, undefined);
  });
});

describe("triggers", () => {
  it("reads a DML trigger", () => {
    const trigger = only<TriggerStatement>(
      "CREATE TRIGGER dbo.trg ON dbo.Orders WITH ENCRYPTION AFTER INSERT, UPDATE NOT FOR REPLICATION AS SELECT 1",
    );
    assert.equal(trigger.kind, "CreateTriggerStatement");
    assert.equal(nameText(trigger.name), "dbo.trg");
    assert.equal(trigger.scope, "object");
    assert.equal(nameText(trigger.target!), "dbo.Orders");
    assert.equal(trigger.timing, "AFTER");
    assert.deepEqual(trigger.events, ["INSERT", "UPDATE"]);
    assert.deepEqual(trigger.options.map((o) => o.name), ["ENCRYPTION"]);
    assert.equal(trigger.notForReplication, true);
    assert.deepEqual(kinds(trigger.statements), ["SelectStatement"]);
  });

  it("reads INSTEAD OF and WITH APPEND", () => {
    const insteadOf = only<TriggerStatement>("CREATE TRIGGER t ON v INSTEAD OF DELETE AS RETURN");
    assert.equal(insteadOf.timing, "INSTEAD OF");
    assert.deepEqual(insteadOf.events, ["DELETE"]);

    const append = only<TriggerStatement>("CREATE TRIGGER t ON x FOR INSERT UPDATE WITH APPEND AS RETURN");
    assert.equal(append.timing, "FOR");
    assert.deepEqual(append.events, ["INSERT", "UPDATE"]);
    assert.equal(append.withAppend, true);
  });

  it("reads a DDL trigger", () => {
    const trigger = only<TriggerStatement>(
      "ALTER TRIGGER ddl ON DATABASE FOR create_table, DDL_VIEW_EVENTS AS SELECT 1",
    );
    assert.equal(trigger.kind, "AlterTriggerStatement");
    assert.equal(trigger.scope, "database");
    assert.equal(trigger.target, undefined);
    assert.deepEqual(trigger.events, ["CREATE_TABLE", "DDL_VIEW_EVENTS"]);
  });

  it("reads a logon trigger", () => {
    const trigger = only<TriggerStatement>(
      "CREATE OR ALTER TRIGGER lg ON ALL SERVER WITH EXECUTE AS 'guard' FOR LOGON AS BEGIN SELECT 1 END",
    );
    assert.equal(trigger.scope, "server");
    assert.equal(trigger.orAlter, true);
    assert.deepEqual(trigger.events, ["LOGON"]);
    assert.equal(trigger.options[0]?.value, "guard");
  });

  it("reads a CLR trigger", () => {
    const trigger = only<TriggerStatement>("CREATE TRIGGER t ON x AFTER INSERT AS EXTERNAL NAME A.B.C");
    assert.equal(trigger.externalName?.assembly.value, "A");
    assert.deepEqual(trigger.statements, []);
  });

  it("reads ENABLE and DISABLE TRIGGER", () => {
    const disable = only<EnableDisableTriggerStatement>("DISABLE TRIGGER dbo.a, b ON dbo.t");
    assert.equal(disable.enable, false);
    assert.equal(disable.all, false);
    assert.deepEqual(disable.triggers.map(nameText), ["dbo.a", "b"]);
    assert.equal(disable.scope, "object");
    assert.equal(nameText(disable.target!), "dbo.t");

    const enable = only<EnableDisableTriggerStatement>("ENABLE TRIGGER ALL ON ALL SERVER");
    assert.equal(enable.enable, true);
    assert.equal(enable.all, true);
    assert.equal(enable.scope, "server");
  });
});

describe("module errors", () => {
  const cases: [string, string, number, number][] = [
    ["scalar body without BEGIN", "CREATE FUNCTION f () RETURNS int AS RETURN 1", 1, 37],
    ["trigger on SELECT", "CREATE TRIGGER t ON x AFTER SELECT AS RETURN", 1, 29],
    ["DDL trigger INSTEAD OF", "CREATE TRIGGER t ON DATABASE INSTEAD OF DROP_TABLE AS RETURN", 1, 30],
    ["unknown module option", "CREATE PROC p WITH FAST AS RETURN", 1, 20],
    ["view without AS", "CREATE VIEW v\nSELECT 1", 2, 1],
    ["aggregate with OR ALTER", "CREATE OR ALTER AGGREGATE a (@v int) RETURNS int EXTERNAL NAME x.y", 1, 17],
  ];
  for (const [name, text, line, column] of cases) {
    it(name, () => {
      const result = parse(text);
      const first = result.diagnostics[0];
      assert.equal(first?.code, "parse.unexpected-token");
      assert.equal(first?.line, line);
      assert.equal(first?.column, column);
    });
  }
});
