import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";

import { renderHtml } from "../../src/report/html/page.js";
import { formatCount } from "../../src/report/text.js";
import type { HtmlOptions } from "../../src/report/html/page.js";
import { startTags } from "./html-tags.js";
import {
  HOSTILE_FORMULA_NAME,
  HOSTILE_HTML_NAME,
  sampleAssessment,
  sampleFeatures,
  sampleSources,
} from "./sample-assessment.js";
import { assertSnapshot } from "./snapshot.js";

const ALLOWED_TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "header",
  "nav",
  "main",
  "footer",
  "section",
  "h1",
  "h2",
  "h3",
  "h4",
  "p",
  "small",
  "dl",
  "dt",
  "dd",
  "ul",
  "li",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "details",
  "summary",
  "div",
  "a",
  "code",
  "span",
  "mark",
  "svg",
  "g",
  "rect",
  "text",
]);

function render(options: HtmlOptions = {}): string {
  return renderHtml(sampleAssessment(), {
    sources: sampleSources(),
    features: sampleFeatures,
    ...options,
  });
}

/** Returns the table row with the given id, up to its closing tag. */
function rowWithId(html: string, id: string): string {
  const start = html.indexOf(`<tr id="${id}"`);
  assert.notEqual(start, -1, `no row with id ${id}`);
  return html.slice(start, html.indexOf("</tr>", start));
}

