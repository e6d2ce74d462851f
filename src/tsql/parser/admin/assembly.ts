/**
 * CREATE and ALTER ASSEMBLY (CLR). Reference: "CREATE ASSEMBLY" and "ALTER
 * ASSEMBLY", SQL Server 2022.
 */

import type { AssemblyStatement } from "../../ast/admin.js";
import type { Expression } from "../../ast/expressions.js";
import type { OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseAdminOptionList } from "./admin-options.js";
import { parseOwner } from "./clauses.js";
import { appendAll } from "../../../util/arrays.js";

/**
 * CREATE ASSEMBLY a [AUTHORIZATION o] FROM 'path' | 0x... [, ...] [WITH
 * PERMISSION_SET = ...]; ALTER ASSEMBLY a [FROM ...] [WITH ...] [DROP FILE
 * names | ALL] [ADD FILE FROM 'path' [AS 'name'], ...].
 */
export function parseAssembly(p: Parser, context: StatementContext, create: boolean): AssemblyStatement {
  p.expectWord("ASSEMBLY");
  const name = p.parseName("an assembly name");
  const owner = create ? parseOwner(p) : undefined;

  let sources: Expression[] = [];
  if (create) {
    p.expectWord("FROM");
    sources = p.parseCommaList(() => parseArithmetic(p));
  } else if (p.eatWord("FROM")) {
    sources = p.parseCommaList(() => parseArithmetic(p));
  }
  const options: OptionNode[] = p.eatWord("WITH") ? parseAdminOptionList(p) : [];

  const droppedFiles: Expression[] = [];
  let dropAllFiles = false;
  const addedFiles: Expression[] = [];
  if (!create) {
    if (p.eatWords("DROP", "FILE")) {
      if (p.eatWord("ALL")) {
        dropAllFiles = true;
      } else {
        appendAll(droppedFiles, p.parseCommaList(() => parseArithmetic(p)));
      }
    }
    if (p.eatWords("ADD", "FILE", "FROM")) {
      appendAll(addedFiles, p.parseCommaList(() => parseAddedFile(p)));
    }
  }

  const permission = options.find((option) => option.name === "PERMISSION_SET")?.value;
  return p.finish<AssemblyStatement>(context.mark, {
    kind: create ? "CreateAssemblyStatement" : "AlterAssemblyStatement",
    name,
    ...(owner ? { owner } : {}),
    sources,
    options,
    ...(permission?.type === "word" ? { permissionSet: permission.value.toUpperCase() } : {}),
    addedFiles,
    droppedFiles,
    dropAllFiles,
  });
}

/** `'path' [AS 'name']` or `0x... AS 'name'`; the AS name is not kept. */
function parseAddedFile(p: Parser): Expression {
  const source = parseArithmetic(p);
  if (p.eatWord("AS")) {
    if (!p.isKind(TokenKind.String) && !p.isKind(TokenKind.NString)) {
      p.fail("a file name as a string after AS");
    }
    p.advance();
  }
  return source;
}
