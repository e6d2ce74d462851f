/**
 * The retention period (`"retention": "30d"` in the configuration): every
 * command that opens the store first purges the assessments that started
 * longer ago, data key first, and logs and audits each one.
 */

import type { Store } from "../store/index.js";
import type { CommandSetup } from "./command-setup.js";
import {
  describeSelection,
  purgeAssessments,
  planPurge,
  planSize,
  type PurgeSelection,
} from "./purge-run.js";

/**
 * Purges what the retention period has expired in `store`. A failure on
 * one assessment is logged and the command goes on; a failure to write the
 * audit log throws a FailureError.
 */
export async function applyRetention(store: Store, setup: CommandSetup, now: Date = new Date()): Promise<void> {
  const retention = setup.settings.retention;
  if (retention === undefined || store.kind === "none") {
    return;
  }

  const selection: PurgeSelection = { kind: "retention", text: retention.text, ms: retention.ms };
  const plan = await planPurge(selection, store, setup.dataKeys, now);
  if (planSize(plan) === 0) {
    return;
  }

  const reason = describeSelection(selection);
  const cutoff = new Date(now.getTime() - retention.ms).toISOString();
  // A warning, so that commands with quiet logs (list, show) still show it.
  setup.log.warn(`${reason}: purging ${planSize(plan)} assessment(s) started before ${cutoff}`);
  await setup.audit.before({
    action: "purge.run",
    outcome: "started",
    details: {
      reason,
      assessments: plan.assessments.map((a) => a.id),
      dataKeysOnly: [...plan.keysOnly],
    },
  });

  const result = await purgeAssessments(plan, {
    store,
    keys: setup.dataKeys,
    audit: setup.audit,
    log: setup.log,
    reason,
  });
  if (result.failed.length > 0) {
    setup.log.warn(`${reason}: ${result.failed.length} assessment(s) could not be purged; run 'infio purge' to retry`);
  }
}
