/**
 * Views of the application model for `infio app`: JSON objects for
 * `--json` and the text of `show`. They show secret references (a variable
 * name, a file path, an ARN), because no password ever reaches them.
 */

import type {
  Application,
  ApplicationServer,
  Metric,
  Questionnaire,
  SecretReference,
  ServerSource,
} from "../store/application-model.js";
import type { AssessmentLink } from "../store/applications.js";

export function applicationJson(application: Application): Record<string, unknown> {
  return {
    name: application.name,
    company: application.companyName,
    createdBy: application.createdBy,
    createdAt: application.createdAt.toISOString(),
    updatedBy: application.updatedBy,
    updatedAt: application.updatedAt.toISOString(),
  };
}

export function serverJson(server: ApplicationServer): Record<string, unknown> {
  return {
    name: server.name,
    environment: server.environment,
    ...sourceJson(server.source),
    databases: [...server.databases],
    excludedDatabases: [...server.excludedDatabases],
    includeSystemDatabases: server.includeSystemDatabases,
    updatedBy: server.updatedBy,
    updatedAt: server.updatedAt.toISOString(),
  };
}

function sourceJson(source: ServerSource): Record<string, unknown> {
  if (source.kind === "scripts") {
    return { kind: "scripts", scripts: source.path };
  }
  return { kind: "live", connection: { ...source.connection }, secret: { ...source.secret } };
}

export function questionnaireJson(answers: Questionnaire | undefined): Record<string, unknown> {
  return {
    thirdParty: answers?.thirdParty ?? null,
    codeChangeable: answers?.codeChangeable ?? null,
    notes: answers?.notes ?? null,
    updatedBy: answers?.updatedBy ?? null,
    updatedAt: answers?.updatedAt.toISOString() ?? null,
  };
}

export function metricJson(metric: Metric): Record<string, unknown> {
  return {
    name: metric.name,
    value: metric.value,
    origin: metric.origin,
    assessments: [...metric.assessments],
    updatedBy: metric.updatedBy,
    updatedAt: metric.updatedAt.toISOString(),
  };
}

export function assessmentLinkJson(link: AssessmentLink, servers: readonly ApplicationServer[]): Record<string, unknown> {
  const server = servers.find((s) => s.key === link.serverKey);
  return {
    id: link.assessmentId,
    server: server?.name ?? null,
    status: link.status,
    startedAt: link.startedAt.toISOString(),
  };
}

/** Describes where a server is read from, for a table cell. */
export function describeSource(source: ServerSource): string {
  if (source.kind === "scripts") {
    return `scripts ${source.path}`;
  }
  if (source.secret.kind === "saved-connection") {
    return `live through saved connection ${source.secret.id}`;
  }
  const c = source.connection;
  let where = c.server ?? "named by the Secrets Manager secret";
  if (c.server === undefined && c.connectionString !== undefined) {
    where = "from a connection string";
  }
  const user = c.user === undefined ? "" : ` as ${c.user}`;
  return `live ${where}${user}, password ${describeSecret(source.secret)}`;
}

export function describeSecret(secret: SecretReference): string {
  switch (secret.kind) {
    case "env":
      return `from environment variable ${secret.variable}`;
    case "file":
      return `from file ${secret.path}`;
    case "prompt":
      return "prompted for";
    case "secret-arn":
      return `from AWS Secrets Manager ${secret.arn}`;
    case "saved-connection":
      return `of saved connection ${secret.id}`;
  }
}

/** Formats an answer that may not have been given. */
export function answerText(value: boolean | undefined): string {
  if (value === undefined) {
    return "not answered";
  }
  return value ? "yes" : "no";
}
