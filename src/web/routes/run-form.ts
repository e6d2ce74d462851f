/**
 * Reads the form that starts a run: its fields, and the uploaded `.sql` and
 * `.zip` files through the upload intake. Every file is read into memory
 * while it streams in, and nothing is written to disk. The upload limits
 * apply to the files of one run together.
 */

import type { FastifyRequest } from "fastify";

import { formatByteSize } from "../../util/byte-size.js";
import { receiveUpload, UploadError, type UploadedFile, type UploadIntake, type UploadLimits } from "../uploads/index.js";
import { printableName } from "../uploads/entry-names.js";

/** The form's text fields as sent, blank when absent. */
export interface RunFormValues {
  readonly target: string;
  readonly compare: string;
  /** Id of the saved connection to assess, or blank for uploaded files. */
  readonly connection: string;
  /** Databases to assess through the connection, one per line; blank for its saved list. */
  readonly databases: string;
  /** Encoding of uploaded scripts without a byte order mark. */
  readonly encoding: string;
}

export type RunFormField = keyof RunFormValues | "scripts";

export interface ReceivedRunForm {
  readonly values: RunFormValues;
  /** Uploaded files in the order sent; empty for a run through a saved connection. */
  readonly uploads: readonly UploadIntake[];
}

/** A form the console rejects, with the HTTP status and the message to show beside it. */
export class RunFormError extends Error {
  override readonly name = "RunFormError";
  readonly status: number;
  readonly field: RunFormField | undefined;

  constructor(status: number, message: string, field?: RunFormField) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

/** Files one run takes; more can go into a .zip archive. */
export const MAX_UPLOAD_FILES = 20;

const FIELD_NAMES: readonly (keyof RunFormValues)[] = ["target", "compare", "connection", "databases", "encoding"];

/** Maximum size of a text field. The database list is the longest: 256 names of up to 128 characters. */
const MAX_FIELD_BYTES = 64 * 1024;

/** Upload errors about size, which get the status 413 Content Too Large. */
const SIZE_ERRORS: ReadonlySet<string> = new Set(["too-large", "too-many-entries", "too-much-data"]);

export const EMPTY_RUN_FORM: RunFormValues = { target: "", compare: "", connection: "", databases: "", encoding: "" };

/**
 * Reads the form of `request`: multipart with files, or URL-encoded with
 * fields only. Throws a RunFormError that names the file, the archive entry
 * and the limit for a rejected upload.
 */
export async function readRunForm(request: FastifyRequest, limits: UploadLimits): Promise<ReceivedRunForm> {
  if (!request.isMultipart()) {
    return { values: valuesOf(request.body), uploads: [] };
  }

  const fields: Record<string, string> = {};
  const uploads: UploadIntake[] = [];
  const budget = new UploadBudget(limits);
  const parts = request.parts({
    limits: {
      files: MAX_UPLOAD_FILES,
      // One byte over the limit, so that the intake reads past the limit and names the file.
      fileSize: limits.maxUploadBytes + 1,
      fields: FIELD_NAMES.length + 1,
      fieldSize: MAX_FIELD_BYTES,
      parts: MAX_UPLOAD_FILES + FIELD_NAMES.length + 1,
    },
  });

  try {
    for await (const part of parts) {
      if (part.type === "field") {
        fields[part.fieldname] = typeof part.value === "string" ? part.value : "";
      } else if (part.filename === "") {
        // A file input left empty still sends a part, without a name or bytes.
        part.file.resume();
      } else {
        uploads.push(await budget.receive({ name: part.filename, content: part.file }));
      }
    }
  } catch (error) {
    throw formErrorOf(error, limits);
  }
  return { values: valuesOf(fields), uploads };
}

/**
 * Returns the uploads as one intake. Scripts of an archive are named after
 * it when several files are uploaded (`procs.zip/dbo.usp.sql`), so that
 * two archives may contain the same path.
 */
export function combineUploads(uploads: readonly UploadIntake[]): UploadIntake {
  if (uploads.length === 1) {
    return uploads[0]!;
  }

  const seen = new Set<string>();
  for (const upload of uploads) {
    if (seen.has(upload.name)) {
      throw new RunFormError(
        422,
        `two uploaded files are named '${upload.name}'; rename one, or upload them in one .zip archive`,
        "scripts",
      );
    }
    seen.add(upload.name);
  }

  const prefixed = (upload: UploadIntake, name: string): string =>
    upload.kind === "zip" ? `${upload.name}/${name}` : name;
  const files = uploads.flatMap((upload) =>
    upload.files.map((file) => ({ name: prefixed(upload, file.name), bytes: file.bytes })),
  );
  files.sort(byName);

  return {
    name: uploads.map((upload) => upload.name).join(", "),
    kind: uploads.some((upload) => upload.kind === "zip") ? "zip" : "script",
    bytes: uploads.reduce((sum, upload) => sum + upload.bytes, 0),
    files,
    skipped: uploads.flatMap((upload) =>
      upload.skipped.map((skipped) => ({ ...skipped, file: prefixed(upload, skipped.file) })),
    ),
  };
}

/**
 * The part of the upload limits that the files received so far leave: the
 * size of the uploads and the inflated size of their scripts count for the
 * run as a whole.
 */
class UploadBudget {
  readonly #limits: UploadLimits;
  #received = 0;
  #inflated = 0;

