/**
 * ALTER DATABASE SCOPED CONFIGURATION. Reference: "ALTER DATABASE SCOPED
 * CONFIGURATION", SQL Server 2022.
 */

import type { DatabaseStatement } from "../../ast/admin.js";
import type { Expression } from "../../ast/expressions.js";
import { TokenKind } from "../../lexer/token.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseAdminOption } from "./admin-options.js";

/**
 * `[FOR SECONDARY] SET name = value` or `CLEAR PROCEDURE_CACHE [handle]`.
 * SQL Server takes one option per statement.
 */
export function parseAlterScopedConfiguration(p: Parser, context: StatementContext): DatabaseStatement {
  p.expectWords("DATABASE", "SCOPED", "CONFIGURATION");
  const secondary = p.eatWords("FOR", "SECONDARY");

  if (p.eatWord("CLEAR")) {
    p.expectWord("PROCEDURE_CACHE");
    const planHandle: Expression | undefined = startsPlanHandle(p) ? parseArithmetic(p) : undefined;
    return p.finish(context.mark, {
      kind: "AlterDatabaseScopedConfigurationClearStatement",
      secondary,
      ...(planHandle ? { planHandle } : {}),
    });
  }

  p.expectWord("SET");
  const option = parseAdminOption(p);
  return p.finish(context.mark, { kind: "AlterDatabaseScopedConfigurationSetStatement", secondary, option });
}

function startsPlanHandle(p: Parser): boolean {
  return p.isKind(TokenKind.Binary) || p.isKind(TokenKind.Variable);
}
