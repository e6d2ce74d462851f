/**
 * The application model of the store (migration 9): companies own
 * applications, an application runs on servers and owns its assessments,
 * its discovery questionnaire and its environment metrics. These are the
 * records the store tables return; see applications-store.ts for the API.
 */

/** The actor and the time of a change to a row. */
export interface RowChange {
  readonly actor: string;
  readonly at: Date;
}

/** The creator and the last editor of a row, with the times of both changes. */
export interface RowStamps {
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

export interface Company extends RowStamps {
  /** Internal key; applications refer to it. */
  readonly key: number;
  readonly name: string;
}

export interface Application extends RowStamps {
  readonly key: number;
  readonly name: string;
  readonly companyKey: number;
  readonly companyName: string;
}

export const ENVIRONMENTS = ["production", "non-production"] as const;

export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * The source of a live server's password, read when the server is
 * assessed. The store keeps only this reference, never the password. It is
 * an environment variable name, a file readable only by its owner, a
 * prompt, an AWS Secrets Manager secret, or a saved connection of the web
 * console, whose password the store keeps sealed.
 */
export type SecretReference =
  | { readonly kind: "env"; readonly variable: string }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "prompt" }
  | { readonly kind: "secret-arn"; readonly arn: string }
  | { readonly kind: "saved-connection"; readonly id: string };

/**
 * The connection options of a live server, as `infio assess --server`
 * takes them (see src/cli/live-options.ts). None of them carries a
 * password: a connection string with one is rejected before it is stored.
 * Empty for a server reached through a saved connection, which has its own.
 */
export interface LiveConnection {
  readonly server?: string;
  readonly connectionString?: string;
  readonly user?: string;
  readonly tls?: string;
  readonly tlsCa?: string;
  readonly serverName?: string;
  readonly trustServerCertificate?: boolean;
  /** Statement timeout in seconds, as `--timeout`. */
  readonly timeout?: string;
  readonly connectTimeout?: string;
  readonly retries?: string;
}

/** The source a server of an application is assessed from. */
export type ServerSource =
  | { readonly kind: "live"; readonly connection: LiveConnection; readonly secret: SecretReference }
  | { readonly kind: "scripts"; readonly path: string };

/** The fields of a server that a caller sets. */
export interface ServerFields {
  /** Unique within the application, regardless of case. */
  readonly name: string;
  readonly environment: Environment;
  readonly source: ServerSource;
  /** Databases to assess; empty for every user database. Live servers only. */
  readonly databases: readonly string[];
  /** Databases left out, matched without case. Live servers only. */
  readonly excludedDatabases: readonly string[];
  /** Also assess master, model and msdb. Live servers only. */
  readonly includeSystemDatabases: boolean;
}

export interface ApplicationServer extends ServerFields, RowStamps {
  readonly key: number;
  readonly applicationKey: number;
}

/**
 * The discovery questionnaire of an application. Each answer is undefined
 * until someone gives it.
 */
export interface QuestionnaireAnswers {
  /** Whether the application is a third-party or commercial product. */
  readonly thirdParty: boolean | undefined;
  /** Whether its code (and so its SQL) may be changed for the migration. */
  readonly codeChangeable: boolean | undefined;
  readonly notes: string | undefined;
}

export interface Questionnaire extends QuestionnaireAnswers {
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/**
 * The environment metrics of an application. Memory and storage are in
 * MiB (1,048,576 bytes); the others are counts.
 */
export const METRICS = [
  "production-instances",
  "non-production-instances",
  "cpu-cores",
  "memory-mb",
  "storage-mb",
  "primary-replicas",
  "secondary-replicas",
] as const;

export type MetricName = (typeof METRICS)[number];

/** `inventory`: read from a live server's inventory; `manual`: entered by hand. */
export type MetricOrigin = "inventory" | "manual";

export interface Metric {
  readonly name: MetricName;
  readonly value: number;
  readonly origin: MetricOrigin;
  /** Ids of the assessments whose inventory gave the value; empty for `manual`. */
  readonly assessments: readonly string[];
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** Maximum length of a company, application or server name, in characters. */
export const MAX_NAME_LENGTH = 128;

/**
 * Checks the name of a company, application or server; returns the
 * problem, or undefined. Names are shown in reports and terminals, so
 * control characters are rejected.
 */
export function checkModelName(kind: string, name: string): string | undefined {
  if (name.trim() === "") {
    return `invalid ${kind} name '': give a name`;
  }
  if (name !== name.trim()) {
    return `invalid ${kind} name '${name}': remove the spaces at its start and end`;
  }
  if ([...name].length > MAX_NAME_LENGTH) {
    return `invalid ${kind} name '${name}': use at most ${MAX_NAME_LENGTH} characters`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    return `invalid ${kind} name ${JSON.stringify(name)}: remove the control characters`;
  }
  return undefined;
}
