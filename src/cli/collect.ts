/**
 * `infio collect --server HOST --out FILE`: reads a live server's inventory
 * and code into an encrypted bundle, for `infio assess --bundle` on
 * another host. The same collection policy as `assess` applies: a timeout
 * or a lost connection fails the run and no bundle is written.
 */

import { posix, win32 } from "node:path";

import { Command } from "commander";

import { checkCollection, CollectionError } from "../assessment/live-policy.js";
import type { JsonValue } from "../security/audit/entry.js";
import { describeMasterKey, type MasterKeyProvider } from "../security/keys/master-key.js";
import { BundleError, writeBundle } from "../sources/bundle/index.js";
import { liveScope, tlsUnverified } from "./assess-audit.js";
import {
  addBundleKeyOptions,
  bundleKeyOptionsFrom,
  masterKeyForWriting,
  type BundleKeyOptions,
  type RawBundleKeyOptions,
} from "./bundle-keys.js";
import { logCollection } from "./collection-log.js";
import { DATA_DIR_HELP, withExamples, type CommandHost } from "./command.js";
import { setUpCommand } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "./errors.js";
import { watchInterrupts, type InterruptWatch } from "./interrupts.js";
import { openLiveCollection } from "./live-connect.js";
import { checkOutFile } from "./out-file.js";
import {
  addConnectionOptions,
  liveOptionsFrom,
  namesLiveServer,
  type LiveOptions,
  type RawLiveOptions,
} from "./live-options.js";
import { createLogger, type Logger } from "./log.js";
import { formatByteSize } from "../util/byte-size.js";
import { formatCount } from "./progress.js";
import { infioVersion } from "./version.js";

export interface CollectOptions {
  /** The bundle to write, absolute. */
  readonly out: string;
  readonly live: LiveOptions;
  readonly keys: BundleKeyOptions;
  readonly quiet: boolean;
  readonly dataDir: string;
}

export type CollectRun = (options: CollectOptions) => Promise<number>;

interface RawCollectOptions extends RawLiveOptions, RawBundleKeyOptions {
  out?: string;
  dataDir?: string;
  quiet?: boolean;
}

export function collectCommand(
  host: CommandHost,
  run: CollectRun = (options) => executeCollect(options, host.ctx),
): Command {
  const command = new Command("collect")
    .summary("read a SQL Server into an encrypted bundle")
    .description(
      "Read a live SQL Server's inventory and module code, as 'infio assess --server' does, " +
        "and write them to an encrypted bundle instead of assessing them. Assess the bundle " +
        "on another host with 'infio assess --bundle FILE': the findings are the same as " +
        "assessing the server. The bundle is encrypted with a data key of its own, wrapped by " +
        "the master key (a key file from 'infio keys init', or an AWS KMS key), and only its " +
        "owner may read the file. A timeout or a lost connection fails the run, and then no " +
        "bundle is written.\n\nExit codes: 0 done, 1 failure, 2 invalid usage, 130 interrupted.",
    )
    .requiredOption("-o, --out <file>", "bundle file to write (replaced once complete)");
  addConnectionOptions(command);
  addBundleKeyOptions(command);
  command
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("-q, --quiet", "no info logs; warnings and errors still show")
    .action(async (raw: RawCollectOptions) => host.exit(await run(collectOptionsFrom(raw, host.ctx))));

  return withExamples(command, [
    "infio collect --server sql01.corp.example --user infio_reader --password-env INFIO_SQL_PASSWORD --out sql01.infio",
    "infio collect --server 'sql01\\PROD' --user infio_reader --database Sales --out sales.infio --key-file ./master.key",
    "infio collect --server sql01 --secret-arn arn:aws:secretsmanager:eu-west-1:123456789012:secret:infio-sql-AbCdEf --kms-key-id alias/infio --out sql01.infio",
  ]);
}

