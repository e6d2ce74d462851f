import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import type { LabelStatement } from "../../../src/tsql/ast/control-flow.js";
import type { FunctionCall } from "../../../src/tsql/ast/expressions.js";
import type { FunctionStatement, ProcedureStatement } from "../../../src/tsql/ast/modules.js";
import type { OptionNode } from "../../../src/tsql/ast/node.js";
import type {
  DeclareVariableStatement,
  RollbackTransactionStatement,
} from "../../../src/tsql/ast/procedural.js";
import type {
  NamedTableReference,
  QueryParenthesis,
  QuerySpecification,
  SelectAssignment,
  SelectStatement,
} from "../../../src/tsql/ast/query.js";
import type { Statement } from "../../../src/tsql/ast/statements.js";
import { lex } from "../../../src/tsql/lexer/lexer.js";
import { parse } from "../../../src/tsql/parse.js";
import { parseOption } from "../../../src/tsql/parser/options.js";
import { formatAlternatives } from "../../../src/tsql/parser/parse-error.js";
import { Parser } from "../../../src/tsql/parser/parser.js";
import { only } from "./helpers.js";

function statementsOf(text: string): Statement[] {
  return parse(text).batches.flatMap((batch) => [...batch.statements]);
}

function kindsOf(text: string): string[] {
  return statementsOf(text).map((s) => s.kind);
}

function fixture(path: string): string {
  const url = new URL(`../../../../test/fixtures/parser/${path}`, import.meta.url);
  return readFileSync(url, "utf8");
}

/** Reads one generic option from `text`. */
function option(text: string): OptionNode {
  const tokens = lex(text, { trivia: false }).tokens;
  const p = new Parser(text, tokens);
  const node = parseOption(p);
  assert.ok(p.atEnd(), `option did not take all of ${text}`);
  return node;
}

describe("recovery", () => {
  it("reads past a line ending in a continuing word", () => {
    assert.deepEqual(kindsOf(fixture("err/core/recovery-line-end.sql")), [
      "DeclareCursorStatement",
      "OpenCursorStatement",
      "ErrorStatement",
      "SelectStatement",
      "ErrorStatement",
      "SelectStatement",
      "ErrorStatement",
      "DeleteStatement",
      "ErrorStatement",
      "SelectStatement",
    ]);
  });

  it("keeps semicolons inside parentheses", () => {
    assert.deepEqual(kindsOf(fixture("err/core/recovery-parentheses.sql")), [
      "ErrorStatement",
      "SelectStatement",
      "ErrorStatement",
      "SelectStatement",
      "ErrorStatement",
      "SelectStatement",
    ]);
  });

  it("error node holds the parenthesized semicolons", () => {
    const text = "SELECT * FROM OPENROWSET('a' 'b'; 'c'; 'd', t)\nSELECT 2";
    const [broken] = statementsOf(text);
    assert.equal(broken?.kind, "ErrorStatement");
    assert.equal(text.slice(broken!.start, broken!.end), "SELECT * FROM OPENROWSET('a' 'b'; 'c'; 'd', t)");
  });
});

describe("statement range", () => {
  it("includes the terminating semicolon", () => {
    const text = "SELECT 1 ;\nPRINT 'x'";
    const [select, print] = statementsOf(text);
    assert.equal(text.slice(select!.start, select!.end), "SELECT 1 ;");
    assert.equal(text.slice(print!.start, print!.end), "PRINT 'x'");
  });

  it("includes semicolons of nested statements", () => {
    const text = "IF 1 = 1 SELECT 1; ELSE SELECT 2;";
    const [statement] = statementsOf(text);
    assert.equal(statement!.end, text.length);
  });

  it("leaves an empty statement out", () => {
    assert.deepEqual(kindsOf("SELECT 1;;\n;PRINT 2"), ["SelectStatement", "PrintStatement"]);
  });
});

describe("parenthesized query with WITH", () => {
  it("keeps the CTE on the parenthesis", () => {
    const fn = only<FunctionStatement>(
      "CREATE FUNCTION f() RETURNS TABLE AS RETURN (WITH c AS (SELECT 1 AS a) SELECT a FROM c)",
    );
    const query = fn.returnQuery?.query as QueryParenthesis;
    assert.equal(query.kind, "QueryParenthesis");
    assert.equal(query.with?.ctes[0]?.name.value, "c");
    assert.equal(query.query.kind, "QuerySpecification");
  });

  it("does not take a table hint list for a query", () => {
    const list = statementsOf("SELECT a FROM t WITH (NOLOCK)");
    assert.deepEqual(list.map((s) => s.kind), ["SelectStatement"]);
  });
});

