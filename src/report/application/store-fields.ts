/**
 * The questionnaire answers and environment metrics of an application as
 * the application report shows them. The CLI and the web console build the
 * report's input from the store with these, so both show the same words.
 */

import type { Metric, MetricName, Questionnaire } from "../../store/application-model.js";
import type { EnvironmentMetric, QuestionnaireEntry } from "./input.js";

/** The questionnaire's questions, as reports and the console's forms word them. */
export const QUESTIONS = {
  thirdPartyProduct: "Is the application a third-party or commercial product?",
  codeMayBeChanged: "May the application's code be changed for the migration?",
  notes: "Notes",
} as const;

/** The report's name and unit of each metric; memory and storage are stored in MiB. */
const METRIC_LABELS: Readonly<Record<MetricName, { readonly name: string; readonly unit?: string }>> = {
  "production-instances": { name: "Production instances" },
  "non-production-instances": { name: "Non-production instances" },
  "cpu-cores": { name: "CPU cores", unit: "cores" },
  "memory-mb": { name: "Memory", unit: "MiB" },
  "storage-mb": { name: "Storage", unit: "MiB" },
  "primary-replicas": { name: "Primary replicas" },
  "secondary-replicas": { name: "Secondary replicas" },
};

/** Returns the report's entries for the stored answers; an unset answer is "unknown". */
export function questionnaireEntries(answers: Questionnaire | undefined): QuestionnaireEntry[] {
  const entries: QuestionnaireEntry[] = [
    { id: "thirdPartyProduct", question: QUESTIONS.thirdPartyProduct, answer: answerOf(answers?.thirdParty) },
    { id: "codeMayBeChanged", question: QUESTIONS.codeMayBeChanged, answer: answerOf(answers?.codeChangeable) },
  ];
  if (answers?.notes !== undefined && answers.notes !== "") {
    entries.push({ id: "notes", question: QUESTIONS.notes, answer: answers.notes });
  }
  return entries;
}

/** Returns a stored metric with the report's name and unit. */
export function environmentMetric(metric: Metric): EnvironmentMetric {
  const label = METRIC_LABELS[metric.name];
  return {
    name: label.name,
    value: metric.value,
    ...(label.unit === undefined ? {} : { unit: label.unit }),
    origin: metric.origin,
  };
}

function answerOf(value: boolean | undefined): "yes" | "no" | "unknown" {
  if (value === undefined) {
    return "unknown";
  }
  return value ? "yes" : "no";
}
