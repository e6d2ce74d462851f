/**
 * What `infio assess` reads: script paths, a live server, or a bundle
 * from `infio collect`. One run reads one kind, and options of another
 * kind are rejected rather than silently ignored.
 */

import { resolve } from "node:path";

import { bundleKeyOptionsFrom, type BundleKeyOptions, type RawBundleKeyOptions } from "./bundle-keys.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";
import {
  liveOptionsFrom,
  namesLiveServer,
  rejectConnectionOptions,
  type LiveOptions,
  type RawLiveOptions,
} from "./live-options.js";

/** A source of collected items: a live server, or a bundle of one. */
export type CollectedSourceOptions =
  | { readonly kind: "live"; readonly live: LiveOptions }
  | { readonly kind: "bundle"; readonly path: string; readonly keys: BundleKeyOptions };

export interface RawSourceOptions extends RawLiveOptions, RawBundleKeyOptions {
  bundle?: string;
  include: string[];
  exclude: string[];
  encoding?: string;
  var: string[];
  /** `--workload`: capture files. */
  workload?: string[];
  /** `--app-code`: source trees, which may come with any other source or alone. */
  appCode?: string[];
}

const KINDS_HELP =
  "script paths, a server (--server or --connection-string), a bundle (--bundle FILE) " +
  "or workload captures (--workload FILE)";

/**
 * Decides the source: undefined for script paths and workload captures. Throws UsageError on a
 * mix of kinds or on options of another kind.
 */
export function assessSourceFrom(
  paths: readonly string[],
  raw: RawSourceOptions,
  dataDir: string,
  ctx: CliContext,
): CollectedSourceOptions | undefined {
  const live = namesLiveServer(raw);
  const bundle = raw.bundle !== undefined;
  const workload = (raw.workload?.length ?? 0) > 0;
  const kinds = [paths.length > 0, live, bundle, workload].filter(Boolean).length;
  if (kinds === 0 && (raw.appCode?.length ?? 0) > 0) {
    rejectConnectionOptions(raw, "application source code");
    return undefined;
  }
  if (kinds === 0) {
    throw new UsageError(`nothing to assess: pass ${KINDS_HELP}, or source code (--app-code DIR)`);
  }
  if (kinds > 1) {
    throw new UsageError(`infio assess reads one kind of source per run, not several: pass ${KINDS_HELP}`);
  }

  if (paths.length > 0) {
    rejectConnectionOptions(raw, "script paths");
    return undefined;
  }
  // The captures themselves are checked in workload-source.ts.
  if (workload) {
    rejectConnectionOptions(raw, "workload captures");
    return undefined;
  }

  rejectScriptOptions(raw, live ? "a live server" : "a bundle");
  if (live) {
    return { kind: "live", live: liveOptionsFrom(raw, ctx) };
  }

  rejectConnectionOptions(raw, "a bundle");
  const path = raw.bundle!;
  if (path.trim() === "") {
    throw new UsageError("invalid --bundle '': pass the file that 'infio collect' wrote");
  }
  return { kind: "bundle", path: resolve(ctx.cwd, path), keys: bundleKeyOptionsFrom(raw, dataDir, ctx) };
}

/** Rejects the options that only select or decode script files. */
function rejectScriptOptions(raw: RawSourceOptions, source: string): void {
  const given: string[] = [];
  // With --app-code, --include and --exclude select the source files.
  const selects = (raw.appCode?.length ?? 0) === 0;
  if (selects && raw.include.length > 0) {
    given.push("--include");
  }
  if (selects && raw.exclude.length > 0) {
    given.push("--exclude");
  }
  if (raw.encoding !== undefined) {
    given.push("--encoding");
  }
  if (raw.var.length > 0) {
    given.push("--var");
  }
  if (given.length > 0) {
    throw new UsageError(
      `${given.join(", ")} ${given.length === 1 ? "applies" : "apply"} to script files only, not to ${source}, ` +
        "whose module definitions SQL Server stores already decoded and with variables replaced; leave " +
        (given.length === 1 ? "it" : "them") +
        " out",
    );
  }
}
