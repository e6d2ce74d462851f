/**
 * The suggested migration waves. Every rule is here, in the order it is
 * applied; the first that matches places the application:
 *
 * 1. No server assessed: no wave (`notAssessed`), because nothing is known.
 * 2. No blocker and no object with a feature the catalog does not know:
 *    wave 1 (`noBlockers`), migrate first.
 * 3. Blockers, and the questionnaire answer is that the code may be changed:
 *    wave 2 (`blockersInChangeableCode`), once the blockers are rewritten.
 * 4. Blockers, and the code may not be changed (a vendor's product, say):
 *    wave 3 (`blockersInUnchangeableCode`), only with the vendor's support
 *    for the target, or the application stays on SQL Server.
 * 5. Blockers, and the questionnaire does not say whether the code may be
 *    changed: wave 3 (`changeabilityUnknown`) until someone answers.
 *
 * Unknown features count as blockers here because nothing shows they are
 * supported. Within a wave, the smaller effort comes first (high end, then
 * low end), then the name. An application with some servers not assessed
 * is placed by the assessed ones, and its reason says so.
 */

import type { ApplicationReport } from "../application/model.js";
import { compareCodeUnits, countOf } from "../text.js";
import type { ApplicationRow, WaveSuggestion } from "./model.js";

/** The rules above as the report prints them, in the order they apply. */
export const WAVE_RULES: readonly string[] = [
  "No server assessed: no wave until one is.",
  "No blocker and no unknown feature: wave 1, migrate first.",
  "Blockers in code that may be changed: wave 2, after rewriting them; " +
    "smaller effort first.",
  "Blockers in code that may not be changed: wave 3, with the vendor's " +
    "support for the target, or stay on SQL Server.",
  "Blockers, and no answer whether the code may be changed: wave 3 until " +
    "the questionnaire is answered.",
  "Unknown features count as blockers. Within a wave, smaller effort comes first.",
];

/** Suggests the wave of one application from its report. */
export function suggestWave(r: ApplicationReport): WaveSuggestion {
  const assessed = r.servers.filter((s) => s.assessed).length;
  if (assessed === 0) {
    return {
      wave: null,
      rule: "notAssessed",
      reason: "No server of this application is assessed; assess one to place it.",
    };
  }

  const partial =
    assessed < r.servers.length
      ? ` ${countOf(r.servers.length - assessed, "server")} not assessed, ` +
        `so this may change.`
      : "";
  const blockers = r.blockers.length;
  const unknown = r.figures.compatibility.all.unknown;

  if (blockers === 0 && unknown === 0) {
    return {
      wave: 1,
      rule: "noBlockers",
      reason: `No blockers and no unknown features.${partial}`,
    };
  }

  const what = blockerText(blockers, unknown);
  switch (r.codeMayBeChanged) {
    case "yes":
      return {
        wave: 2,
        rule: "blockersInChangeableCode",
        reason: `${what}; the code may be changed, so rewrite them first.${partial}`,
      };
    case "no":
      return {
        wave: 3,
        rule: "blockersInUnchangeableCode",
        reason:
          `${what}, in code that may not be changed: migrate with the ` +
          `vendor's support for the target, or stay on SQL Server.${partial}`,
      };
    default:
      return {
        wave: 3,
        rule: "changeabilityUnknown",
        reason:
          `${what}, and the questionnaire does not say whether the code ` +
          `may be changed; answer it to place this application.${partial}`,
      };
  }
}

function blockerText(blockers: number, unknown: number): string {
  const parts: string[] = [];
  if (blockers > 0) {
    parts.push(countOf(blockers, "blocking feature"));
  }
  if (unknown > 0) {
    parts.push(countOf(unknown, "object with unknown features", "objects with unknown features"));
  }
  return parts.join(" and ");
}

/** Orders rows by wave (not assessed last), then smaller effort, then name. */
export function compareByWave(a: ApplicationRow, b: ApplicationRow): number {
  const waveA = a.wave.wave ?? Number.POSITIVE_INFINITY;
  const waveB = b.wave.wave ?? Number.POSITIVE_INFINITY;
  if (waveA !== waveB) {
    return waveA - waveB;
  }

  return (
    a.effort.high - b.effort.high ||
    a.effort.low - b.effort.low ||
    compareCodeUnits(a.name, b.name)
  );
}
