/**
 * Resource Governor: resource pools, external resource pools, workload
 * groups and ALTER RESOURCE GOVERNOR. Reference: "CREATE RESOURCE POOL",
 * "CREATE EXTERNAL RESOURCE POOL", "CREATE WORKLOAD GROUP" and "ALTER
 * RESOURCE GOVERNOR", SQL Server 2022.
 */

import type {
  AlterResourceGovernorStatement,
  ResourcePoolStatement,
  WorkloadGroupStatement,
} from "../../ast/admin.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseLooseOptionList, parseParenthesizedAdminOptions } from "./admin-options.js";
import { parseNameOrString } from "./clauses.js";

/** `WITH ( option [[,] option ...] )`, where the commas are optional. */
function parseLooseWithOptions(p: Parser): OptionNode[] {
  if (!p.eatWord("WITH")) {
    return [];
  }
  p.expect(TokenKind.LeftParen, "'(' after WITH");
  if (p.eat(TokenKind.RightParen)) {
    return [];
  }
  const options = parseLooseOptionList(p);
  p.expect(TokenKind.RightParen, "')' to close the option list");
  return options;
}

/** CREATE | ALTER [EXTERNAL] RESOURCE POOL p [WITH ( ... )]. */
export function parseResourcePool(p: Parser, context: StatementContext, create: boolean): ResourcePoolStatement {
  const external = p.eatWord("EXTERNAL");
  p.expectWords("RESOURCE", "POOL");
  const name = parseNameOrString(p, "a resource pool name");
  const options = parseLooseWithOptions(p);
  return p.finish<ResourcePoolStatement>(context.mark, {
    kind: create ? "CreateResourcePoolStatement" : "AlterResourcePoolStatement",
    name,
    external,
    options,
  });
}

/** CREATE | ALTER WORKLOAD GROUP g [WITH ( ... )] [USING pool [, EXTERNAL pool]]. */
export function parseWorkloadGroup(p: Parser, context: StatementContext, create: boolean): WorkloadGroupStatement {
  p.expectWords("WORKLOAD", "GROUP");
  const name = parseNameOrString(p, "a workload group name");
  const options = parseLooseWithOptions(p);

  let pool: Identifier | undefined;
  let externalPool: Identifier | undefined;
  if (p.eatWord("USING")) {
    if (!p.isWord("EXTERNAL")) {
      pool = parseNameOrString(p, "a resource pool name");
      p.eat(TokenKind.Comma);
    }
    if (p.eatWord("EXTERNAL")) {
      externalPool = parseNameOrString(p, "an external resource pool name");
    }
  }

  return p.finish<WorkloadGroupStatement>(context.mark, {
    kind: create ? "CreateWorkloadGroupStatement" : "AlterWorkloadGroupStatement",
    name,
    options,
    ...(pool ? { pool } : {}),
    ...(externalPool ? { externalPool } : {}),
  });
}

/** ALTER RESOURCE GOVERNOR RECONFIGURE | DISABLE | RESET STATISTICS | WITH ( ... ). */
export function parseAlterResourceGovernor(p: Parser, context: StatementContext): AlterResourceGovernorStatement {
  p.expectWords("RESOURCE", "GOVERNOR");
  let action: AlterResourceGovernorStatement["action"];
  let options: OptionNode[] = [];
  if (p.eatWords("RESET", "STATISTICS")) {
    action = "RESET STATISTICS";
  } else if (p.eatWord("WITH")) {
    action = "WITH";
    options = parseParenthesizedAdminOptions(p);
  } else {
    action = p.expectOneOf(["RECONFIGURE", "DISABLE"]) as "RECONFIGURE" | "DISABLE";
  }
  return p.finish<AlterResourceGovernorStatement>(context.mark, {
    kind: "AlterResourceGovernorStatement",
    action,
    options,
  });
}
