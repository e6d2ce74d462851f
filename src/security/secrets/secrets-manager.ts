/**
 * Secrets from AWS Secrets Manager. Region and credentials come from the
 * standard AWS configuration unless passed, as in AWS SDK for JavaScript v3.
 * Database credentials are a JSON secret with `username` and `password`,
 * and optionally `host`, `port` and `dbname`: the keys that the Secrets
 * Manager console writes for database secrets.
 */

import {
  GetSecretValueCommand,
  SecretsManagerClient,
  type SecretsManagerClientConfig,
} from "@aws-sdk/client-secrets-manager";

import { describeError, fail, ok, type Result } from "../errors.js";
import { Secret } from "./secret.js";

export interface SecretsManagerOptions {
  /** Secret name or ARN. */
  readonly secretId: string;
  readonly region?: string;
  /** Another endpoint, such as a VPC endpoint or a local test server. */
  readonly endpoint?: string;
  readonly credentials?: SecretsManagerClientConfig["credentials"];
  /** An existing client; the other connection options are then ignored. */
  readonly client?: SecretsManagerClient;
}

/** Fetches the current version of a secret as text. */
export async function fetchSecret(options: SecretsManagerOptions): Promise<Result<Secret>> {
  const client = options.client ?? new SecretsManagerClient(clientConfig(options));
  const origin = `AWS Secrets Manager secret '${options.secretId}'`;
  try {
    const output = await client.send(new GetSecretValueCommand({ SecretId: options.secretId }));
    if (output.SecretString !== undefined) {
      return ok(new Secret(output.SecretString, origin));
    }
    if (output.SecretBinary !== undefined) {
      return ok(new Secret(Buffer.from(output.SecretBinary).toString("utf8"), origin));
    }
    return fail("secrets-manager-failed", `${origin} has no value`);
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    return fail(
      "secrets-manager-failed",
      `cannot read ${origin}: ${name}: ${describeError(error)}; ` +
        "check the secret id, the region, your AWS credentials and the secret's policy",
      error,
    );
  } finally {
    if (options.client === undefined) {
      client.destroy();
    }
  }
}

/** A user name and password, with the server they are for when the secret names it. */
export interface DatabaseCredentials {
  readonly username: string;
  readonly password: Secret;
  readonly host?: string;
  readonly port?: number;
  readonly dbname?: string;
}

/**
 * Reads database credentials from a JSON secret. Messages never quote the
 * secret's text, because it contains the password.
 */
export function parseDatabaseSecret(secret: Secret): Result<DatabaseCredentials> {
  let value: unknown;
  try {
    value = JSON.parse(secret.reveal());
  } catch {
    return fail(
      "invalid-format",
      `${secret.origin} is not JSON; store it as {"username": ..., "password": ...}`,
    );
  }

  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail("invalid-format", `${secret.origin} is not a JSON object with username and password`);
  }
  const fields = value as Record<string, unknown>;
  if (typeof fields.username !== "string" || typeof fields.password !== "string") {
    return fail("invalid-format", `${secret.origin} has no string 'username' and 'password' members`);
  }

  const port = typeof fields.port === "string" ? Number(fields.port) : fields.port;
  return ok({
    username: fields.username,
    password: new Secret(fields.password, secret.origin),
    ...(typeof fields.host === "string" ? { host: fields.host } : {}),
    ...(typeof port === "number" && Number.isInteger(port) ? { port } : {}),
    ...(typeof fields.dbname === "string" ? { dbname: fields.dbname } : {}),
  });
}

function clientConfig(options: SecretsManagerOptions): SecretsManagerClientConfig {
  return {
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  };
}
