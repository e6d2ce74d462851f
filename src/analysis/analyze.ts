/**
 * Analysis of one unit: walks its parsed batches with every detector and
 * returns the feature occurrences and the objects the code defines.
 */

import type { Batch } from "../tsql/ast/statements.js";
import { parse, type ParseOptions } from "../tsql/parse.js";
import { AnalysisContext, type PositionMap } from "./context.js";
import { DETECTORS } from "./detectors/index.js";
import type { UnitDependencies } from "./dependencies.js";
import type { DefinedObject, FeatureOccurrence } from "./occurrence.js";
import { Walker } from "./walk.js";

export interface UnitAnalysis {
  readonly occurrences: FeatureOccurrence[];
  readonly objects: DefinedObject[];
  /** Object references and definitions, for the dependency graph. */
  readonly dependencies: UnitDependencies;
}

let walker: Walker | undefined;

function getWalker(): Walker {
  walker ??= new Walker(DETECTORS);
  return walker;
}

/** Analyses the batches of one unit whose source text is `text`. */
export function analyzeBatches(batches: readonly Batch[], text: string, options: ParseOptions = {}): UnitAnalysis {
  const analyzer = new UnitAnalyzer(text, options);
  for (const batch of batches) {
    analyzer.add(batch);
  }
  return analyzer.result();
}

/**
 * Analyses the batches of one unit one at a time, in source order, as
 * `parseEachBatch` produces them, so that no batch needs to be kept after
 * its walk. The occurrences are the same as those of `analyzeBatches`.
 */
export class UnitAnalyzer {
  private readonly context: AnalysisContext;
  private readonly walker = getWalker();

  /** `text` is the unit's source text; `options` are those it was parsed with. */
  constructor(text: string, options: ParseOptions = {}) {
    this.context = new AnalysisContext(text, { nested: nestedAnalyzer(options) });
  }

  add(batch: Batch): void {
    this.walker.walk(batch, this.context);
  }

  result(): UnitAnalysis {
    return {
      occurrences: this.context.occurrences,
      objects: this.context.objects,
      dependencies: this.context.dependencies.result(),
    };
  }
}

/**
 * Parses dynamic SQL with the options of the outer unit and walks it in the
 * child context. Its parse errors are not the unit's own parse errors: the
 * first one becomes a `dynamic_sql.unparsable` occurrence at its position.
 */
function nestedAnalyzer(options: ParseOptions) {
  return (code: string, context: AnalysisContext, _map: PositionMap): void => {
    const result = parse(code, { ...options, sqlcmd: false, templateParameters: "keep" });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      const first = errors[0]!;
      const position = context.position(first.line, first.column);
      context.occurrences.push({
        featureId: "dynamic_sql.unparsable",
        line: position.line,
        column: position.column,
        object: context.object,
        message: `dynamic SQL that does not parse: ${first.message}`,
      });
    }
    getWalker().walk(result.batches, context);
  };
}
