/** The report order of readiness items. */

import { compareText } from "./load-plan.js";
import { READINESS_SEVERITIES, type ReadinessItem } from "./model.js";

/** Orders by severity, then by database, object and rule. */
export function compareItems(a: ReadinessItem, b: ReadinessItem): number {
  return (
    READINESS_SEVERITIES.indexOf(a.severity) - READINESS_SEVERITIES.indexOf(b.severity) ||
    compareText(a.database ?? "", b.database ?? "") ||
    compareText(a.object ?? "", b.object ?? "") ||
    compareText(a.rule, b.rule)
  );
}

