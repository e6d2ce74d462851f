/**
 * Triggers by kind and event: AFTER (FOR) and INSTEAD OF DML triggers, on
 * tables and on views the unit defines; DDL triggers by event; LOGON
 * triggers; CLR triggers; WITH APPEND, NOT FOR REPLICATION and ALTER
 * TRIGGER; and turning triggers on or off, with ENABLE/DISABLE TRIGGER or
 * with ALTER TABLE ... ENABLE/DISABLE TRIGGER.
 */

import type {
  EnableDisableTriggerStatement,
  TriggerStatement,
} from "../../tsql/ast/modules.js";
import type { AlterTableTriggerModificationStatement } from "../../tsql/ast/tables.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { reportOrAlter } from "./modules.js";
import { findWord, wordIn } from "./source-words.js";
import { isKnownView } from "./unit-names.js";

function visitTrigger(node: TriggerStatement, context: AnalysisContext): void {
  const name = context.textOf(node.name);
  reportOrAlter(node, "TRIGGER", context);
  if (node.isAlter) {
    context.report(node, "trigger.alter", `ALTER TRIGGER ${name}`);
  }

  if (node.scope === "object") {
    reportDmlTrigger(node, name, context);
  } else {
    reportServerOrDatabaseTrigger(node, name, context);
  }

  if (node.withAppend) {
    const append = wordIn(context, node, ["APPEND"], node.name.end);
    context.report(append, "trigger.with_append", `trigger ${name} WITH APPEND`);
  }
  if (node.notForReplication) {
    const notWord = wordIn(context, node, ["NOT"], node.name.end);
    context.report(notWord, "ddl.constraint.not_for_replication", `trigger ${name} NOT FOR REPLICATION`);
  }
  if (node.externalName !== undefined) {
    context.report(node.externalName, "trigger.clr", `trigger ${name} EXTERNAL NAME ${context.textOf(node.externalName)}`);
  }
}

function reportDmlTrigger(node: TriggerStatement, name: string, context: AnalysisContext): void {
  const from = node.target?.end ?? node.name.end;
  const timing = wordIn(context, node, [node.timing === "INSTEAD OF" ? "INSTEAD" : node.timing], from);
  const target = node.target === undefined ? "" : context.textOf(node.target);
  const message = `${node.timing} ${node.events.join(", ")} trigger ${name} on ${target}`;

  if (node.timing !== "INSTEAD OF") {
    context.report(timing, "trigger.dml.after", message);
  } else if (node.target !== undefined && isKnownView(context, node.target)) {
    context.report(timing, "trigger.dml.instead_of_view", message);
  } else {
    // NOTE: a view created outside the assessed unit is taken for a table.
    context.report(timing, "trigger.dml.instead_of_table", message);
  }
}

/** DDL triggers report each event; LOGON triggers once. */
function reportServerOrDatabaseTrigger(
  node: TriggerStatement,
  name: string,
  context: AnalysisContext,
): void {
  const scope = node.scope === "server" ? "ALL SERVER" : "DATABASE";
  for (const event of node.events) {
    const at = findWord(context, node, [event], node.name.end) ?? node;
    if (event === "LOGON") {
      context.report(at, "trigger.logon", `LOGON trigger ${name} ON ALL SERVER`);
    } else {
      context.report(at, "trigger.ddl", `DDL trigger ${name} ON ${scope} FOR ${event}`, event.toLowerCase());
    }
  }
}

function visitEnableDisable(node: EnableDisableTriggerStatement, context: AnalysisContext): void {
  const action = node.enable ? "ENABLE" : "DISABLE";
  const names = node.all ? "ALL" : node.triggers.map((t) => context.textOf(t)).join(", ");
  const on = node.scope === "object" ? context.textOf(node.target ?? node) : node.scope === "server" ? "ALL SERVER" : "DATABASE";
  context.report(node, "trigger.enable_disable", `${action} TRIGGER ${names} ON ${on}`);
}

function visitAlterTableToggle(
  node: AlterTableTriggerModificationStatement,
  context: AnalysisContext,
): void {
  const names = node.all ? "ALL" : node.triggers.map((t) => t.value).join(", ");
  const at = wordIn(context, node, [node.action], node.table.end);
  context.report(at, "trigger.enable_disable", `ALTER TABLE ${context.textOf(node.table)} ${node.action} TRIGGER ${names}`);
}

export const triggerDetector: Detector = {
  name: "triggers",
  description:
    "Triggers by kind and event (AFTER, INSTEAD OF, DDL, LOGON, CLR) and ENABLE/DISABLE TRIGGER in both forms.",
  visitors: {
    CreateTriggerStatement: visitTrigger,
    AlterTriggerStatement: visitTrigger,
    EnableDisableTriggerStatement: visitEnableDisable,
    AlterTableTriggerModificationStatement: visitAlterTableToggle,
  },
};
