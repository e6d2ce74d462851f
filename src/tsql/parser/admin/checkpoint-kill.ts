/**
 * CHECKPOINT and the KILL statements. Reference: "CHECKPOINT", "KILL",
 * "KILL QUERY NOTIFICATION SUBSCRIPTION" and "KILL STATS JOB", SQL Server
 * 2022.
 */

import type {
  CheckpointStatement,
  KillQueryNotificationSubscriptionStatement,
  KillStatement,
  KillStatsJobStatement,
} from "../../ast/admin.js";
import { TokenKind } from "../../lexer/token.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";

export function parseCheckpoint(p: Parser, context: StatementContext): CheckpointStatement {
  p.expectWord("CHECKPOINT");
  const duration = p.isKind(TokenKind.Integer) ? parseArithmetic(p) : undefined;
  return p.finish<CheckpointStatement>(context.mark, {
    kind: "CheckpointStatement",
    ...(duration ? { duration } : {}),
  });
}

/** `KILL { session_id [WITH STATUSONLY] | 'uow' [WITH STATUSONLY] }`. */
export function parseKill(p: Parser, context: StatementContext): KillStatement {
  p.expectWord("KILL");
  const t = p.token;
  if (
    t.kind !== TokenKind.Integer &&
    t.kind !== TokenKind.String &&
    t.kind !== TokenKind.NString &&
    t.kind !== TokenKind.Variable
  ) {
    p.fail("a session id or a unit of work id after KILL");
  }
  const target = parseArithmetic(p);
  const statusOnly = p.eatWords("WITH", "STATUSONLY");
  return p.finish<KillStatement>(context.mark, { kind: "KillStatement", target, statusOnly });
}

export function parseKillQueryNotification(
  p: Parser,
  context: StatementContext,
): KillQueryNotificationSubscriptionStatement {
  p.expectWords("KILL", "QUERY", "NOTIFICATION", "SUBSCRIPTION");
  if (p.eatWord("ALL")) {
    return p.finish<KillQueryNotificationSubscriptionStatement>(context.mark, {
      kind: "KillQueryNotificationSubscriptionStatement",
      all: true,
    });
  }
  const subscriptionId = parseArithmetic(p);
  return p.finish<KillQueryNotificationSubscriptionStatement>(context.mark, {
    kind: "KillQueryNotificationSubscriptionStatement",
    all: false,
    subscriptionId,
  });
}

export function parseKillStatsJob(p: Parser, context: StatementContext): KillStatsJobStatement {
  p.expectWords("KILL", "STATS", "JOB");
  const jobId = parseArithmetic(p);
  return p.finish<KillStatsJobStatement>(context.mark, { kind: "KillStatsJobStatement", jobId });
}
