/**
 * Statements that are a feature by themselves, whatever their arguments:
 * CHECKPOINT, SHUTDOWN, RECONFIGURE and KILL.
 */

import type { Node } from "../../tsql/ast/node.js";
import type { Detector } from "../detector.js";

function simple(featureId: string, message: string) {
  return (node: Node, context: import("../context.js").AnalysisContext) => context.report(node, featureId, message);
}

export const statementDetector: Detector = {
  name: "statements",
  description: "Statements whose use alone decides their support, such as CHECKPOINT.",
  visitors: {
    CheckpointStatement: simple("statement.checkpoint", "CHECKPOINT"),
  },
};
