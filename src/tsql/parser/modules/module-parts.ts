/**
 * Pieces shared by the module statements: the WITH option list, EXTERNAL
 * NAME of CLR modules and the statements of a module body.
 * Reference: CREATE PROCEDURE, CREATE FUNCTION and CREATE TRIGGER
 * (Transact-SQL), SQL Server 2022.
 */

import type { ExternalName, ModuleOption } from "../../ast/modules.js";
import type { Statement } from "../../ast/statements.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import { parseStatementList } from "../statements.js";

/** Single-word module options; every other option has its own spelling below. */
const WORD_OPTIONS = new Set([
  "ENCRYPTION",
  "SCHEMABINDING",
  "VIEW_METADATA",
  "RECOMPILE",
  "NATIVE_COMPILATION",
]);

/** Reads the items of a module's WITH list; WITH itself is already consumed. */
export function parseModuleOptions(p: Parser): ModuleOption[] {
  return p.parseCommaList(() => parseModuleOption(p));
}

function parseModuleOption(p: Parser): ModuleOption {
  const mark = p.mark();

  if ((p.isWord("EXECUTE") || p.isWord("EXEC")) && p.isWord("AS", 1)) {
    p.pos += 2;
    const value = parseExecuteAsValue(p);
    return p.finish<ModuleOption>(mark, { kind: "ModuleOption", name: "EXECUTE AS", value });
  }
  if (p.eatWords("RETURNS", "NULL", "ON", "NULL", "INPUT")) {
    return p.finish<ModuleOption>(mark, { kind: "ModuleOption", name: "RETURNS NULL ON NULL INPUT" });
  }
  if (p.eatWords("CALLED", "ON", "NULL", "INPUT")) {
    return p.finish<ModuleOption>(mark, { kind: "ModuleOption", name: "CALLED ON NULL INPUT" });
  }
  if (p.eatWord("INLINE")) {
    p.expect(TokenKind.Equals, "'=' after INLINE");
    const value = p.expectOneOf(["ON", "OFF"]);
    return p.finish<ModuleOption>(mark, { kind: "ModuleOption", name: "INLINE", value });
  }

  const word = p.wordAt();
  if (word === undefined || !WORD_OPTIONS.has(word)) {
    p.fail("a module option such as SCHEMABINDING, ENCRYPTION or EXECUTE AS");
  }
  p.advance();
  return p.finish<ModuleOption>(mark, { kind: "ModuleOption", name: word });
}

/** `CALLER`, `SELF`, `OWNER` or a quoted user name, after EXECUTE AS. */
function parseExecuteAsValue(p: Parser): string {
  const t = p.token;
  if (t.kind === TokenKind.String || t.kind === TokenKind.NString) {
    p.advance();
    return t.value;
  }
  return p.expectOneOf(["CALLER", "SELF", "OWNER"]);
}

/** True at `EXTERNAL NAME`, the body of a CLR module. */
export function atExternalName(p: Parser): boolean {
  return p.isWords("EXTERNAL", "NAME");
}

/** Reads `EXTERNAL NAME assembly[.class[.method]]`. */
export function parseExternalName(p: Parser): ExternalName {
  const mark = p.mark();
  p.expectWords("EXTERNAL", "NAME");
  const assembly = p.parseName("an assembly name");
  const className = p.eat(TokenKind.Dot) ? p.parseName("a class name") : undefined;
  const method = className && p.eat(TokenKind.Dot) ? p.parseName("a method name") : undefined;
  return p.finish<ExternalName>(mark, {
    kind: "ExternalName",
    assembly,
    ...(className ? { className } : {}),
    ...(method ? { method } : {}),
  });
}

/**
 * Reads the body of a procedure or trigger: every statement up to the end
 * of the batch, because SQL Server ends a module only at the batch end.
 */
export function parseModuleBody(p: Parser): Statement[] {
  // A procedure name alone runs the procedure only as the first statement
  // of a batch, and the body is not that place.
  p.atBatchStart = false;
  return parseStatementList(p, () => false);
}
