/**
 * Reads a console user's new password: from an environment variable or a
 * file only its owner can read (for scripts), or typed twice at a prompt
 * that does not echo. Never from the command line itself.
 */

import { parseSecretReference, resolveSecret, type SecretSource } from "../security/secrets/resolve.js";
import { promptSecret } from "../security/secrets/prompt.js";
import type { Secret } from "../security/secrets/secret.js";
import { checkNewPassword } from "../web/auth/passwords.js";
import type { CliContext } from "./context.js";
import { FailureError, UsageError } from "./errors.js";

export interface PasswordSourceOptions {
  /** `--password-env VAR` */
  readonly passwordEnv?: string;
  /** `--password-file FILE` */
  readonly passwordFile?: string;
}

/** Reads and checks the new password of `user`; throws UsageError when it is not accepted. */
export async function readNewPassword(
  user: string,
  options: PasswordSourceOptions,
  ctx: CliContext,
): Promise<Secret> {
  const secret = await readSecret(user, options, ctx);
  ctx.secrets?.add(secret);

  const problem = checkNewPassword(secret.reveal());
  if (problem !== undefined) {
    throw new UsageError(`the password from ${secret.origin} is not accepted: ${problem}`);
  }
  return secret;
}

async function readSecret(user: string, options: PasswordSourceOptions, ctx: CliContext): Promise<Secret> {
  if (options.passwordEnv !== undefined && options.passwordFile !== undefined) {
    throw new UsageError("--password-env and --password-file both give the password; pass only one");
  }

  const source = sourceOf(options);
  if (source !== undefined) {
    const resolved = await resolveSecret(source, { env: ctx.env, cwd: ctx.cwd, platform: ctx.platform });
    if (!resolved.ok) {
      throw new UsageError(resolved.error.message);
    }
    return resolved.value;
  }

  if (ctx.terminal === undefined) {
    throw new UsageError(
      "cannot prompt for the password: standard input is not a terminal; pass " +
        "--password-env VAR or --password-file FILE",
    );
  }
  const first = await prompt(ctx, `New password for ${user}: `);
  const second = await prompt(ctx, "Repeat the password: ");
  if (first.reveal() !== second.reveal()) {
    throw new UsageError("the two passwords differ; nothing was changed, run the command again");
  }
  return first;
}

function sourceOf(options: PasswordSourceOptions): SecretSource | undefined {
  const reference =
    options.passwordEnv !== undefined
      ? { text: `env:${options.passwordEnv}`, option: "--password-env" }
      : options.passwordFile !== undefined
        ? { text: `file:${options.passwordFile}`, option: "--password-file" }
        : undefined;
  if (reference === undefined) {
    return undefined;
  }

  const parsed = parseSecretReference(reference.text, reference.option);
  if (!parsed.ok) {
    throw new UsageError(parsed.error.message);
  }
  return parsed.value;
}

async function prompt(ctx: CliContext, message: string): Promise<Secret> {
  const typed = await promptSecret({ ...ctx.terminal!, message });
  if (!typed.ok) {
    throw new FailureError(typed.error.message);
  }
  return typed.value;
}
