/**
 * Validation of a price book file. The checks mirror
 * schema/price-book.schema.json (a test keeps the two in step), and each
 * problem names the JSON path of the bad value, so that a user editing a
 * copy can find it.
 */

import type { PriceBook } from "./price-book.js";

/** One invalid value: its JSON path, such as `$.aurora.instanceClasses[2].vCpus`, and what is wrong. */
export interface PriceBookProblem {
  readonly path: string;
  readonly message: string;
}

/** Problems shown in an error message before the rest are only counted. */
const PROBLEMS_SHOWN = 5;

export class PriceBookError extends Error {
  readonly file: string;
  readonly problems: readonly PriceBookProblem[];

  constructor(file: string, problems: readonly PriceBookProblem[]) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => `${p.path}: ${p.message}`);
    const more = problems.length > PROBLEMS_SHOWN ? `; and ${problems.length - PROBLEMS_SHOWN} more` : "";
    super(
      `invalid price book '${file}': ${shown.join("; ")}${more}; ` +
        "fix the value, or write a fresh copy with 'infio price-book --out FILE' (docs/cost.md)",
    );
    this.name = "PriceBookError";
    this.file = file;
    this.problems = problems;
  }
}

type Shape =
  | { readonly kind: "text"; readonly pattern?: RegExp; readonly expected?: string }
  | { readonly kind: "number"; readonly min: number; readonly positive?: boolean; readonly integer?: boolean }
  | {
      readonly kind: "object";
      readonly fields: Readonly<Record<string, Shape>>;
      readonly optional?: readonly string[];
    }
  | { readonly kind: "list"; readonly item: Shape };

const TEXT: Shape = { kind: "text" };
const DATE: Shape = { kind: "text", pattern: /^\d{4}-\d{2}-\d{2}$/, expected: "a date as YYYY-MM-DD" };
const AMOUNT: Shape = { kind: "number", min: 0 };
const FACTOR: Shape = { kind: "number", min: 0, positive: true };

const PRICE: Shape = {
  kind: "object",
  fields: { amount: AMOUNT, source: TEXT, readOn: DATE, note: TEXT },
  optional: ["note"],
};
const POSITIVE_PRICE: Shape = {
  kind: "object",
  fields: { amount: FACTOR, source: TEXT, readOn: DATE, note: TEXT },
  optional: ["note"],
};

const INSTANCE_CLASSES: Shape = {
  kind: "list",
  item: {
    kind: "object",
    fields: {
      name: TEXT,
      vCpus: { kind: "number", min: 1, integer: true },
      memoryGiB: FACTOR,
      perHour: PRICE,
    },
  },
};

const EDITION_FIELDS = {
  perCorePack: PRICE,
  subscriptionPerCorePackYear: PRICE,
  payAsYouGoPerCoreMonth: PRICE,
};

const PRICE_BOOK: Shape = {
  kind: "object",
  fields: {
    $schema: TEXT,
    name: TEXT,
    asOf: DATE,
    currency: { kind: "text", pattern: /^[A-Z]{3}$/, expected: "an ISO 4217 code such as USD" },
    region: TEXT,
    note: TEXT,
    sqlServer: {
      kind: "object",
      fields: {
        licensingRules: {
          kind: "object",
          fields: {
            coresPerPack: { kind: "number", min: 1, integer: true },
            minimumCoresPerInstance: { kind: "number", min: 1, integer: true },
            source: TEXT,
            readOn: DATE,
            note: TEXT,
          },
          optional: ["note"],
        },
        enterprise: { kind: "object", fields: EDITION_FIELDS },
        standard: {
          kind: "object",
          fields: { ...EDITION_FIELDS, serverLicence: PRICE, clientAccessLicence: PRICE },
        },
        softwareAssuranceYearlyShare: PRICE,
      },
    },
    aurora: {
      kind: "object",
      fields: {
        instanceClasses: INSTANCE_CLASSES,
        storagePerGiBMonth: PRICE,
        ioPerMillionRequests: PRICE,
        ioOptimized: {
          kind: "object",
          fields: { instancePriceFactor: POSITIVE_PRICE, storagePerGiBMonth: PRICE },
        },
      },
    },
    rdsPostgresql: {
      kind: "object",
      fields: { instanceClasses: INSTANCE_CLASSES, storagePerGiBMonth: PRICE, multiAzFactor: POSITIVE_PRICE },
    },
    ec2: {
      kind: "object",
      fields: { instanceClasses: INSTANCE_CLASSES, storagePerGiBMonth: PRICE },
    },
    labour: {
      kind: "object",
      fields: { dayRate: PRICE, hoursPerDay: { kind: "number", min: 0, positive: true } },
    },
  },
  optional: ["$schema", "note"],
};

