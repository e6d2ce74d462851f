/**
 * Renders every page under `docs/features/`: one per catalog family and
 * the index that links them.
 */
import { defaultCatalog, type Catalog } from "../catalog.js";
import { FAMILY_EXAMPLES } from "./examples/index.js";
import type { FamilyExamples } from "./family-examples.js";
import { familyEntries, GENERATED_NOTICE, renderFamilyPage } from "./family-page.js";
import { cell, table } from "./markdown.js";
import { slugOf } from "./markdown.js";

export interface RenderedPage {
  /** File name inside `docs/features/`. */
  readonly file: string;
  readonly content: string;
}

export interface RenderedPages {
  readonly pages: readonly RenderedPage[];
  /** Catalog families that have no examples, so no page. */
  readonly missing: readonly string[];
  /** Examples whose family is not in the catalog. */
  readonly orphaned: readonly string[];
}

/** The catalog's family names, in catalog order. */
export function catalogGroups(catalog: Catalog = defaultCatalog()): string[] {
  return [...new Set([...catalog.entries.values()].map((entry) => entry.group))];
}

/** The page file name of a family. */
export function pageFile(group: string): string {
  return `${slugOf(group)}.md`;
}

function renderIndex(
  documented: readonly FamilyExamples[],
  catalog: Catalog,
): string {
  const rows = documented.map((examples) => {
    const entries = familyEntries(examples.group, catalog);
    const variants = entries.reduce(
      (sum, entry) => sum + (entry.details?.length ?? 0),
      0,
    );

    return [
      cell(examples.group),
      `[${pageFile(examples.group)}](${pageFile(examples.group)})`,
      String(entries.length),
      String(variants),
    ];
  });

  const total = documented.reduce(
    (sum, examples) => sum + familyEntries(examples.group, catalog).length,
    0,
  );

  const sections = [
    GENERATED_NOTICE,
    "# Feature families",
    "One page per family of the feature catalog. Each page says what " +
      "breaks on Babelfish and PostgreSQL, how to fix it, the status of " +
      "every feature id on each target, and a flagged and a fine example " +
      "whose findings a test checks against infio.",
    table(["Family", "Page", "Feature ids", "Detail variants"], rows),
    `${total} feature ids in ${documented.length} families.`,
  ];

  return `${sections.join("\n\n")}\n`;
}

/** Renders the family pages and the index, in catalog order. */
export function renderFeaturePages(
  catalog: Catalog = defaultCatalog(),
  examples: readonly FamilyExamples[] = FAMILY_EXAMPLES,
): RenderedPages {
  const groups = catalogGroups(catalog);
  const byGroup = new Map(examples.map((family) => [family.group, family]));

  const documented = groups
    .map((group) => byGroup.get(group))
    .filter((family): family is FamilyExamples => family !== undefined);
  const missing = groups.filter((group) => !byGroup.has(group));
  const orphaned = examples
    .map((family) => family.group)
    .filter((group) => !groups.includes(group));

  const pages: RenderedPage[] = documented.map((family) => ({
    file: pageFile(family.group),
    content: renderFamilyPage(family, catalog),
  }));
  pages.push({ file: "README.md", content: renderIndex(documented, catalog) });

  return { pages, missing, orphaned };
}
