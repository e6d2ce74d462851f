/**
 * Sources of the SQL login's password: an environment variable, a
 * file only its owner can read, a prompt without echo, or an AWS Secrets
 * Manager secret with `username` and `password` (and optionally `host`
 * and `port`). A password typed as an option value is rejected,
 * since other users can read it in the process list.
 */

import type { Result } from "../../../security/errors.js";
import { parseSecretReference, resolveSecret, type ResolveSecretOptions, type SecretSource } from "../../../security/secrets/resolve.js";
import type { Secret } from "../../../security/secrets/secret.js";
import { parseDatabaseSecret } from "../../../security/secrets/secrets-manager.js";
import { ConnectionSettingsError } from "./settings-error.js";

export interface PasswordOptions {
  /**
   * `--password`: only a secret reference (`env:NAME`, `file:PATH`,
   * `prompt`, a Secrets Manager ARN) is accepted, never the password.
   */
  readonly password?: string;
  /** `--password-env VAR`. */
  readonly passwordEnv?: string;
  /** `--password-file FILE`. */
  readonly passwordFile?: string;
  /** `--secret-arn ARN`: a Secrets Manager secret id or ARN. */
  readonly secretArn?: string;
  /** `--password-prompt`: prompt even when another default would apply. */
  readonly passwordPrompt?: boolean;
  /** Whether standard input is a terminal, which makes prompting the default. */
  readonly interactive: boolean;
}

/** A user name and password, with what a Secrets Manager secret adds. */
export interface Credentials {
  readonly user: string;
  readonly password: Secret;
  /** `host` and `port` of a Secrets Manager secret. */
  readonly host?: string;
  readonly port?: number;
}

const SOURCES_HELP = "--password-env VAR, --password-file FILE, --secret-arn ARN or the prompt";
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRETS_MANAGER_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/;

/**
 * Maps the password options to one secret source; prompting is the
 * default on a terminal. Throws a ConnectionSettingsError when none or
 * several are given, or for a password given as a value, whose message
 * never quotes that value.
 */
export function passwordSource(options: PasswordOptions): SecretSource {
  const chosen: { option: string; source: SecretSource }[] = [];

  if (options.password !== undefined) {
    chosen.push({ option: "--password", source: fromPasswordOption(options.password) });
  }
  if (options.passwordEnv !== undefined) {
    chosen.push({ option: "--password-env", source: fromEnvironmentOption(options.passwordEnv) });
  }
  if (options.passwordFile !== undefined) {
    if (options.passwordFile.trim() === "") {
      throw new ConnectionSettingsError("--password-file", "invalid --password-file '': pass the path of a file that only you can read");
    }
    chosen.push({ option: "--password-file", source: { kind: "file", path: options.passwordFile } });
  }
  if (options.secretArn !== undefined) {
    chosen.push({ option: "--secret-arn", source: fromSecretArn(options.secretArn) });
  }
  if (options.passwordPrompt === true) {
    chosen.push({ option: "--password-prompt", source: { kind: "prompt" } });
  }

  if (chosen.length > 1) {
    const names = chosen.map((choice) => choice.option).join(", ");
    throw new ConnectionSettingsError(chosen[1]!.option, `${names} each give the password; pass only one of them`);
  }
  if (chosen.length === 1) {
    return chosen[0]!.source;
  }
  if (options.interactive) {
    return { kind: "prompt" };
  }
  throw new ConnectionSettingsError(
    "--password-env",
    `no password given: pass ${SOURCES_HELP.replace(" or the prompt", "")}; ` +
      "standard input is not a terminal, so infio cannot prompt for it",
  );
}

/**
 * Reads the password (and, from Secrets Manager, the user name) that
 * `source` names. `user` is the user name from --user or the connection
 * string. Throws the SecurityError of a source that cannot be read, and a
 * ConnectionSettingsError when no user name is known or two disagree.
 */
export async function resolveCredentials(
  source: SecretSource,
  user: string | undefined,
  options: ResolveSecretOptions,
): Promise<Credentials> {
  if (source.kind !== "aws-secrets-manager" && user === undefined) {
    throw new ConnectionSettingsError(
      "--user",
      "no user name given: pass --user NAME or User ID in --connection-string (infio signs in with a SQL login)",
    );
  }

  const secret = unwrap(await resolveSecret(source, options));
  if (source.kind !== "aws-secrets-manager") {
    return { user: user!, password: secret };
  }

  const credentials = unwrap(parseDatabaseSecret(secret));
  if (user !== undefined && user.toLowerCase() !== credentials.username.toLowerCase()) {
    throw new ConnectionSettingsError(
      "--user",
      `--user '${user}' differs from the user name '${credentials.username}' in ${secret.origin}; ` +
        "leave out --user, since the secret's password belongs to its own user",
    );
  }
  return {
    user: credentials.username,
    password: credentials.password,
    ...(credentials.host === undefined ? {} : { host: credentials.host }),
    ...(credentials.port === undefined ? {} : { port: credentials.port }),
  };
}

function fromPasswordOption(value: string): SecretSource {
  const reference = parseSecretReference(value, "--password");
  if (reference.ok) {
    return reference.value;
  }
  // The value is never quoted: it is most likely the password itself.
  throw new ConnectionSettingsError(
    "--password",
    "--password does not take the password itself: a password on the command line can be read by other " +
      "users in the process list and stays in your shell history, so the value was rejected and not used. " +
      `Pass it with ${SOURCES_HELP}`,
  );
}

function fromEnvironmentOption(name: string): SecretSource {
  if (!ENV_NAME.test(name)) {
    throw new ConnectionSettingsError(
      "--password-env",
      "invalid --password-env: pass the name of an environment variable (letters, digits and '_'), not its value",
    );
  }
  return { kind: "env", name };
}

function fromSecretArn(value: string): SecretSource {
  const secretId = value.trim();
  if (secretId === "") {
    throw new ConnectionSettingsError("--secret-arn", "invalid --secret-arn '': pass the ARN or name of a Secrets Manager secret");
  }
  if (secretId.startsWith("arn:") && !SECRETS_MANAGER_ARN.test(secretId)) {
    throw new ConnectionSettingsError(
      "--secret-arn",
      `invalid --secret-arn '${secretId}': not a Secrets Manager ARN ` +
        "(arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME); pass the secret's ARN or name",
    );
  }
  return { kind: "aws-secrets-manager", secretId };
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) {
    throw result.error;
  }
  return result.value;
}