describe("generic options", () => {
  it("keeps nested options after '='", () => {
    const node = option("RETENTION = (SPAN = 30 DAYS, MODE = Rolling)");
    assert.equal(node.name, "RETENTION");
    assert.equal(node.value?.type, "options");
    const nested = node.value?.type === "options" ? node.value.options : [];
    assert.deepEqual(
      nested.map((o) => [o.name, o.value]),
      [
        ["SPAN", { type: "number", value: "30 DAYS" }],
        ["MODE", { type: "word", value: "Rolling" }],
      ],
    );
  });

  it("keeps a value list after '='", () => {
    const node = option("TARGETS = ('a', 'b')");
    assert.deepEqual(node.value, {
      type: "list",
      values: [
        { type: "string", value: "a" },
        { type: "string", value: "b" },
      ],
    });
  });

  it("keeps the case of word values", () => {
    assert.deepEqual(option("FILEGROUP = ArchiveData").value, { type: "word", value: "ArchiveData" });
    assert.deepEqual(option("READ_COMMITTED_SNAPSHOT on").value, { type: "word", value: "on" });
  });

  it("upper-cases option names", () => {
    assert.equal(option("read_committed_snapshot on").name, "READ_COMMITTED_SNAPSHOT");
  });
});

describe("messages", () => {
  it("joins alternatives with or", () => {
    assert.equal(formatAlternatives(["ON"]), "ON");
    assert.equal(formatAlternatives(["ON", "OFF"]), "ON or OFF");
    assert.equal(formatAlternatives(["A", "B", "C"]), "A, B or C");
  });

  it("expectOneOf names the words", () => {
    const messages = parse("BEGIN DISTRIBUTED WORK").diagnostics.map((d) => d.message);
    assert.deepEqual(messages, ["expected TRAN or TRANSACTION but found 'WORK'"]);
  });
});

describe("faults from real scripts", () => {
  it("label after ROLLBACK TRANSACTION", () => {
    const [rollback, label] = statementsOf("ROLLBACK TRANSACTION\nEndSave:");
    assert.equal(rollback?.kind, "RollbackTransactionStatement");
    assert.equal((rollback as RollbackTransactionStatement).name, undefined);
    assert.equal(label?.kind, "LabelStatement");
    assert.equal((label as LabelStatement).label.value, "EndSave");
  });

  it("label after RETURN", () => {
    assert.deepEqual(kindsOf("RETURN\nDone:\nPRINT 1"), [
      "ReturnStatement",
      "LabelStatement",
      "PrintStatement",
    ]);
  });

  it("parameter and variables named with @@", () => {
    const proc = only<ProcedureStatement>("CREATE PROCEDURE p @@ver int OUTPUT AS SELECT @@ver = 7");
    assert.equal(proc.parameters[0]?.name, "@@ver");
    const declare = only<DeclareVariableStatement>("DECLARE @@n int = 1");
    assert.equal(declare.declarations[0]?.name, "@@n");
    const select = only<SelectStatement>("SELECT @@n = 2");
    const element = (select.query as QuerySpecification).selectList[0] as SelectAssignment;
    assert.equal(element.kind, "SelectAssignment");
    assert.equal(element.variable.name, "@@n");
  });

  it("NOT NULL variable of a native module", () => {
    const declare = only<DeclareVariableStatement>("DECLARE @at datetime2 NOT NULL = SYSDATETIME(), @b int");
    assert.equal(declare.declarations[0]?.notNull, true);
    assert.equal(declare.declarations[0]?.value?.kind, "FunctionCall");
    assert.equal(declare.declarations[1]?.notNull, undefined);
  });

  it("LANGUAGE term of FREETEXTTABLE", () => {
    const select = only<SelectStatement>(
      "SELECT * FROM FREETEXTTABLE(dbo.Docs, *, @q, LANGUAGE @lang, 5) AS k",
    );
    const source = (select.query as QuerySpecification).from[0];
    assert.equal(source?.kind, "TableValuedFunctionReference");
    const call = source?.kind === "TableValuedFunctionReference" ? (source.call as FunctionCall) : undefined;
    assert.deepEqual(call?.clauses, ["LANGUAGE @lang"]);
    assert.equal(call?.arguments.length, 4);
  });

  it("FOR PATH graph tables", () => {
    const select = only<SelectStatement>(
      "SELECT a.Name FROM dbo.Node AS a, dbo.Node FOR PATH AS b, dbo.Edge FOR PATH e " +
        "WHERE MATCH(SHORTEST_PATH(a(-(e)->b)+))",
    );
    const from = (select.query as QuerySpecification).from as NamedTableReference[];
    assert.deepEqual(
      from.map((t) => [t.alias?.value, t.forPath ?? false]),
      [
        ["a", false],
        ["b", true],
        ["e", true],
      ],
    );
  });
});
