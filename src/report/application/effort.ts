/**
 * The application's effort across its servers. Each server's estimate
 * charges the learning cost of a feature once for that server, but the
 * team learns a fix once for the whole application: a cursor option
 * worked out for production needs no second study for the test server.
 * So the roll-up charges learning once per feature and detail across all
 * servers, and sums the per-occurrence costs of every server:
 *
 * - the learning cost of a feature is the largest feature learning cost
 *   (`learningBasis` `feature`) any server recorded for it, charged to
 *   the detail that carried it;
 * - each other distinct detail of the feature adds the detail learning
 *   cost (`rates.perDetail` of a server that recorded the detail, the
 *   largest one), as a single assessment charges it;
 * - the repeat cost is each server's occurrences times that server's
 *   per-occurrence rate, summed.
 *
 * A server whose assessment has no `effort` breakdown adds its summary
 * total unchanged, and the report names it.
 */

import type {
  Assessment,
  EffortRange,
  FeatureEffort,
} from "../../assessment/model.js";
import { compareCodeUnits } from "../text.js";
import type { ApplicationEffort, FeatureEffortRollup } from "./model.js";

interface DetailState {
  featureId: string;
  detail?: string;
  title: string;
  occurrences: number;
  repeat: { low: number; high: number };
  /** Largest feature learning cost a server charged to this detail. */
  featureLearning?: EffortRange;
  /** Largest detail learning cost a server charged or would charge this detail. */
  detailLearning: EffortRange;
}

/** One assessed server: its name and its assessment. */
export interface AssessedServer {
  readonly name: string;
  readonly assessment: Assessment;
}

export function applicationEffort(servers: readonly AssessedServer[]): ApplicationEffort {
  const details = new Map<string, DetailState>();
  const withoutBreakdown: string[] = [];
  const extra = { low: 0, high: 0 };

  for (const { name, assessment } of servers) {
    const effort = assessment.effort;
    if (effort === undefined) {
      withoutBreakdown.push(name);
      extra.low += assessment.summary.effort.low;
      extra.high += assessment.summary.effort.high;
      continue;
    }

    for (const f of effort.byFeature) {
      const key = `${f.featureId}\u0000${f.detail ?? ""}`;
      const state = details.get(key) ?? newState(f);
      details.set(key, state);
      state.occurrences += f.occurrences;
      state.repeat.low += f.occurrences * f.perOccurrence.low;
      state.repeat.high += f.occurrences * f.perOccurrence.high;

      // Assessments stored before the detail rate existed have no
      // `learningBasis` and charged the feature's learning cost to every
      // detail, so their cost counts as the feature's.
      if (f.learningBasis === "detail") {
        state.detailLearning = larger(state.detailLearning, f.learning);
      } else {
        state.featureLearning = larger(state.featureLearning, f.learning);
        const perDetail = effort.rates.perDetail?.[f.complexity] ?? f.learning;
        state.detailLearning = larger(state.detailLearning, perDetail);
      }
    }
  }

  const byFeature = chargeLearning([...details.values()]);
  const learning = { low: 0, high: 0 };
  const repeat = { low: 0, high: 0 };
  for (const f of byFeature) {
    learning.low += f.learning.low;
    learning.high += f.learning.high;
    repeat.low += f.repeat.low;
    repeat.high += f.repeat.high;
  }

  return {
    total: rounded({
      low: learning.low + repeat.low + extra.low,
      high: learning.high + repeat.high + extra.high,
    }),
    learning: rounded(learning),
    repeat: rounded(repeat),
    byFeature,
    serversWithoutBreakdown: withoutBreakdown.sort(compareCodeUnits),
  };
}

function newState(f: FeatureEffort): DetailState {
  return {
    featureId: f.featureId,
    ...(f.detail === undefined ? {} : { detail: f.detail }),
    title: f.title,
    occurrences: 0,
    repeat: { low: 0, high: 0 },
    detailLearning: { low: 0, high: 0 },
  };
}

/**
 * Charges each feature's learning cost to one detail and the detail cost
 * to the others, then returns the rows, largest total first.
 */
function chargeLearning(states: readonly DetailState[]): FeatureEffortRollup[] {
  const byFeature = new Map<string, DetailState[]>();
  for (const s of states) {
    const group = byFeature.get(s.featureId) ?? [];
    group.push(s);
    byFeature.set(s.featureId, group);
  }

  const rows: FeatureEffortRollup[] = [];
  for (const group of byFeature.values()) {
    const carrier = featureCarrier(group);
    for (const s of group) {
      const learning =
        s === carrier ? (s.featureLearning ?? s.detailLearning) : s.detailLearning;
      const repeat = rounded(s.repeat);
      rows.push({
        featureId: s.featureId,
        ...(s.detail === undefined ? {} : { detail: s.detail }),
        title: s.title,
        occurrences: s.occurrences,
        learning: { ...learning },
        repeat,
        total: rounded({
          low: learning.low + s.repeat.low,
          high: learning.high + s.repeat.high,
        }),
      });
    }
  }

  return rows.sort(
    (a, b) =>
      b.total.high - a.total.high ||
      compareCodeUnits(a.featureId, b.featureId) ||
      compareCodeUnits(a.detail ?? "", b.detail ?? ""),
  );
}

/**
 * Returns the detail that carries the feature's learning cost: the one
 * with the largest feature learning cost, ties broken by detail name so
 * the choice does not depend on server order.
 */
function featureCarrier(group: readonly DetailState[]): DetailState | undefined {
  const candidates = group.filter((s) => s.featureLearning !== undefined);
  candidates.sort(
    (a, b) =>
      b.featureLearning!.high - a.featureLearning!.high ||
      b.featureLearning!.low - a.featureLearning!.low ||
      compareCodeUnits(a.detail ?? "", b.detail ?? ""),
  );
  return candidates[0];
}

function larger(a: EffortRange | undefined, b: EffortRange): EffortRange {
  if (a === undefined) {
    return { low: b.low, high: b.high };
  }

  return b.high > a.high || (b.high === a.high && b.low > a.low)
    ? { low: b.low, high: b.high }
    : a;
}

/** Rounds hours to hundredths, as the assessments' own estimates do. */
function rounded(range: EffortRange): EffortRange {
  return {
    low: Math.round(range.low * 100) / 100,
    high: Math.round(range.high * 100) / 100,
  };
}
