import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DEFAULT_HTML_LIMITS } from "../../src/report/html/limits.js";
import { renderHtml } from "../../src/report/html/page.js";
import { largeAssessment, largeSources } from "./large-assessment.js";
import { startTags } from "./html-tags.js";

// The bound docs/output.md states for this synthetic assessment. The page
// measured 5.1 MB when the bound was set, with 10,000 code lines.
const MAX_BYTES = 6_000_000;

describe("HTML report size", () => {
  const a = largeAssessment();
  const html = renderHtml(a, { sources: largeSources() });
  const tags = startTags(html);

  it("stays under the bound for 200,000 findings", () => {
    assert.equal(a.findings.length, 200_000);
    const bytes = Buffer.byteLength(html, "utf8");
    assert.ok(bytes < MAX_BYTES, `page is ${bytes} bytes`);
  });

  it("lists exactly the page-wide number of occurrences", () => {
    const tables = html.match(/<table class="occurrences">[\s\S]*?<\/table>/g);
    const rows = (tables ?? []).reduce(
      (sum, table) => sum + (table.match(/<tr><td>/g)?.length ?? 0),
      0,
    );
    assert.equal(rows, DEFAULT_HTML_LIMITS.occurrences);
  });

  it("renders at most the code line budget", () => {
    const codeRows = tags.filter((t) =>
      /^cf-\d+-L\d+$/.test(t.attributes.get("id") ?? ""),
    ).length;
    assert.ok(codeRows > 0);
    assert.ok(codeRows <= DEFAULT_HTML_LIMITS.codeLines, `${codeRows} rows`);
  });

  it("says what it leaves out", () => {
    assert.match(
      html,
      /Not listed here, to keep the page small: [\d,]+ occurrences/,
    );
    assert.match(html, /Not shown: [\d,]+ more objects/);
    assert.match(html, /Not shown: [\d,]+ more parse errors/);
  });

  it("keeps every in-page link pointing at an anchor", () => {
    const ids = new Set(tags.map((t) => t.attributes.get("id")));
    for (const tag of tags) {
      const href = tag.attributes.get("href");
      if (href?.startsWith("#")) {
        assert.ok(ids.has(href.slice(1)), `broken link ${href}`);
      }
    }
  });
});
