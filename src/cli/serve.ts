/**
 * `infio serve`: the web console over HTTPS, until Ctrl+C or SIGTERM.
 * Without --tls-cert and --tls-key it uses a self-signed certificate that
 * is created in the data folder at the first start. Its fingerprint is
 * printed, so that users can compare it with what their browser shows.
 */

import { Command } from "commander";

import { ConsoleTlsError, loadConsoleTls, type ConsoleTls } from "../web/server/tls/console-certificate.js";
import { createConsoleServices } from "../web/server/create-services.js";
import { isLoopback, startConsole, type RunningConsole } from "../web/server/listen.js";
import type { Store } from "../store/index.js";
import { consoleAccounts } from "../store/console-accounts.js";
import { DATA_DIR_HELP, STORE_HELP, withExamples, type CommandHost, type StoreOptions } from "./command.js";
import { setUpCommand, type CommandSetup } from "./command-setup.js";
import type { CliContext, InterruptSignal } from "./context.js";
import { EXIT_OK, FailureError, UsageError } from "./errors.js";
import { storeOptionsFrom } from "./list.js";
import { createLogger, type Logger } from "./log.js";
import { closeQuietly, openCliStore } from "./store-access.js";
import { cliStoreKeys } from "./store-keys.js";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8443;

export interface ServeOptions extends StoreOptions {
  readonly host: string;
  readonly port: number;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly quiet: boolean;
}

export type ServeRun = (options: ServeOptions) => Promise<number>;

interface RawServeOptions {
  host: string;
  port: string;
  tlsCert?: string;
  tlsKey?: string;
  store: string;
  dataDir?: string;
  quiet?: boolean;
}

export function serveCommand(host: CommandHost, run: ServeRun = (options) => executeServe(options, host.ctx)): Command {
  const command = new Command("serve")
    .summary("serve the web console over HTTPS")
    .description(
      "Serve the web console over HTTPS until stopped with Ctrl+C or SIGTERM. Without " +
        "--tls-cert and --tls-key, a self-signed certificate is created in the data folder at " +
        "the first start and reused after; its SHA-256 fingerprint is printed. The console " +
        "listens on 127.0.0.1 unless --host says otherwise. Add users with 'infio users add'.",
    )
    .option("--host <address>", "address to listen on; other hosts can reach any but loopback", DEFAULT_HOST)
    .option("--port <port>", "TCP port to listen on", String(DEFAULT_PORT))
    .option("--tls-cert <file>", "PEM certificate (chain) to serve instead of the self-signed one")
    .option("--tls-key <file>", "PEM private key of --tls-cert; only its owner may read it")
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("-q, --quiet", "no info logs (request lines among them); warnings and errors still show")
    .action(async (raw: RawServeOptions) => host.exit(await run(serveOptionsFrom(raw, host.ctx))));

  return withExamples(command, [
    "infio serve",
    "infio serve --host 0.0.0.0 --port 443 --tls-cert console.pem --tls-key console-key.pem",
  ]);
}

/** Checks the options; throws UsageError on an invalid port or a lone TLS file. */
export function serveOptionsFrom(raw: RawServeOptions, ctx: CliContext): ServeOptions {
  const port = Number(raw.port);
  if (!/^\d+$/.test(raw.port) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`invalid --port '${raw.port}': expected a TCP port from 0 to 65535`);
  }
  if ((raw.tlsCert === undefined) !== (raw.tlsKey === undefined)) {
    throw new UsageError("--tls-cert and --tls-key go together: pass both, or neither for a self-signed certificate");
  }
  if (raw.host.trim() === "") {
    throw new UsageError("invalid --host '': pass an address such as 127.0.0.1");
  }

  return {
    ...storeOptionsFrom(raw, ctx),
    host: raw.host.trim(),
    port,
    ...(raw.tlsCert === undefined ? {} : { tlsCert: raw.tlsCert }),
    ...(raw.tlsKey === undefined ? {} : { tlsKey: raw.tlsKey }),
    quiet: raw.quiet === true,
  };
}

