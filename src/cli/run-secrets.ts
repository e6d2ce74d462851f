/**
 * The secret values known to one run of infio, and the output streams that
 * mask them. Passwords are added as they are read (environment variable,
 * file, prompt, Secrets Manager), and values typed where a secret reference
 * belongs are added before the arguments are parsed, so that no message,
 * log line or error can repeat any of them.
 */

import { createRedactor, type Redactor } from "../security/secrets/redact.js";
import { REDACTED, type Secret } from "../security/secrets/secret.js";
import { escapeControls } from "../util/escape-controls.js";
import type { CliContext, OutputStream } from "./context.js";

/** The registry of a run's secrets: commands add what they read, outputs mask it. */
export interface SecretRegistry {
  /** Adds a secret value; every later output masks it. */
  add(secret: Secret | string): void;
  /** Masks known secrets and credential patterns (`password=...`, URLs). */
  redact(text: string): string;
}

export class RunSecrets implements SecretRegistry {
  readonly #values = new Set<string>();
  #redactor: Redactor = createRedactor();
  #forms: string[] = [];

  add(secret: Secret | string): void {
    const value = typeof secret === "string" ? secret : secret.reveal();
    if (value === "" || this.#values.has(value)) {
      return;
    }
    this.#values.add(value);
    // Log lines and tables escape control characters (escape-controls.ts),
    // so a secret that contains one reaches the stream in escaped form.
    const escaped = [...this.#values].map((v) => escapeControls(v)).filter((v) => !this.#values.has(v));
    this.#redactor = createRedactor([...this.#values, ...escaped]);
    this.#forms = maskedForms([...this.#values, ...escaped]);
  }

  redact(text: string): string {
    return this.#redactor(text);
  }

  /**
   * Masks the known values only. Results on standard output (a grant
   * script, JSON) keep `PASSWORD = ...` text that the patterns would mangle.
   */
  maskValues(text: string): string {
    let result = text;
    for (const form of this.#forms) {
      result = result.split(form).join(REDACTED);
    }
    return result;
  }
}

/** Returns each value as written, URL-encoded and JSON-escaped, longest first, as createRedactor masks them. */
function maskedForms(values: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const value of values) {
    forms.add(value);
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Returns `ctx` with standard error redacted and standard output masked,
 * and with `secrets` as its registry.
 */
export function guardContext(ctx: CliContext, secrets: RunSecrets): CliContext {
  return {
    ...ctx,
    stdout: maskedStream(ctx.stdout, (text) => secrets.maskValues(text)),
    stderr: maskedStream(ctx.stderr, (text) => secrets.redact(text)),
    secrets,
  };
}

function maskedStream(stream: OutputStream, mask: (text: string) => string): OutputStream {
  return {
    write: (text: string) => stream.write(mask(text)),
    // Getters, because a terminal's width changes when it is resized.
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

/** Options whose value must be a secret reference; any other value is the secret itself. */
const REFERENCE_OPTIONS = new Set(["--password", "-P"]);
const REFERENCE = /^(env:|file:|prompt$|arn:aws|aws-secretsmanager:)/;

/** `Password=` or `Pwd=` in a connection string, quoted or not. */
const CONNECTION_STRING_PASSWORD = /(?:^|;)\s*(?:password|pwd)\s*=\s*("(?:[^"]|"")*"|'(?:[^']|'')*'|[^;]*)/gi;

/**
 * Finds the secret values that `args` contains by mistake: a value given to
 * `--password` or `-P` that is not a reference, and the password in a
 * `--connection-string`. The CLI rejects both; adding them to the registry
 * keeps every message, even an unexpected one, from repeating them.
 */
export function secretsInArguments(args: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = splitOption(arg);
    const value = inline ?? args[i + 1];
    if (value === undefined) {
      continue;
    }

    if (REFERENCE_OPTIONS.has(name) && !REFERENCE.test(value)) {
      found.push(value);
    } else if (name === "--connection-string") {
      found.push(...connectionStringPasswords(value));
    }
  }
  return found;
}

/** Splits `--name=value` and `-Pvalue`; other arguments have no inline value. */
function splitOption(arg: string): [string, string | undefined] {
  if (arg.startsWith("--")) {
    const eq = arg.indexOf("=");
    return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
  }
  if (arg.startsWith("-P") && arg.length > 2) {
    return ["-P", arg.slice(2)];
  }
  return [arg, undefined];
}

function connectionStringPasswords(text: string): string[] {
  const values: string[] = [];
  for (const match of text.matchAll(CONNECTION_STRING_PASSWORD)) {
    const raw = match[1]!.trim();
    const quote = raw[0];
    if ((quote === '"' || quote === "'") && raw.endsWith(quote) && raw.length >= 2) {
      // The quoted form too, since a message could quote the string as given.
      values.push(raw.slice(1, -1).split(quote + quote).join(quote), raw);
    } else {
      values.push(raw);
    }
  }
  return values.filter((v) => v !== "");
}
