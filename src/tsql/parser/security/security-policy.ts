/**
 * Row-level security policies.
 * Reference: CREATE SECURITY POLICY and ALTER SECURITY POLICY
 * (Transact-SQL), SQL Server 2022.
 */

import type { SchemaObjectName } from "../../ast/node.js";
import type { SecurityPredicateAction, SecurityPolicyStatement } from "../../ast/security.js";
import { parseParenthesizedOptions } from "../options.js";
import type { Parser } from "../parser.js";
import { parseArgumentList } from "../primary.js";
import type { StatementContext } from "../registry.js";
import { appendAll } from "../../../util/arrays.js";

const BLOCK_OPERATIONS = [
  ["AFTER", "INSERT"],
  ["AFTER", "UPDATE"],
  ["BEFORE", "UPDATE"],
  ["BEFORE", "DELETE"],
] as const;

/**
 * `SECURITY POLICY name predicate_action [, ...] [WITH (options)] [NOT FOR
 * REPLICATION]`, from SECURITY on. ALTER may also change only the options.
 */
export function parseSecurityPolicy(p: Parser, context: StatementContext, isAlter: boolean): SecurityPolicyStatement {
  p.expectWords("SECURITY", "POLICY");
  const name = p.parseSchemaObjectName("a security policy name");

  const predicates: SecurityPredicateAction[] = [];
  if (!isAlter || startsPredicateAction(p)) {
    appendAll(predicates, p.parseCommaList(() => parsePredicateAction(p, isAlter)));
  }
  const options = p.eatWord("WITH") ? parseParenthesizedOptions(p) : [];
  const notForReplication = p.eatWords("NOT", "FOR", "REPLICATION");

  return p.finish<SecurityPolicyStatement>(context.mark, {
    kind: isAlter ? "AlterSecurityPolicyStatement" : "CreateSecurityPolicyStatement",
    name,
    predicates,
    options,
    notForReplication,
  });
}

const PREDICATE_WORDS = new Set(["FILTER", "BLOCK", "PREDICATE"]);

/** True at `{ADD | ALTER | DROP} [FILTER | BLOCK] PREDICATE`, not at a following ALTER or DROP statement. */
function startsPredicateAction(p: Parser): boolean {
  const verb = p.isWord("ADD") || p.isWord("ALTER") || p.isWord("DROP");
  return verb && p.isAnyWord(PREDICATE_WORDS, 1);
}

/**
 * `{ADD | ALTER} [FILTER | BLOCK] PREDICATE fn(args) ON table [operation]`
 * or, after ALTER, `DROP [FILTER | BLOCK] PREDICATE ON table`.
 */
function parsePredicateAction(p: Parser, isAlter: boolean): SecurityPredicateAction {
  const mark = p.mark();
  const action = (isAlter ? p.expectOneOf(["ADD", "ALTER", "DROP"]) : p.expectOneOf(["ADD"])) as
    SecurityPredicateAction["action"];
  let predicateType: SecurityPredicateAction["predicateType"] = "FILTER";
  if (p.isWord("FILTER") || p.isWord("BLOCK")) {
    predicateType = p.advance().value as "FILTER" | "BLOCK";
  }
  p.expectWord("PREDICATE");

  let fn: SchemaObjectName | undefined;
  let args: ReturnType<typeof parseArgumentList> = [];
  if (action !== "DROP") {
    fn = p.parseSchemaObjectName("a predicate function name");
    args = parseArgumentList(p);
  }
  p.expectWord("ON");
  const target = p.parseSchemaObjectName("a table name");
  const blockOperation = action === "DROP" ? undefined : parseBlockOperation(p);

  return p.finish<SecurityPredicateAction>(mark, {
    kind: "SecurityPredicateAction",
    action,
    predicateType,
    ...(fn ? { function: fn } : {}),
    arguments: args,
    target,
    ...(blockOperation ? { blockOperation } : {}),
  });
}

function parseBlockOperation(p: Parser): SecurityPredicateAction["blockOperation"] {
  for (const words of BLOCK_OPERATIONS) {
    if (p.eatWords(...words)) {
      return `${words[0]} ${words[1]}` as SecurityPredicateAction["blockOperation"];
    }
  }
  return undefined;
}
