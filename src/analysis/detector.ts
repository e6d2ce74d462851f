/**
 * A detector finds the uses of one family of features. It names the node
 * kinds it visits; the walker calls it for each node of those kinds, in
 * source order, with the context of the unit.
 */

import type { AnalysisContext } from "./context.js";

// Visitors take the concrete node interface of their kind; the walker only
// has only the kind string, so the parameter type is checked at the detector.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Visitor = (node: any, context: AnalysisContext) => void;

export interface Detector {
  /** The detector's file name, which is also its documentation page. */
  readonly name: string;
  readonly description: string;
  /** Visitors keyed by node kind, called before the node's children. */
  readonly visitors: Readonly<Record<string, Visitor>>;
  /**
   * Visitors keyed by node kind, called after the node's children, for
   * detectors that keep state over a subtree instead of walking it again.
   */
  readonly leave?: Readonly<Record<string, Visitor>>;
}
