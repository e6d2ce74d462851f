/**
 * Writes the feature family pages to `docs/features/`, or with `--check`
 * only reports the pages that differ from a fresh rendering.
 *
 *   node dist/src/catalog/docs/write-pages.js [--check]
 *
 * Exit codes: 0 done (or up to date), 1 pages stale or examples missing,
 * 2 invalid usage.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { renderFeaturePages } from "./feature-pages.js";
import { extraPages, FEATURE_DOCS_DIR, readPage } from "./page-files.js";

function main(args: readonly string[]): number {
  const unknown = args.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    process.stderr.write(
      `invalid argument '${unknown[0]}'; usage: write-pages.js [--check]\n`,
    );
    return 2;
  }

  const check = args.includes("--check");
  const { pages, missing, orphaned } = renderFeaturePages();

  for (const group of missing) {
    process.stderr.write(
      `family '${group}' has no examples; add them under src/catalog/docs/examples/\n`,
    );
  }
  for (const group of orphaned) {
    process.stderr.write(
      `examples name family '${group}', which the catalog does not have; fix the group name\n`,
    );
  }

  const stale = pages.filter(
    (page) => readPage(FEATURE_DOCS_DIR, page.file) !== page.content,
  );
  const extra = extraPages(FEATURE_DOCS_DIR, pages);

  if (check) {
    for (const page of stale) process.stderr.write(`stale: docs/features/${page.file}\n`);
    for (const file of extra) process.stderr.write(`not generated: docs/features/${file}\n`);
    if (stale.length > 0 || extra.length > 0) {
      process.stderr.write("run `npm run docs:features` to regenerate the pages\n");
    }
  } else {
    mkdirSync(FEATURE_DOCS_DIR, { recursive: true });
    for (const page of stale) {
      writeFileSync(join(FEATURE_DOCS_DIR, page.file), page.content);
      process.stderr.write(`wrote docs/features/${page.file}\n`);
    }
    for (const file of extra) {
      rmSync(join(FEATURE_DOCS_DIR, file));
      process.stderr.write(`removed docs/features/${file}\n`);
    }
  }

  const outdated = check && (stale.length > 0 || extra.length > 0);
  return missing.length > 0 || orphaned.length > 0 || outdated ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
