/**
 * The state passed to detectors while the walker visits a unit: the text,
 * the enclosing object, and the occurrences reported so far.
 */

import type { SchemaObjectName } from "../tsql/ast/node.js";
import type { Node } from "../tsql/ast/node.js";
import { DependencyCollector } from "./dependencies.js";
import type { DefinedObject, FeatureOccurrence } from "./occurrence.js";

/** Maps positions of nested code (dynamic SQL) to the outer file. */
export interface PositionMap {
  (line: number, column: number): { line: number; column: number };
}

/** Parses and analyses nested code, reporting into the same context. */
export type NestedAnalyzer = (text: string, context: AnalysisContext, mapPosition: PositionMap) => void;

/** Deepest dynamic SQL nesting that is analysed; deeper strings are reported, not parsed. */
export const MAX_DYNAMIC_DEPTH = 8;

export class AnalysisContext {
  occurrences: FeatureOccurrence[] = [];
  objects: DefinedObject[] = [];
  /** Object references of the unit, shared with nested contexts like the occurrences. */
  readonly dependencies: DependencyCollector;
  /** Source text of the unit, for detectors that need the written form. */
  readonly text: string;
  /** Nesting of dynamic SQL; 0 for the unit itself. */
  readonly dynamicDepth: number;
  private readonly objectStack: string[] = [];
  private readonly mapPosition: PositionMap;
  /** Whether the text contains a CR, learned at the first object. */
  private hasCarriageReturn: boolean | undefined = undefined;
  /** False when positions are the unit's own, so reports skip the mapping. */
  private readonly mapsPositions: boolean;
  private readonly nested: NestedAnalyzer | undefined;

  constructor(
    text: string,
    options: {
      dynamicDepth?: number;
      mapPosition?: PositionMap;
      object?: string;
      nested?: NestedAnalyzer;
      occurrences?: FeatureOccurrence[];
      objects?: DefinedObject[];
      dependencies?: DependencyCollector;
    } = {},
  ) {
    this.text = text;
    this.dependencies = options.dependencies ?? new DependencyCollector();
    this.nested = options.nested;
    if (options.occurrences) {
      this.occurrences = options.occurrences;
    }
    if (options.objects) {
      this.objects = options.objects;
    }
    this.dynamicDepth = options.dynamicDepth ?? 0;
    this.mapPosition = options.mapPosition ?? ((line, column) => ({ line, column }));
    this.mapsPositions = options.mapPosition !== undefined;
    if (options.object) {
      this.objectStack.push(options.object);
    }
  }

  /** Enclosing object of the node being visited, or "" at batch level. */
  get object(): string {
    return this.objectStack[this.objectStack.length - 1] ?? "";
  }

  /** Records one occurrence of `featureId` at `node`. */
  report(node: Node, featureId: string, message: string, detail?: string): void {
    let line = node.line;
    let column = node.column;
    if (this.mapsPositions) {
      const mapped = this.mapPosition(line, column);
      line = mapped.line;
      column = mapped.column;
    }

    // Two literals instead of a spread keep one object shape per branch;
    // the key order is the same in both.
    const object = this.object;
    this.occurrences.push(
      detail === undefined
        ? { featureId, line, column, object, message }
        : { featureId, detail: detail.toLowerCase(), line, column, object, message },
    );
  }

  /** Source text of a node as written. */
  textOf(node: Node): string {
    return this.text.slice(node.start, node.end);
  }

  /** Maps a position of this unit to the outer file, for nested analysis. */
  position(line: number, column: number): { line: number; column: number } {
    return this.mapPosition(line, column);
  }

  /**
   * Analyses `code`, the text of dynamic SQL found in this unit, as nested
   * code. `mapPosition` maps positions in `code` to positions in this unit;
   * occurrences come out with positions in the outer file and with this
   * context's enclosing object. Returns false when the nesting is too deep.
   */
  analyzeNested(code: string, mapPosition: PositionMap): boolean {
    if (this.nested === undefined || this.dynamicDepth >= MAX_DYNAMIC_DEPTH) {
      return false;
    }
    const toOuter: PositionMap = (line, column) => {
      const inner = mapPosition(line, column);
      return this.mapPosition(inner.line, inner.column);
    };
    const child = new AnalysisContext(code, {
      dynamicDepth: this.dynamicDepth + 1,
      mapPosition: toOuter,
      object: this.object,
      nested: this.nested,
      occurrences: this.occurrences,
      objects: this.objects,
      dependencies: this.dependencies,
    });
    this.nested(code, child, toOuter);
    return true;
  }

  enterObject(node: Node, name: SchemaObjectName, type: string): void {
    const qualified = objectName(name);
    const { line } = this.mapPosition(node.line, node.column);
    this.hasCarriageReturn ??= this.text.includes("\r");
    const lines = countLines(this.text, node.start, node.end, this.hasCarriageReturn);
    if (this.dynamicDepth === 0) {
      this.objects.push({ name: qualified, type, line, lines });
    }
    this.objectStack.push(qualified);
  }

  leaveObject(): void {
    this.objectStack.pop();
  }
}

/** `schema.name` of a name, assuming `dbo` when the schema is omitted. */
export function objectName(name: SchemaObjectName): string {
  const schema = name.schema?.value ?? "dbo";
  const database = name.database?.value;
  return database ? `${database}.${schema}.${name.name.value}` : `${schema}.${name.name.value}`;
}

/**
 * Lines from `start` to `end`: one plus the line breaks, where CRLF, LF and
 * a lone CR each end a line. In text without CR, `indexOf` finds the LFs
 * faster than a loop over every character.
 */
function countLines(text: string, start: number, end: number, hasCarriageReturn: boolean): number {
  let lines = 1;
  if (!hasCarriageReturn) {
    for (let i = text.indexOf("\n", start); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) {
      lines++;
    }
    return lines;
  }
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      lines++;
    }
  }
  return lines;
}
