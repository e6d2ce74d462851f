import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";

import type { Assessment } from "../../../src/assessment/model.js";
import { buildApplicationReport } from "../../../src/report/application/aggregate.js";
import { renderApplicationHtml } from "../../../src/report/application/html.js";
import type { ApplicationReportInput } from "../../../src/report/application/input.js";
import { buildCompanyReport } from "../../../src/report/company/aggregate.js";
import { renderCompanyHtml } from "../../../src/report/company/html.js";
import { startTags } from "../html-tags.js";
import { sampleCompany } from "../company/sample-company.js";
import { liveAssessment, sampleApplication } from "./sample-application.js";

const HOSTILE = `"><img src=x onerror=alert(1)><script>alert(2)</script>`;
const ESCAPED = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;";

const ALLOWED_TAGS = new Set([
  "html", "head", "meta", "title", "style", "body", "main", "footer",
  "section", "h1", "h2", "h3", "p", "small", "strong", "br", "dl", "dt",
  "dd", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
  "div", "code", "svg", "g", "rect", "text",
]);

/** Returns the live sample with a database, an object and a feature title named HOSTILE. */
function hostileLive(): Assessment {
  const a = liveAssessment();
  const unit = `${HOSTILE}.dbo.p`;
  return {
    ...a,
    units: [...a.units, { ...a.units[0]!, file: unit }],
    objects: [...a.objects, { ...a.objects[0]!, file: unit, name: HOSTILE }],
    findings: [
      ...a.findings,
      { ...a.findings[0]!, featureId: "hostile.feature", file: unit, object: HOSTILE },
    ],
    effort: {
      ...a.effort!,
      byFeature: [
        ...a.effort!.byFeature,
        { ...a.effort!.byFeature[0]!, featureId: "hostile.feature", title: HOSTILE },
      ],
    },
    live: {
      ...a.live!,
      inventory: { databases: [{ database: "Sales" }, { database: HOSTILE }] },
    },
  };
}

function hostileInput(): ApplicationReportInput {
  return sampleApplication({
    companyName: HOSTILE,
    applicationName: HOSTILE,
    target: HOSTILE,
    questionnaire: [{ id: "notes", question: HOSTILE, answer: HOSTILE }],
    metrics: [{ name: HOSTILE, value: HOSTILE, unit: HOSTILE, origin: "manual" }],
    servers: [
      { name: HOSTILE, environment: "production", source: "live", assessment: hostileLive() },
      { name: `${HOSTILE}2`, environment: "production", source: "live", problem: HOSTILE },
    ],
  });
}

function pages(): Array<[string, string]> {
  const company = sampleCompany();
  return [
    ["application", renderApplicationHtml(buildApplicationReport(hostileInput()))],
    [
      "company",
      renderCompanyHtml(
        buildCompanyReport({
          ...company,
          companyName: HOSTILE,
          applications: [...company.applications, hostileInput()],
        }),
      ),
    ],
  ];
}

describe("application and company HTML", () => {
  it("escapes hostile names everywhere", () => {
    for (const [name, html] of pages()) {
      assert.ok(!html.includes("<img"), `${name}: raw <img>`);
      assert.ok(!html.includes("<script"), `${name}: raw <script>`);
      assert.ok(html.includes(ESCAPED), `${name}: escaped name missing`);
    }
  });

  it("shows the hostile database by name", () => {
    const html = pages()[0]![1];
    assert.ok(html.includes(`<td rowspan="3">${ESCAPED}</td>`));
  });

  it("uses only expected tags", () => {
    for (const [name, html] of pages()) {
      for (const tag of startTags(html)) {
        assert.ok(ALLOWED_TAGS.has(tag.name), `${name}: unexpected <${tag.name}>`);
      }
    }
  });

  it("writes no handler, style or resource attribute", () => {
    for (const [name, html] of pages()) {
      for (const tag of startTags(html)) {
        for (const attribute of tag.attributes.keys()) {
          assert.doesNotMatch(attribute, /^on/, `${name}: <${tag.name} ${attribute}>`);
          assert.ok(
            !["style", "src", "href", "srcset", "action"].includes(attribute),
            `${name}: <${tag.name} ${attribute}>`,
          );
        }
      }
    }
  });

  it("allows only its own stylesheet", () => {
    for (const [name, html] of pages()) {
      const style = html.slice(
        html.indexOf("<style>") + "<style>".length,
        html.indexOf("</style>"),
      );
      const hash = createHash("sha256").update(style).digest("base64");
      const csp = startTags(html)
        .filter((t) => t.attributes.get("http-equiv") === "Content-Security-Policy")
        .map((t) => t.attributes.get("content"));

      assert.equal(csp.length, 1, name);
      assert.match(csp[0]!, /default-src 'none'/);
      assert.ok(csp[0]!.includes(`style-src 'sha256-${hash}'`), name);
      assert.equal(startTags(html).filter((t) => t.name === "style").length, 1, name);
    }
  });

  it("prints A4 with a title page", () => {
    for (const [name, html] of pages()) {
      assert.match(html, /@page\{size:A4;margin:/, name);
      assert.match(html, /section\.title-page\{break-after:page/, name);
      assert.match(html, /tr,li,svg\.chart,dl\.meta\{break-inside:avoid\}/, name);
      assert.ok(html.includes(`<section class="title-page" id="summary">`), name);
    }
  });

  it("labels the waves a suggestion", () => {
    const html = renderCompanyHtml(buildCompanyReport(sampleCompany()));
    assert.ok(html.includes("A suggestion from the figures and the questionnaire"));
    assert.ok(html.includes("<li><strong>Wave 1</strong>: Ledger. No blockers"));
    assert.ok(html.includes("<li><strong>Not assessed</strong>: Intranet."));
  });

  it("draws one share bar per database", () => {
    const html = renderApplicationHtml(buildApplicationReport(sampleApplication()));
    const chart = html.slice(html.indexOf(`<title>Category shares by database</title>`));
    const bars = chart.slice(0, chart.indexOf("</svg>")).match(/<g>/g) ?? [];
    assert.equal(bars.length, 4);
    assert.ok(chart.includes("<title>KESTREL-SQL01 / Sales: 3 objects</title>"));
  });
});
