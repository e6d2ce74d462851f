/**
 * Renders the documentation page of one feature family from the catalog
 * and the family's examples. The output depends only on its inputs, so a
 * test can compare the committed pages with a fresh rendering.
 */
import {
  defaultCatalog,
  featureById,
  findVariant,
  type Catalog,
} from "../catalog.js";
import type { DocReference, FeatureEntry } from "../model.js";
import { latestBabelfishVersion } from "../targets.js";
import type { ClaimedFinding, FamilyExamples } from "./family-examples.js";
import { cell, code, link, sqlBlock, table } from "./markdown.js";
import {
  babelfishCell,
  postgresqlCells,
  targetHeaders,
  variantSteps,
} from "./status-cells.js";

/** The comment that opens every generated page. */
export const GENERATED_NOTICE =
  "<!-- Generated from the feature catalog by `npm run docs:features`; do not edit. -->";

/** Returns the entries of `group`, in catalog order. */
export function familyEntries(
  group: string,
  catalog: Catalog = defaultCatalog(),
): FeatureEntry[] {
  return [...catalog.entries.values()].filter((entry) => entry.group === group);
}

function sources(docs: readonly DocReference[]): string {
  return docs
    .map((doc) => `${link(doc.title, doc.url)}, ${cell(doc.version)}`)
    .join("<br>");
}

function complexity(entry: FeatureEntry): string {
  const postgresql = entry.postgresqlComplexity;

  if (postgresql === undefined || postgresql === entry.complexity) {
    return entry.complexity;
  }

  return `${entry.complexity} (PostgreSQL: ${postgresql})`;
}

function remedy(entry: FeatureEntry): string {
  return (
    `**Babelfish:** ${cell(entry.remedy)}<br>` +
    `**PostgreSQL:** ${cell(entry.postgresqlRemedy)}`
  );
}

function featureTable(entries: readonly FeatureEntry[]): string {
  const rows = entries.map((entry) => [
    code(entry.id),
    cell(entry.title),
    babelfishCell(entry.babelfish, entry.verified !== false),
    ...postgresqlCells(entry.postgresql),
    complexity(entry),
    remedy(entry),
    sources(entry.docs),
  ]);

  return table(
    ["Id", "Title", ...targetHeaders(), "Complexity", "Remedy", "Source"],
    rows,
  );
}

/** Renders one row per detail variant, for features whose support depends on an argument. */
function variantTable(entries: readonly FeatureEntry[]): string | undefined {
  const rows: string[][] = [];

  for (const entry of entries) {
    for (const variant of entry.details ?? []) {
      const steps = variantSteps(entry, variant);
      const verified = (variant.verified ?? entry.verified) !== false;
      const aliases = (variant.aliases ?? []).map(code).join(", ");

      rows.push([
        code(entry.id),
        code(variant.detail),
        aliases,
        cell(variant.title ?? ""),
        babelfishCell(steps.babelfish, verified),
        ...postgresqlCells(steps.postgresql),
        cell(variant.remedy ?? ""),
      ]);
    }
  }

  if (rows.length === 0) return undefined;

  return table(
    [
      "Id",
      "Detail",
      "Aliases",
      "Title",
      ...targetHeaders(),
      "Remedy on Babelfish",
    ],
    rows,
  );
}

/** Orders findings by position, then id and detail. */
export function compareFindings(a: ClaimedFinding, b: ClaimedFinding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.featureId.localeCompare(b.featureId) ||
    (a.detail ?? "").localeCompare(b.detail ?? "")
  );
}

/** The title of a finding's variant, or of its feature id. */
function findingTitle(finding: ClaimedFinding, catalog: Catalog): string {
  const entry = featureById(finding.featureId, catalog);
  if (entry === undefined) return finding.featureId;

  const variant =
    finding.detail === undefined ? undefined : findVariant(entry, finding.detail);
  return variant?.title ?? entry.title;
}

function findingTable(
  findings: readonly ClaimedFinding[],
  catalog: Catalog,
): string {
  const rows = [...findings].sort(compareFindings).map((finding) => [
    `${finding.line}:${finding.column}`,
    code(finding.featureId),
    finding.detail === undefined ? "" : code(finding.detail),
    code(finding.status),
    cell(findingTitle(finding, catalog)),
  ]);

  return table(["Line:column", "Id", "Detail", "Status", "Feature"], rows);
}

/** Renders the Markdown page of one family. */
export function renderFamilyPage(
  examples: FamilyExamples,
  catalog: Catalog = defaultCatalog(),
): string {
  const entries = familyEntries(examples.group, catalog);
  const variants = variantTable(entries);
  const target = `babelfish@${latestBabelfishVersion()}`;

  const sections = [
    GENERATED_NOTICE,
    `# ${examples.group}`,
    `${entries.length} feature ids. Statuses are taken from the catalog; ` +
      "the examples are checked against infio by a test.",
    "## Problem",
    examples.problem.trim(),
    "## Solution",
    examples.solution.trim(),
    "## Features",
    featureTable(entries),
    ...(variants === undefined
      ? []
      : [
          "### Argument-sensitive variants",
          "A detail that is not listed is classified as its feature id.",
          variants,
        ]),
    "## Flagged example",
    sqlBlock(examples.flagged),
    `infio reports these findings on the default target \`${target}\`:`,
    findingTable(examples.findings, catalog),
    "## Fine example",
    "The same job written so that it migrates: infio reports nothing " +
      `that needs work on \`${target}\`.`,
    sqlBlock(examples.fine),
  ];

  return `${sections.join("\n\n")}\n`;
}
