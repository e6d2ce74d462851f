/** A job source over an upload that the intake has read into memory. */

import type { MemoryInput } from "../../assessment/run.js";
import { listedEncodings, resolveEncoding } from "../../tsql/decode/encodings.js";
import type { UploadIntake } from "../uploads/index.js";
import type { JobSource } from "./job-source.js";

export interface UploadSourceOptions {
  /** Encoding of scripts without a byte order mark, as `--encoding` takes it. */
  readonly encoding?: string;
  /** sqlcmd variables for `$(name)`, as `--var NAME=VALUE` gives them. */
  readonly variables?: Readonly<Record<string, string>>;
}

/**
 * Returns a source that assesses the scripts of `intake` and lists its
 * skipped entries with the assessment's skipped inputs. Throws a
 * RangeError that names the value for an encoding this Node.js cannot
 * decode.
 */
export function uploadJobSource(intake: UploadIntake, options: UploadSourceOptions = {}): JobSource {
  const encoding = options.encoding === undefined ? undefined : checkedEncoding(options.encoding);

  // Skipped entries come first, in archive order, then the scripts by name.
  const inputs: MemoryInput[] = [
    ...intake.skipped.map((skipped): MemoryInput => ({ kind: "skipped", skipped })),
    ...intake.files.map((file): MemoryInput => ({ kind: "bytes", name: file.name, bytes: file.bytes })),
  ];

  const name = intake.name;
  return {
    kind: "upload",
    label: name,
    open: async () => ({
      sources: [name],
      inputs,
      ...(encoding === undefined ? {} : { encoding }),
      ...(options.variables === undefined ? {} : { variables: options.variables }),
      warnings: [],
      close: async () => {},
    }),
  };
}

function checkedEncoding(label: string): string {
  const encoding = resolveEncoding(label);
  if (encoding === undefined) {
    throw new RangeError(`unknown encoding '${label}'; use one of ${listedEncodings().join(", ")}`);
  }
  return encoding;
}
