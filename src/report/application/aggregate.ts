/**
 * Builds the application report's figures from its servers' latest
 * assessments. Pure: it reads nothing but the input.
 */

import type { EffortRange } from "../../assessment/model.js";
import { compareCodeUnits } from "../text.js";
import { BlockerTally } from "./blockers.js";
import { databaseResolver } from "./databases.js";
import type { AssessedServer } from "./effort.js";
import { applicationEffort } from "./effort.js";
import { sumFigures } from "./figures.js";
import type { Answer, ApplicationReportInput, ServerReportInput } from "./input.js";
import type { ApplicationReport, ServerRollup } from "./model.js";
import { tallyServer } from "./server-tally.js";

export function buildApplicationReport(
  input: ApplicationReportInput,
): ApplicationReport {
  const blockers = new BlockerTally();
  const servers = [...input.servers]
    .sort(compareServers)
    .map((s) => serverRollup(s, blockers));

  const assessed: AssessedServer[] = input.servers.flatMap((s) =>
    s.assessment === undefined ? [] : [{ name: s.name, assessment: s.assessment }],
  );

  const figures = sumFigures(
    servers.flatMap((s) => (s.figures === undefined ? [] : [s.figures])),
  );
  const effort = applicationEffort(assessed);

  return {
    companyName: input.companyName,
    applicationName: input.applicationName,
    target: input.target,
    generatedAt: input.generatedAt,
    questionnaire: input.questionnaire,
    thirdPartyProduct: answerOf(input, "thirdPartyProduct"),
    codeMayBeChanged: answerOf(input, "codeMayBeChanged"),
    metrics: input.metrics,
    servers,
    serversByEnvironment: {
      production: input.servers.filter((s) => s.environment === "production").length,
      nonProduction: input.servers.filter((s) => s.environment === "non-production")
        .length,
    },
    databases: servers.reduce((n, s) => n + s.databases.length, 0),
    figures,
    blockers: blockers.blockers(),
    effort,
    warnings: warningsOf(input, effort.serversWithoutBreakdown),
  };
}

/** Production first, then by name. */
function compareServers(a: ServerReportInput, b: ServerReportInput): number {
  if (a.environment !== b.environment) {
    return a.environment === "production" ? -1 : 1;
  }

  return compareCodeUnits(a.name, b.name);
}

function serverRollup(s: ServerReportInput, blockers: BlockerTally): ServerRollup {
  const base = { name: s.name, environment: s.environment, source: s.source };
  const a = s.assessment;
  if (a === undefined) {
    return {
      ...base,
      assessed: false,
      problem: s.problem ?? "This server has no assessment yet.",
      databases: [],
    };
  }

  const databases = tallyServer(s.name, a, databaseResolver(s.name, s.source, a), blockers);
  const effort: EffortRange = a.effort?.total ?? a.summary.effort;
  return {
    ...base,
    assessed: true,
    assessmentId: a.id,
    assessedAt: a.startedAt,
    assessmentTarget: a.target,
    figures: sumFigures(databases),
    effort: { low: effort.low, high: effort.high },
    databases,
  };
}

/** Returns the answer to a yes-or-no question, `unknown` when it is missing. */
function answerOf(
  input: ApplicationReportInput,
  id: "thirdPartyProduct" | "codeMayBeChanged",
): Answer {
  for (const entry of input.questionnaire) {
    if (entry.id === id) {
      return entry.answer;
    }
  }

  return "unknown";
}

function warningsOf(
  input: ApplicationReportInput,
  withoutBreakdown: readonly string[],
): string[] {
  const warnings: string[] = [];
  for (const s of input.servers) {
    if (s.assessment === undefined) {
      warnings.push(
        `Server ${s.name} is not assessed, so its figures are missing from the totals.`,
      );
    } else if (s.assessment.target !== input.target) {
      warnings.push(
        `Server ${s.name} was assessed for ${s.assessment.target}, not ` +
          `${input.target}; reassess it to compare like with like.`,
      );
    }
  }

  for (const name of withoutBreakdown) {
    warnings.push(
      `The assessment of server ${name} has no effort breakdown, so its ` +
        `learning costs are added per server; reassess it to share them.`,
    );
  }

  return warnings;
}
