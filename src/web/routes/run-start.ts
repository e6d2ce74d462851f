/**
 * Turns a received run form into a job: the target as `--target` parses
 * it, and the source, either the uploaded files or a saved connection with
 * an optional list of databases that replaces the saved one for this run.
 */

import { formatTarget, parseTarget, type Target } from "../../catalog/targets.js";
import {
  ConnectionValidationError,
  connectionInputOf,
  savedConnectionJobSource,
  type SavedConnection,
} from "../connections/index.js";
import { checkConnection } from "../connections/connection-input.js";
import { uploadJobSource, type JobSnapshot, type JobSource } from "../jobs/index.js";
import type { RouteContext } from "./registry.js";
import { combineUploads, RunFormError, type ReceivedRunForm, type RunFormValues } from "./run-form.js";

/**
 * Submits the run the form describes, as the route's user. Throws a
 * RunFormError naming the field for an invalid form.
 */
export async function startRun(context: RouteContext, form: ReceivedRunForm): Promise<JobSnapshot> {
  const { values, uploads } = form;
  const target = targetOf(values.target === "" ? "babelfish" : values.target, "target");
  const compare = compareOf(values.compare, target);
  const source = values.connection === "" ? uploadSource(values, form) : await connectionSource(context, values, uploads.length);

  try {
    return context.services.runner.submit({
      owner: context.user.name,
      source,
      target,
      ...(compare === undefined ? {} : { compare }),
    });
  } catch (error) {
    // The runner rejects new runs only while the console shuts down.
    throw new RunFormError(503, error instanceof Error ? error.message : String(error));
  }
}

function targetOf(text: string, field: "target" | "compare"): Target {
  const parsed = parseTarget(text);
  if (!parsed.ok) {
    throw new RunFormError(422, parsed.error, field);
  }
  return parsed.target;
}

function compareOf(text: string, target: Target): Target | undefined {
  if (text.trim() === "") {
    return undefined;
  }
  const compare = targetOf(text, "compare");
  if (formatTarget(compare) === formatTarget(target)) {
    throw new RunFormError(
      422,
      `the comparison target '${text}' is the assessed target ${formatTarget(target)}; ` +
        "choose another one, or none",
      "compare",
    );
  }
  return compare;
}

function uploadSource(values: RunFormValues, form: ReceivedRunForm): JobSource {
  if (form.uploads.length === 0) {
    throw new RunFormError(422, "no file was uploaded; choose .sql or .zip files, or a saved connection", "scripts");
  }

  const encoding = values.encoding.trim();
  try {
    return uploadJobSource(combineUploads(form.uploads), encoding === "" ? {} : { encoding });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new RunFormError(422, error.message, "encoding");
    }
    throw error;
  }
}

async function connectionSource(context: RouteContext, values: RunFormValues, uploads: number): Promise<JobSource> {
  if (uploads > 0) {
    throw new RunFormError(
      422,
      "both files and a saved connection were chosen; a run assesses one of them, so clear the other",
      "connection",
    );
  }

  const connections = context.services.connections;
  const saved = await connections.get(values.connection);
  if (saved === undefined) {
    throw new RunFormError(
      422,
      `saved connection '${values.connection}' was not found; it may have been removed, so choose another`,
      "connection",
    );
  }
  return savedConnectionJobSource(connections, saved, databaseList(values.databases, saved));
}

/**
 * Checks the databases given for this run with the rules of a saved
 * connection's list: sysname length, no control characters, at most 256,
 * repeats dropped. An empty list keeps the connection's own.
 */
function databaseList(text: string, saved: SavedConnection): readonly string[] {
  const lines = text.split(/\r?\n/);
  try {
    return checkConnection({ ...connectionInputOf(saved), databases: lines }).databases;
  } catch (error) {
    if (!(error instanceof ConnectionValidationError)) {
      throw error;
    }
    if (error.field === "databases") {
      throw new RunFormError(422, error.message, "databases");
    }
    throw new RunFormError(
      422,
      `saved connection '${saved.name}' is no longer valid (${error.message}); edit the connection first`,
      "connection",
    );
  }
}