describe("renderHtml", () => {
  it("matches the snapshot", () => {
    assertSnapshot("assessment.html", render());
  });

  it("renders the same page twice", () => {
    assert.equal(render(), render());
  });

  it("uses only expected tags", () => {
    for (const tag of startTags(render())) {
      assert.ok(ALLOWED_TAGS.has(tag.name), `unexpected <${tag.name}>`);
    }
  });

  it("writes no event handler, style or resource attribute", () => {
    for (const tag of startTags(render())) {
      for (const name of tag.attributes.keys()) {
        assert.doesNotMatch(name, /^on/, `<${tag.name} ${name}>`);
        assert.ok(
          ![
            "style",
            "src",
            "srcset",
            "srcdoc",
            "action",
            "formaction",
            "xlink:href",
            "background",
            "poster",
          ].includes(name),
          `<${tag.name} ${name}>`,
        );
      }
    }
  });

  it("links only to anchors on the page or to http(s)", () => {
    const tags = startTags(render());
    const ids = new Set(tags.map((t) => t.attributes.get("id")));
    for (const tag of tags) {
      const href = tag.attributes.get("href");
      if (href === undefined) {
        continue;
      }

      if (href.startsWith("#")) {
        assert.ok(ids.has(href.slice(1)), `broken link ${href}`);
      } else {
        assert.match(href, /^https:\/\//, `external link ${href}`);
      }
    }
  });

  it("keeps ids unique", () => {
    const ids = startTags(render())
      .map((t) => t.attributes.get("id"))
      .filter((id) => id !== undefined);
    assert.equal(new Set(ids).size, ids.length);
  });

  it("drops a javascript: help link", () => {
    for (const tag of startTags(render())) {
      for (const value of tag.attributes.values()) {
        assert.doesNotMatch(value, /javascript:/i);
      }
    }
  });

  it("escapes the hostile object name", () => {
    const html = render();
    assert.ok(!/<img/i.test(html));
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
    assert.ok(!html.includes(HOSTILE_HTML_NAME));
  });

  it("shows the formula object name as text", () => {
    const html = render();
    const escaped = HOSTILE_FORMULA_NAME.replace(/"/g, "&quot;");
    assert.ok(html.includes(`<td>${escaped}</td>`));
  });

  it("allows only its own stylesheet", () => {
    const html = render();
    const style = html.slice(
      html.indexOf("<style>") + "<style>".length,
      html.indexOf("</style>"),
    );
    const hash = createHash("sha256").update(style).digest("base64");
    const csp = startTags(html)
      .filter(
        (t) => t.attributes.get("http-equiv") === "Content-Security-Policy",
      )
      .map((t) => t.attributes.get("content"));

    assert.doesNotMatch(style, /url\(|@import/);
    assert.equal(csp.length, 1);
    assert.match(csp[0]!, /default-src 'none'/);
    assert.ok(csp[0]!.includes(`style-src 'sha256-${hash}'`));
  });

  it("links a finding to its highlighted source line", () => {
    const html = render();
    const link =
      /<a href="#(cf-\d+-L5)"><code>procs\/orders\.sql:5:30<\/code><\/a>/;
    const match = link.exec(html);
    assert.ok(match, "no link to procs/orders.sql line 5");

    const row = rowWithId(html, match[1]!);
    assert.match(row, /class="hit"/);
    assert.match(row, /<mark>SCROLL<\/mark>/);
  });

  it("shows context lines around a finding", () => {
    const html = render();
    const id = /<a href="#(cf-\d+)-L5">/.exec(html)![1]!;
    for (const line of [3, 4, 6, 7]) {
      assert.doesNotMatch(rowWithId(html, `${id}-L${line}`), /class="hit"/);
    }
    assert.match(rowWithId(html, `${id}-L8`), /class="hit"/);
  });

  it("shows file and line only without source text", () => {
    const html = render();
    assert.ok(
      html.includes(
        "<code>procs/reports, &quot;quarterly&quot;.sql:3:1</code>",
      ),
    );

    const bare = renderHtml(sampleAssessment(), { features: sampleFeatures });
    assert.ok(!bare.includes('href="#cf-'));
    assert.ok(bare.includes("No source text was available"));
  });

  it("cuts a long line around the finding", () => {
    const html = render();
    const id =
      /<a href="#(cf-\d+-L12)"><code>tables\/customers\.sql:12:920/.exec(
        html,
      )![1]!;
    const row = rowWithId(html, id);
    assert.match(row, /<mark>GETDATE<\/mark>/);
    assert.match(row, /<span class="cut">…<\/span>/);
    assert.ok(row.length < 700, `row is ${row.length} characters`);
  });

  it("makes control characters visible", () => {
    const html = render();
    assert.ok(html.includes("[U+202E]evil"));
    assert.ok(html.includes("[U+0007]bell"));
    assert.ok(!html.includes("\u202E"));
    assert.ok(!html.includes("\u0007"));
  });

  it("annotates a parse error in the code view", () => {
    const html = render();
    assert.match(
      html,
      /Parse error<\/span> <code>parse\.unexpected-token<\/code>/,
    );
  });

  it("lists the skipped inputs escaped", () => {
    const html = render();
    assert.ok(html.includes("<code>bin/&lt;b&gt;blob&lt;/b&gt;.sql</code>"));
  });

  it("draws both charts as SVG", () => {
    const svgs = startTags(render()).filter(
      (t) => t.name === "svg" && t.attributes.get("class") === "chart",
    );
    assert.equal(svgs.length, 2);
  });

  it("says how many occurrences it leaves out", () => {
    const html = render({
      limits: { examplesPerFeature: 1, occurrencesPerFeature: 2 },
    });
    assert.ok(html.includes("and 2 more."));
    assert.ok(html.includes("Show 1 more occurrence<"));
    assert.match(
      html,
      /Not listed here, to keep the page small: 1 occurrence;/,
    );
  });

  it("stops listing at the page-wide cap", () => {
    const html = render({ limits: { occurrences: 0 } });
    const listed = startTags(html).filter(
      (t) => t.name === "table" && t.attributes.get("class") === "occurrences",
    );
    assert.equal(listed.length, 0);
    assert.match(
      html,
      /Not listed here, to keep the page small: 3 occurrences;/,
    );
  });

  it("says how many features it leaves out", () => {
    const html = render({ limits: { features: 1 } });
    assert.match(html, /Not shown: 1 more feature of this group/);
  });

  it("cuts a huge message", () => {
    const a = sampleAssessment();
    const huge = { ...a.findings[0]!, message: "<".repeat(100_000) };
    const html = renderHtml({ ...a, findings: [huge] });
    assert.ok(html.includes("… [99,500 more characters]"));
    assert.ok(html.length < 60_000, `page is ${html.length} characters`);
  });

  it("renders an assessment with no findings", () => {
    const html = renderHtml({
      ...sampleAssessment(),
      findings: [],
      parseErrors: [],
      skipped: [],
      objects: [],
    });
    assert.ok(html.includes("<p>No findings.</p>"));
    assert.ok(html.includes("<p>No parse errors.</p>"));
  });
});

describe("renderHtml effort, comparison and overrides", () => {
  /** Returns the section with `id`, up to its closing tag. */
  function section(html: string, id: string): string {
    const start = html.indexOf(`<section id="${id}">`);
    assert.notEqual(start, -1, `no section ${id}`);
    return html.slice(start, html.indexOf("</section>", start));
  }

  it("splits the effort into learning and repeat", () => {
    const a = sampleAssessment();
    const effort = section(render(), "effort");
    const total = `${formatCount(a.effort!.total.low)}–${formatCount(a.effort!.total.high)} h`;
    assert.ok(effort.includes(`Estimated effort: ${total}`), effort.slice(0, 400));
    assert.match(effort, /Learning: [\d.,]+–[\d.,]+ h, charged once per feature, with a smaller charge for each further detail/);
    assert.match(effort, /<th>Learning, once per feature<\/th><th>Each further detail<\/th><th>Per occurrence<\/th>/);
    assert.match(effort, /<td>high<\/td><td class="num">4–16 h<\/td><td class="num">1–4 h<\/td><td class="num">1–3 h<\/td>/);
  });

  it("leaves out the detail rate of an assessment stored without it", () => {
    const a = sampleAssessment();
    const { perDetail: _dropped, ...rates } = a.effort!.rates;
    const older = { ...a, effort: { ...a.effort!, rates } };
    const effort = section(renderHtml(older, { features: sampleFeatures, sources: sampleSources() }), "effort");
    assert.match(effort, /<th>Learning, once per feature<\/th><th>Per occurrence<\/th>/);
    assert.doesNotMatch(effort, /Each further detail/);
  });

  it("lists features with learning and repeat cost", () => {
    const effort = section(render(), "effort");
    assert.ok(
      effort.includes(
        `<div>MERGE statement &lt;em&gt;</div><a href="#ft-1"><code>dml.merge</code></a></td>` +
          `<td>medium</td><td class="num">2</td><td class="num">3–9 h</td>` +
          `<td class="num">0.25–1 h</td><td class="num">0.5–2 h</td><td class="num">3.5–11 h</td>`,
      ),
    );
  });

  it("escapes object names in the effort tables", () => {
    const effort = section(render(), "effort");
    assert.ok(effort.includes("<td>&lt;img src=x onerror=alert(1)&gt;</td><td>view</td>"));
    assert.ok(!effort.includes("<img"));
  });

  it("caps the effort tables", () => {
    const effort = section(render({ limits: { effortRows: 2 } }), "effort");
    assert.match(effort, /Not shown: 5 more features; assessment\.json lists them all/);
    assert.match(effort, /Not shown: 5 more objects/);
  });

  it("notes a missing effort breakdown", () => {
    const { effort: _, ...old } = sampleAssessment();
    const effort = section(renderHtml(old), "effort");
    assert.match(effort, /stored without the breakdown by feature and object/);
    assert.ok(effort.includes(`${formatCount(old.summary.effort.low)}–`));
  });

  it("lists unblocked and still blocking features with counts", () => {
    const comparison = section(render(), "comparison");
    assert.match(comparison, /<h3>Unblocked: 1 feature, 3 occurrences<\/h3>/);
    assert.match(comparison, /<h3>Still blocking: 2 features, 3 occurrences<\/h3>/);
    assert.match(comparison, /<h3>Regressed: 0 features, 0 occurrences<\/h3>\n<p>No features\.<\/p>/);
    assert.ok(comparison.includes("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"));
    assert.ok(!comparison.includes("<script"));
  });

  it("explains how to ask for a comparison", () => {
    const { comparison: _, ...plain } = sampleAssessment();
    assert.match(section(renderHtml(plain), "comparison"), /Pass <code>--compare TARGET<\/code>/);
  });

  it("lists each override with from and to", () => {
    const overrides = section(render(), "overrides");
    assert.ok(
      overrides.includes(
        "<tr><td><code>table.hint.nolock</code></td><td>status on babelfish only</td>" +
          "<td>Review semantics</td><td>Review manually</td></tr>",
      ),
    );
    assert.ok(overrides.includes("<code>&lt;md5&gt;</code>"));
    assert.ok(overrides.includes("<td>learning effort</td><td>4–16 h</td><td>3–9 h</td>"));
    assert.match(overrides, /<td>Per occurrence<\/td><td>high<\/td><td class="num">1–4 h<\/td><td class="num">1–3 h<\/td>/);
  });

  it("says when no override was applied", () => {
    const { overrides: _, ...plain } = sampleAssessment();
    assert.match(section(renderHtml(plain), "overrides"), /None: the built-in catalog and rates were used/);
  });
});