/** Parses and validates the text of a price book; throws PriceBookError naming `file`. */
export function parsePriceBook(text: string, file: string): PriceBook {
  // Windows editors often start UTF-8 files with a byte order mark, which JSON.parse rejects.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PriceBookError(file, [{ path: "$", message: `not valid JSON (${reason})` }]);
  }
  return checkPriceBook(json, file);
}

/** Validates a parsed price book; throws PriceBookError naming `file`. */
export function checkPriceBook(json: unknown, file: string): PriceBook {
  const problems: PriceBookProblem[] = [];
  check(json, PRICE_BOOK, "$", problems);
  if (problems.length > 0) {
    throw new PriceBookError(file, problems);
  }
  return json as PriceBook;
}

function check(value: unknown, shape: Shape, path: string, problems: PriceBookProblem[]): void {
  switch (shape.kind) {
    case "text":
      checkText(value, shape, path, problems);
      return;
    case "number":
      checkNumber(value, shape, path, problems);
      return;
    case "list":
      if (!Array.isArray(value) || value.length === 0) {
        problems.push({ path, message: `must be a list with at least one entry, found ${describe(value)}` });
        return;
      }
      value.forEach((item, index) => check(item, shape.item, `${path}[${index}]`, problems));
      return;
    case "object":
      checkObject(value, shape, path, problems);
      return;
  }
}

function checkText(
  value: unknown,
  shape: Extract<Shape, { kind: "text" }>,
  path: string,
  problems: PriceBookProblem[],
): void {
  if (typeof value !== "string" || value.trim() === "") {
    problems.push({ path, message: `must be a non-empty string, found ${describe(value)}` });
  } else if (shape.pattern !== undefined && !shape.pattern.test(value)) {
    problems.push({ path, message: `must be ${shape.expected ?? "text"}, found ${describe(value)}` });
  }
}

function checkNumber(
  value: unknown,
  shape: Extract<Shape, { kind: "number" }>,
  path: string,
  problems: PriceBookProblem[],
): void {
  const bound = shape.positive === true ? `greater than ${shape.min}` : `${shape.min} or more`;
  const expected = shape.integer === true ? `a whole number ${bound}` : `a number ${bound}`;
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (shape.positive === true ? value > shape.min : value >= shape.min) &&
    (shape.integer !== true || Number.isInteger(value));
  if (!ok) {
    problems.push({ path, message: `must be ${expected}, found ${describe(value)}` });
  }
}

function checkObject(
  value: unknown,
  shape: Extract<Shape, { kind: "object" }>,
  path: string,
  problems: PriceBookProblem[],
): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push({ path, message: `must be an object, found ${describe(value)}` });
    return;
  }

  const record = value as Record<string, unknown>;
  for (const [name, fieldShape] of Object.entries(shape.fields)) {
    if (record[name] === undefined) {
      if (!(shape.optional ?? []).includes(name)) {
        problems.push({ path: `${path}.${name}`, message: "is missing" });
      }
      continue;
    }
    check(record[name], fieldShape, `${path}.${name}`, problems);
  }

  // An unknown key is most often a misspelt one, whose value would be ignored.
  for (const name of Object.keys(record)) {
    if (!(name in shape.fields)) {
      const known = Object.keys(shape.fields).join(", ");
      problems.push({ path: `${path}.${name}`, message: `is not a known key; use one of ${known}` });
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) {
    return "nothing";
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? "an empty list" : "a list";
  }
  if (typeof value === "object" && value !== null) {
    return "an object";
  }
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