  constructor(limits: UploadLimits) {
    this.#limits = limits;
  }

  async receive(file: UploadedFile): Promise<UploadIntake> {
    const remaining: UploadLimits = {
      ...this.#limits,
      maxUploadBytes: this.#limits.maxUploadBytes - this.#received,
      maxTotalBytes: this.#limits.maxTotalBytes - this.#inflated,
    };

    let intake: UploadIntake;
    try {
      intake = await receiveUpload(file, remaining);
    } catch (error) {
      throw this.#together(error, file.name, remaining);
    }
    this.#received += intake.bytes;
    this.#inflated += intake.files.reduce((sum, script) => sum + script.bytes.length, 0);
    return intake;
  }

  /** Rewords a limit that only the files before `name` made it exceed. */
  #together(error: unknown, name: string, remaining: UploadLimits): unknown {
    if (!(error instanceof UploadError) || this.#received === 0) {
      return error;
    }
    const printable = printableName(name);
    if (error.code === "too-large" && error.limit === remaining.maxUploadBytes) {
      const limit = formatByteSize(this.#limits.maxUploadBytes);
      return new UploadError(
        "too-large",
        `with '${printable}', the files of this run are larger than the upload limit of ${limit} ` +
          "together; start several runs, or put the scripts in one .zip archive",
        { limit: this.#limits.maxUploadBytes },
      );
    }
    if (error.code === "too-much-data") {
      const limit = formatByteSize(this.#limits.maxTotalBytes);
      return new UploadError(
        "too-much-data",
        `with '${printable}', the scripts of this run inflate to more than the limit of ${limit} ` +
          "together; start several runs",
        { limit: this.#limits.maxTotalBytes },
      );
    }
    return error;
  }
}

function formErrorOf(error: unknown, limits: UploadLimits): unknown {
  if (error instanceof UploadError) {
    return new RunFormError(SIZE_ERRORS.has(error.code) ? 413 : 422, error.message, "scripts");
  }

  const code = (error as { code?: unknown }).code;
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT") {
    return new RunFormError(
      413,
      `more than ${MAX_UPLOAD_FILES} files were uploaded; put the scripts in a .zip archive, ` +
        `which may hold up to ${limits.maxEntries} entries`,
      "scripts",
    );
  }
  if (code === "FST_REQ_FILE_TOO_LARGE") {
    return new RunFormError(
      413,
      `an uploaded file is larger than the upload limit of ${formatByteSize(limits.maxUploadBytes)}; ` +
        "start several runs, or assess the scripts with 'infio assess' on the jump host",
      "scripts",
    );
  }
  if (code === "FST_FIELDS_LIMIT" || code === "FST_PROTO_VIOLATION" || code === "FST_INVALID_JSON_FIELD_ERROR") {
    return new RunFormError(400, "the form has fields this page does not take; reload the page and try again");
  }
  if (error instanceof Error && /unexpected end of (form|multipart)|terminated early|malformed/i.test(error.message)) {
    return new RunFormError(400, "the upload ended before the whole form arrived; try again");
  }
  return error;
}

/** Orders by UTF-16 code unit, as the intake orders the scripts of one archive. */
function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  if (a.name === b.name) {
    return 0;
  }
  return a.name < b.name ? -1 : 1;
}

function valuesOf(body: unknown): RunFormValues {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const field = (name: keyof RunFormValues): string => {
    const value = record[name];
    return typeof value === "string" ? value : "";
  };
  return {
    target: field("target"),
    compare: field("compare"),
    connection: field("connection"),
    databases: field("databases"),
    encoding: field("encoding"),
  };
}
