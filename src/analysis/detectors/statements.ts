/**
 * Statements that are a feature by themselves, whatever their arguments:
 * CHECKPOINT, SHUTDOWN, RECONFIGURE, KILL, DBCC by command and ALTER
 * SERVER CONFIGURATION.
 */

import type { Node } from "../../tsql/ast/node.js";
import type {
  AlterServerConfigurationStatement,
  DbccStatement,
  KillStatement,
  ReconfigureStatement,
  ShutdownStatement,
} from "../../tsql/ast/admin.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { detailOf, shortText } from "./source-words.js";

function simple(featureId: string, message: string) {
  return (node: Node, context: AnalysisContext) => context.report(node, featureId, message);
}

export const statementDetector: Detector = {
  name: "statements",
  description: "Statements whose use alone decides their support, such as CHECKPOINT.",
  visitors: {
    CheckpointStatement: simple("statement.checkpoint", "CHECKPOINT"),
    ReconfigureStatement(node: ReconfigureStatement, context) {
      context.report(node, "statement.reconfigure", node.withOverride ? "RECONFIGURE WITH OVERRIDE" : "RECONFIGURE");
    },
    ShutdownStatement(node: ShutdownStatement, context) {
      context.report(node, "statement.shutdown", node.noWait ? "SHUTDOWN WITH NOWAIT" : "SHUTDOWN");
    },
    KillStatement(node: KillStatement, context) {
      const status = node.statusOnly ? " WITH STATUSONLY" : "";
      context.report(node, "statement.kill", `KILL ${shortText(context.textOf(node.target))}${status}`);
    },
    KillQueryNotificationSubscriptionStatement: simple("statement.kill", "KILL QUERY NOTIFICATION SUBSCRIPTION"),
    KillStatsJobStatement: simple("statement.kill", "KILL STATS JOB"),
    DbccStatement(node: DbccStatement, context) {
      context.report(node, "statement.dbcc", `DBCC ${node.command}`, detailOf(node.command));
    },
    AlterServerConfigurationStatement(node: AlterServerConfigurationStatement, context) {
      context.report(node, "statement.alter_server_configuration", `ALTER SERVER CONFIGURATION SET ${node.setting}`, detailOf(node.setting));
    },
  },
};