export function collectOptionsFrom(raw: RawCollectOptions, ctx: CliContext): CollectOptions {
  if (!namesLiveServer(raw)) {
    throw new UsageError("infio collect needs a server: pass --server HOST or --connection-string");
  }
  const out = raw.out?.trim() ?? "";
  if (out === "") {
    throw new UsageError("invalid --out '': pass the path of the bundle file to write");
  }

  const path = ctx.platform === "win32" ? win32 : posix;
  const dataDir = resolveDataDir({
    ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
    env: ctx.env,
    platform: ctx.platform,
    homedir: ctx.homedir,
    cwd: ctx.cwd,
  });
  return {
    out: path.resolve(ctx.cwd, out),
    live: liveOptionsFrom(raw, ctx),
    keys: bundleKeyOptionsFrom(raw, dataDir, ctx),
    quiet: raw.quiet === true,
    dataDir,
  };
}

export async function executeCollect(options: CollectOptions, ctx: CliContext): Promise<number> {
  const log = createLogger(ctx.stderr, { quiet: options.quiet });
  // A bundle is an output the user asked for, not data kept by infio, so
  // collect appends to an audit log that exists but creates none.
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData: false, log });
  // Before connecting, so that a bad --out fails in a second rather than
  // after the whole collection.
  await checkOutFile(options.out);
  const master = await masterKeyForWriting(options.keys, ctx, log);
  const scope = liveScope(options.live);
  const interrupts = watchInterrupts(ctx, (signal) => {
    log.warn(`${signal} received; stopping, and no bundle will be written`);
  });

  const finish = (outcome: "succeeded" | "failed", details: Record<string, JsonValue>): Promise<void> =>
    setup.audit.after({
      action: "collection.run",
      outcome,
      objects: scope.objects,
      details: { bundle: options.out, ...details },
    });

  try {
    await setup.audit.before({
      action: "collection.run",
      outcome: "started",
      objects: scope.objects,
      details: { bundle: options.out, master: describeMasterKey(master.ref), ...scope.details },
    });
    if (options.live.parsed.trustServerCertificate) {
      await setup.audit.before(tlsUnverified("collect", options.live));
    }

    let code: number;
    try {
      code = await collectToBundle(options, ctx, log, master, interrupts);
    } catch (error) {
      await finish("failed", { error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    await finish(code === EXIT_OK ? "succeeded" : "failed", { exitCode: code });
    return code;
  } finally {
    interrupts.stop();
    const destroy = (master as { destroy?: () => void }).destroy;
    destroy?.call(master);
  }
}

async function collectToBundle(
  options: CollectOptions,
  ctx: CliContext,
  log: Logger,
  master: MasterKeyProvider,
  interrupts: InterruptWatch,
): Promise<number> {
  const collection = await openLiveCollection(options.live, ctx, log, interrupts.signal);
  const server = collection.sources[0] ?? "";
  try {
    const items = stopOnAbort(checkCollection(logCollection(collection.items, log), server), interrupts.signal);
    const counts = await writeBundle(options.out, items, { master, infioVersion: infioVersion(), server });
    log.info(
      `wrote bundle '${options.out}' (${formatByteSize(counts.bytes)}): ${formatCount(counts.modules)} ` +
        `module(s), ${formatCount(counts.inventoryItems)} inventory item(s), ${formatCount(counts.problems)} problem(s)`,
    );
    ctx.stdout.write(`bundle ${options.out}\n`);
    return EXIT_OK;
  } catch (error) {
    if (interrupts.signal.aborted) {
      log.warn("interrupted; no bundle was written");
      return interrupts.exitCode();
    }
    if (error instanceof CollectionError || error instanceof BundleError) {
      log.error(`${error.message}; no bundle was written`);
      return EXIT_FAILURE;
    }
    throw error;
  } finally {
    await collection.close();
  }
}

/** Ends the items with the signal's reason once it aborts. */
async function* stopOnAbort<T>(items: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T, void, undefined> {
  for await (const item of items) {
    signal.throwIfAborted();
    yield item;
  }
}
