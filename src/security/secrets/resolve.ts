/**
 * Secret references: the source of a secret, as written on the command line:
 *
 *   env:NAME        an environment variable
 *   file:PATH       a file that only its owner can access
 *   prompt          typed on the terminal, not echoed
 *   arn:aws:secretsmanager:...  or  aws-secretsmanager:NAME
 *                   an AWS Secrets Manager secret
 *
 * Anything else is rejected as a secret typed on the command line, which
 * other users can read in the process list and which stays in shell history.
 */

import { resolve as resolvePath } from "node:path";

import { fail, ok, type Result } from "../errors.js";
import { readOwnerOnlyFile } from "../owner-only-file.js";
import { promptSecret, type TerminalInput, type TerminalOutput } from "./prompt.js";
import { Secret } from "./secret.js";
import { fetchSecret, type SecretsManagerOptions } from "./secrets-manager.js";

export type SecretSource =
  | { readonly kind: "env"; readonly name: string }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "prompt" }
  | { readonly kind: "aws-secrets-manager"; readonly secretId: string };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRETS_MANAGER_ARN = /^arn:aws[a-z-]*:secretsmanager:/;
const SECRETS_MANAGER_PREFIX = "aws-secretsmanager:";

export const SECRET_REFERENCE_HELP =
  "env:NAME, file:PATH, prompt, or an AWS Secrets Manager ARN (or aws-secretsmanager:NAME)";

/**
 * Parses a secret reference. `option` names the option for messages, such
 * as `--password`. A rejected value is never quoted, since it may be the
 * secret itself.
 */
export function parseSecretReference(text: string, option: string): Result<SecretSource> {
  if (text.startsWith("env:")) {
    const name = text.slice(4);
    if (!ENV_NAME.test(name)) {
      return fail("invalid-argument", `${option} env:${name}: '${name}' is not a valid environment variable name`);
    }
    return ok({ kind: "env", name });
  }
  if (text.startsWith("file:") && text.length > 5) {
    return ok({ kind: "file", path: text.slice(5) });
  }
  if (text === "prompt") {
    return ok({ kind: "prompt" });
  }
  if (SECRETS_MANAGER_ARN.test(text)) {
    return ok({ kind: "aws-secrets-manager", secretId: text });
  }
  if (text.startsWith(SECRETS_MANAGER_PREFIX) && text.length > SECRETS_MANAGER_PREFIX.length) {
    return ok({ kind: "aws-secrets-manager", secretId: text.slice(SECRETS_MANAGER_PREFIX.length) });
  }

  return fail(
    "secret-on-command-line",
    `${option} takes where to read the secret from, not the secret itself: ${SECRET_REFERENCE_HELP}. ` +
      "A secret typed on the command line can be read by other users in the process list " +
      "and stays in your shell history, so the value given was rejected and not used",
  );
}

export interface ResolveSecretOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder that relative file paths are resolved against. */
  readonly cwd: string;
  readonly platform?: NodeJS.Platform;
  /** Terminal for `prompt`; the message defaults to "Secret: ". */
  readonly terminal?: { readonly input: TerminalInput; readonly output: TerminalOutput; readonly message?: string };
  /** Connection options for AWS Secrets Manager, besides the secret id. */
  readonly secretsManager?: Omit<SecretsManagerOptions, "secretId">;
}

/** Reads the secret that `source` names. */
export async function resolveSecret(
  source: SecretSource,
  options: ResolveSecretOptions,
): Promise<Result<Secret>> {
  switch (source.kind) {
    case "env":
      return fromEnvironment(source.name, options.env);
    case "file":
      return fromFile(resolvePath(options.cwd, source.path), options.platform);
    case "prompt":
      if (options.terminal === undefined) {
        return fail("no-terminal", "cannot prompt for the secret: no terminal is available; pass it as env:NAME or file:PATH");
      }
      return promptSecret({ ...options.terminal, message: options.terminal.message ?? "Secret: " });
    case "aws-secrets-manager":
      return fetchSecret({ ...options.secretsManager, secretId: source.secretId });
  }
}

function fromEnvironment(
  name: string,
  env: Readonly<Record<string, string | undefined>>,
): Result<Secret> {
  const value = env[name];
  if (value === undefined || value === "") {
    return fail("secret-missing", `environment variable ${name} is not set or empty; set it to the secret`);
  }
  return ok(new Secret(value, `environment variable ${name}`));
}

async function fromFile(path: string, platform: NodeJS.Platform | undefined): Promise<Result<Secret>> {
  const read = await readOwnerOnlyFile(path, {
    what: "secret file",
    maxBytes: 64 * 1024,
    ...(platform === undefined ? {} : { platform }),
  });
  if (!read.ok) {
    return read;
  }

  // One trailing line break is what editors and `echo` add, not part of the secret.
  const text = read.value.bytes.toString("utf8").replace(/\r?\n$/, "");
  if (text === "") {
    return fail("secret-missing", `secret file '${path}' is empty; write the secret into it`);
  }
  return ok(new Secret(text, `secret file '${path}'`));
}