export async function executeServe(options: ServeOptions, ctx: CliContext): Promise<number> {
  const log = createLogger(ctx.stderr, { quiet: options.quiet });
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData: true, log });
  const tls = await loadTls(options, ctx, log);
  const store = await openCliStore(options.store, options.dataDir, log, setup);

  try {
    return await serveUntilStopped(options, { ctx, log, setup, store, tls });
  } finally {
    await closeQuietly(store, log);
  }
}

interface ServeParts {
  readonly ctx: CliContext;
  readonly log: Logger;
  readonly setup: CommandSetup;
  readonly store: Store;
  readonly tls: ConsoleTls;
}

async function serveUntilStopped(options: ServeOptions, parts: ServeParts): Promise<number> {
  const { ctx, log, setup, store, tls } = parts;
  if ((await consoleAccounts(store).users.list()).length === 0) {
    log.warn("the console has no users, so no one can sign in; add one with 'infio users add NAME --role admin'");
  }

  const event = { action: "console.serve", details: { host: options.host, port: options.port, store: store.location } } as const;
  await setup.audit.before({ ...event, outcome: "started" });
  // Runs started in the console use the data folder's configuration, as
  // `infio assess` does without --config, and the store's master key.
  const created = createConsoleServices({
    dataDir: options.dataDir,
    store,
    audit: setup.audit,
    log,
    storeKeys: cliStoreKeys(log, setup),
    assessmentSettings: setup.settings,
  });

  // Registered before listening, so that a signal during the start is not lost.
  let stop: (signal: InterruptSignal) => void = () => undefined;
  const stopped = new Promise<InterruptSignal>((resolve) => (stop = resolve));
  const removeHandler = ctx.onInterrupt((signal) => stop(signal));

  let running: RunningConsole;
  try {
    running = await startConsole({ services: created.services, host: options.host, port: options.port, tls, logRequests: true });
  } catch (error) {
    removeHandler();
    await created.close();
    const message = listenFailure(error, options);
    await setup.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw new FailureError(message);
  }

  ctx.stdout.write(`infio console: ${running.url}\ncertificate SHA-256 fingerprint: ${tls.fingerprint}\n`);
  const signal = await stopped;
  removeHandler();
  log.info(`stopping the console (${signal})`);
  await running.close();
  await created.close();
  await setup.audit.after({ ...event, outcome: "succeeded", details: { ...event.details, stoppedBy: signal } });
  return EXIT_OK;
}

async function loadTls(options: ServeOptions, ctx: CliContext, log: Logger): Promise<ConsoleTls> {
  let tls: ConsoleTls;
  try {
    tls = await loadConsoleTls({
      dataDir: options.dataDir,
      host: options.host,
      platform: ctx.platform,
      ...(options.tlsCert === undefined ? {} : { certFile: options.tlsCert }),
      ...(options.tlsKey === undefined ? {} : { keyFile: options.tlsKey }),
    });
  } catch (error) {
    if (error instanceof ConsoleTlsError) {
      throw new UsageError(error.message);
    }
    throw error;
  }

  for (const note of tls.notes) {
    log.warn(note);
  }
  if (tls.origin === "generated") {
    log.info(`created a self-signed certificate '${tls.certPath}' valid until ${tls.validTo.toISOString().slice(0, 10)}`);
  }
  if (tls.origin !== "given" && !isLoopback(options.host)) {
    log.warn(
      "browsers on other hosts will warn about the self-signed certificate; compare the " +
        "fingerprint they show with the one printed here, or pass --tls-cert and --tls-key",
    );
  }
  return tls;
}

function listenFailure(error: unknown, options: ServeOptions): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${options.host}:${options.port}`;
  if (code === "EADDRINUSE") {
    return `cannot listen on ${where}: the port is in use; stop what uses it or pass another --port`;
  }
  if (code === "EACCES") {
    return `cannot listen on ${where}: permission denied; ports below 1024 need privileges, so pass a higher --port`;
  }
  if (code === "EADDRNOTAVAIL") {
    return `cannot listen on ${where}: this host has no such address; pass one of its addresses as --host`;
  }
  return `cannot start the console on ${where}: ${error instanceof Error ? error.message : String(error)}`;
}
