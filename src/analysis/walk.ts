/**
 * Walks a parsed unit and calls the detectors' visitors for every node, in
 * source order. It keeps the enclosing object up to date: CREATE and ALTER
 * statements of objects push their name while their body is walked.
 */

import type { SchemaObjectName } from "../tsql/ast/node.js";
import type { AnalysisContext } from "./context.js";
import type { Detector, Visitor } from "./detector.js";

/** Statement kinds that define an object, with the object type they define. */
const OBJECT_KINDS: Readonly<Record<string, string>> = {
  CreateTableStatement: "table",
  CreateViewStatement: "view",
  AlterViewStatement: "view",
  CreateProcedureStatement: "procedure",
  AlterProcedureStatement: "procedure",
  CreateFunctionStatement: "function",
  AlterFunctionStatement: "function",
  CreateTriggerStatement: "trigger",
  AlterTriggerStatement: "trigger",
  CreateSequenceStatement: "sequence",
  CreateSynonymStatement: "synonym",
  CreateTypeUddtStatement: "type",
  CreateTypeUdtStatement: "type",
  CreateTypeTableStatement: "type",
  CreateAggregateStatement: "aggregate",
};

export class Walker {
  private readonly visitors = new Map<string, Visitor[]>();

  constructor(detectors: readonly Detector[]) {
    for (const detector of detectors) {
      for (const [kind, visitor] of Object.entries(detector.visitors)) {
        const list = this.visitors.get(kind) ?? [];
        list.push(visitor);
        this.visitors.set(kind, list);
      }
    }
  }

  walk(root: unknown, context: AnalysisContext): void {
    this.visit(root, context);
  }

  private visit(value: unknown, context: AnalysisContext): void {
    if (Array.isArray(value)) {
      for (const item of value) {
        this.visit(item, context);
      }
      return;
    }
    if (value === null || typeof value !== "object") {
      return;
    }

    const node = value as Record<string, unknown>;
    const kind = node["kind"];
    let objectType: string | undefined;
    if (typeof kind === "string") {
      objectType = OBJECT_KINDS[kind];
      const name = node["name"] as SchemaObjectName | undefined;
      if (objectType !== undefined && name?.kind === "SchemaObjectName") {
        context.enterObject(node as never, name, objectType);
      } else {
        objectType = undefined;
      }
      const visitors = this.visitors.get(kind);
      if (visitors !== undefined) {
        for (const visitor of visitors) {
          visitor(node, context);
        }
      }
    }

    for (const key in node) {
      const child = node[key];
      if (child !== null && typeof child === "object") {
        this.visit(child, context);
      }
    }

    if (objectType !== undefined) {
      context.leaveObject();
    }
  }
}
