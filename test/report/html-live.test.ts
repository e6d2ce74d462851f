import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Assessment } from "../../src/assessment/model.js";
import type { InventoryItem } from "../../src/sources/sqlserver/collected.js";
import { fairShares } from "../../src/report/html/inventory-plan.js";
import { DEFAULT_HTML_LIMITS } from "../../src/report/html/limits.js";
import type { HtmlOptions } from "../../src/report/html/page.js";
import { renderHtml } from "../../src/report/html/page.js";
import { startTags } from "./html-tags.js";
import { sampleAssessment } from "./sample-assessment.js";
import {
  HOSTILE_DATABASE,
  HOSTILE_VALUE,
  liveAssessment,
  SAMPLE_PARTS,
  sampleLive,
} from "./sample-live.js";
import { assertSnapshot } from "./snapshot.js";

function render(a: Assessment = liveAssessment(), options: HtmlOptions = {}): string {
  return renderHtml(a, { inventoryParts: SAMPLE_PARTS, ...options });
}

/** Returns the section with `id`, up to and with its closing tag. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  assert.notEqual(start, -1, `no section ${id}`);
  const end = html.indexOf("</section>", start);
  return html.slice(start, end + "</section>".length);
}

/** Returns the `<details>` of the inventory part titled `title`. */
function part(html: string, title: string): string {
  const inventory = section(html, "inventory");
  const start = inventory.indexOf(`<summary>${title} `);
  assert.notEqual(start, -1, `no part ${title}`);
  return inventory.slice(start, inventory.indexOf("</details>", start));
}

/** Returns the titles of the inventory parts, in page order. */
function partTitles(html: string): string[] {
  const inventory = section(html, "inventory");
  return [...inventory.matchAll(/<summary>(.*?) <small>/g)].map((m) => m[1]!);
}

describe("renderHtml live server", () => {
  it("matches the snapshot of the live sections", () => {
    const html = render();
    const sections = ["server", "inventory", "not-read"].map((id) => section(html, id));
    assertSnapshot("live-sections.html", sections.join("\n") + "\n");
  });

  it("leaves the live sections out for scripts", () => {
    const html = renderHtml(sampleAssessment());
    for (const id of ["server", "inventory", "not-read"]) {
      assert.ok(!html.includes(`<section id="${id}">`), id);
      assert.ok(!html.includes(`href="#${id}"`), id);
    }
  });

  it("puts the server section first", () => {
    const html = render();
    const main = html.indexOf("<main>");
    assert.equal(html.indexOf("<section", main), html.indexOf('<section id="server">'));
    assert.ok(html.indexOf('<section id="inventory">') < html.indexOf('<section id="not-read">'));
  });

  it("shows the server header", () => {
    const server = section(render(), "server");
    assert.ok(server.includes("<code>kestrel-sql01.corp.example,1433</code>"));
    assert.ok(server.includes("<code>KESTREL-SQL01</code> <small>(@@SERVERNAME)</small>"));
    assert.ok(server.includes("<dd>16.0.4135.4</dd>"));
    assert.ok(server.includes("<dd>Enterprise Edition (64-bit)</dd>"));
    assert.ok(server.includes("<dd>2024-05-01T09:29:00.000Z</dd>"));
    assert.ok(server.includes("<dt>Certificate</dt><dd>verified</dd>"));
  });

  it("warns when certificate verification was off", () => {
    const base = sampleLive();
    const html = render(
      liveAssessment({ server: { ...base.server, tlsVerificationDisabled: true } }),
    );
    const server = section(html, "server");
    assert.match(
      server,
      /<p class="warning">Warning: certificate verification was turned off for this collection\./,
    );
    assert.ok(server.includes("<dt>Certificate</dt><dd>not verified</dd>"));
  });

  it("gives no certificate warning when verified", () => {
    assert.ok(!render().includes("certificate verification was turned off"));
  });

  it("counts the problems by reason", () => {
    const server = section(render(), "server");
    assert.match(server, /<a href="#not-read">Not read<\/a>: 4 problems\. 1 database was skipped/);
    assert.ok(server.includes('<tr><td>database-unavailable</td><td class="num">1</td></tr>'));
    assert.ok(server.includes('<tr><td>permission-denied</td><td class="num">1</td></tr>'));
  });

  it("says when everything was read", () => {
    const html = render(liveAssessment({ problems: [] }));
    assert.match(section(html, "server"), /Everything infio asked the server for was read/);
    assert.match(section(html, "not-read"), /No problems: every part and database was read/);
  });

  it("orders parts as the registry, unknown parts last", () => {
    assert.deepEqual(partTitles(render()), [
      "Configuration options",
      "Databases",
      "Logins",
      "Linked servers",
      "Tables",
      "Database users",
      "Service Broker",
      "legacy-widgets",
    ]);
  });

  it("renders with the real registry", () => {
    const html = renderHtml(liveAssessment());
    const titles = partTitles(html);
    for (const name of Object.keys(sampleLive().inventory)) {
      assert.ok(
        html.includes(`<code>${name}</code>:`),
        `part ${name} missing from ${titles.join(", ")}`,
      );
    }
  });

  it("groups database parts by database", () => {
    const tables = part(render(), "Tables");
    assert.ok(tables.includes("<h4>Database <code>KestrelColdChain</code> <small>(3 items)</small></h4>"));
    assert.ok(
      tables.includes(
        "<h4>Database <code>&lt;img src=x onerror=alert(1)&gt;</code> <small>(1 item)</small></h4>",
      ),
    );
    assert.ok(!tables.includes("<th>database</th>"));
  });

  it("lists server parts flat with database first", () => {
    const databases = part(render(), "Databases");
    assert.match(databases, /<thead><tr><th>database<\/th><th>compatibility_level<\/th>/);
    assert.ok(!databases.includes("<h4>"));
  });

  it("uses the union of fields as columns", () => {
    const databases = part(render(), "Databases");
    assert.ok(
      databases.includes(
        "<th>database</th><th>compatibility_level</th><th>recovery_model</th>" +
          "<th>is_tde</th><th>files</th><th>state</th>",
      ),
    );
    assert.ok(databases.includes("<tr><td>master</td><td class=\"num\">160</td><td>SIMPLE</td><td>no</td><td></td><td></td></tr>"));
  });

  it("renders values safely", () => {
    const html = render();
    const configuration = part(html, "Configuration options");
    assert.ok(configuration.includes('<td class="num">8</td><td>yes</td>'));
    assert.ok(configuration.includes('<td class="none">NULL</td>'));
    assert.ok(
      part(html, "Databases").includes(
        "<td><code>[{&quot;name&quot;:&quot;KestrelColdChain&quot;,&quot;size_mb&quot;:2048}]</code></td>",
      ),
    );
    assert.ok(part(html, "Tables").includes('<td class="num">98000000</td>'));
  });

  it("cuts a long value", () => {
    const tables = part(render(), "Tables");
    assert.match(tables, /<td>Cold-chain readings per pallet and sensor; [^<]*… \[147 more characters\]<\/td>/);
  });

  it("escapes hostile names and values", () => {
    const html = render();
    assert.ok(!/<img/i.test(html));
    assert.ok(!html.includes(HOSTILE_DATABASE));
    assert.ok(html.includes("<td>=HYPERLINK(&quot;http://x&quot;)</td>"));
    assert.ok(!html.includes(HOSTILE_VALUE));
    assert.ok(part(html, "legacy-widgets").includes("<th>&lt;b&gt;field&lt;/b&gt;</th>"));
  });

  it("contains no script and no external URL", () => {
    const html = render();
    const tags = startTags(html);
    assert.ok(!/<script/i.test(html));
    for (const tag of tags) {
      assert.notEqual(tag.name, "script");
      for (const [name, value] of tag.attributes) {
        assert.doesNotMatch(name, /^on/, `<${tag.name} ${name}>`);
        if (name === "href") {
          assert.match(value, /^#/, `external link ${value}`);
        }
        assert.ok(!["src", "srcset", "action", "style"].includes(name), `<${tag.name} ${name}>`);
      }
    }
  });

  it("keeps ids unique and links on the page", () => {
    const tags = startTags(render());
    const ids = tags.map((t) => t.attributes.get("id")).filter((id) => id !== undefined);
    assert.equal(new Set(ids).size, ids.length);
    for (const tag of tags) {
      const href = tag.attributes.get("href");
      if (href?.startsWith("#")) {
        assert.ok(ids.includes(href.slice(1)), `broken link ${href}`);
      }
    }
  });

  it("says why a part has no items", () => {
    const html = render();
    const logins = part(html, "Logins");
    assert.ok(logins.includes("<td>permission-denied</td>"));
    assert.ok(logins.includes("No items were read; the problems above say why."));
    assert.ok(part(html, "Linked servers").includes('<p class="none">None found.</p>'));
    assert.match(part(html, "Service Broker"), /Not in this collection/);
  });

  it("shows an unavailable database under each database part", () => {
    const html = render();
    for (const title of ["Tables", "Database users", "Service Broker"]) {
      assert.ok(part(html, title).includes("<td><code>Archive</code></td><td>database-unavailable</td>"), title);
    }
    assert.ok(!part(html, "Databases").includes("database-unavailable"));
  });

  it("attributes a problem by query id", () => {
    const users = part(render(), "Database users");
    assert.ok(users.includes("<td>timeout</td>"));
    assert.match(users, /2 items, 2 problems reading it/);
  });

  it("lists every problem under Not read", () => {
    const notRead = section(render(), "not-read");
    const rows = notRead.match(/<tr><td>/g) ?? [];
    assert.equal(rows.length, sampleLive().problems.length);
    assert.ok(notRead.includes('<a href="#inv-2"><code>logins</code></a>'));
    assert.ok(notRead.includes('<a href="#inv-5"><code>inventory.database-users</code></a>'));
    assert.ok(notRead.includes("<tr><td><code>modules</code></td><td><code>KestrelColdChain</code></td><td>encrypted</td>"));
  });

  it("reads a prototype name as absent", () => {
    const parts = [{ name: "constructor", title: "Odd part", scope: "database" as const, queryIds: [] }];
    const html = render(liveAssessment({ problems: [] }), { inventoryParts: parts });
    assert.match(part(html, "Odd part"), /Not in this collection/);
  });

  it("groups items without a database first", () => {
    const a = liveAssessment({
      inventory: { tables: [{ database: "KestrelColdChain", name: "Pallet" }, { name: "orphan" }] },
    });
    const tables = part(render(a), "Tables");
    const without = tables.indexOf("<h4>Without a database <small>(1 item)</small></h4>");
    assert.notEqual(without, -1);
    assert.ok(without < tables.indexOf("<h4>Database <code>KestrelColdChain</code>"));
  });

  it("caps the rows of a part", () => {
    const html = render(liveAssessment(), { limits: { inventoryRowsPerPart: 2 } });
    const tables = part(html, "Tables");
    assert.match(tables, /Not listed here, to keep the page small: 2 more items of this database;/);
    const listed = (tables.match(/<table class="inventory">[\s\S]*?<\/table>/g) ?? []).join("");
    assert.equal((listed.match(/<tr><td/g) ?? []).length, 2);
    assert.match(section(html, "inventory"), /Each part lists at most 2 rows/);
  });

  it("names the fields beyond the column cap", () => {
    const html = render(liveAssessment(), { limits: { inventoryColumns: 2 } });
    const databases = part(html, "Databases");
    assert.ok(databases.includes("<th>database</th><th>compatibility_level</th></tr>"));
    assert.match(databases, /Fields not shown as columns: <code>recovery_model<\/code>, <code>is_tde<\/code>/);
  });

  it("stays bounded for a huge inventory", () => {
    const inventory: Record<string, InventoryItem[]> = {};
    for (let p = 0; p < 40; p++) {
      inventory[`part-${p}`] = Array.from({ length: 20_000 }, (_, i) => ({
        database: `db${i % 7}`,
        schema: "dbo",
        name: `object_${p}_${i}`,
        rows: i * 13,
        is_enabled: i % 2 === 0,
        note: "<&>".repeat(30),
      }));
    }

    const html = render(liveAssessment({ inventory }));
    const rows = (section(html, "inventory").match(/<tr><td/g) ?? []).length;
    const bytes = Buffer.byteLength(html, "utf8");
    assert.ok(rows * 6 <= DEFAULT_HTML_LIMITS.inventoryCells, `${rows} rows`);
    assert.ok(rows > 0);
    // docs/output.md states this bound; the page measured 4.1 MB when it was set.
    assert.ok(bytes < 5_000_000, `page is ${bytes} bytes`);
    assert.match(html, /Not listed here, to keep the page small: [\d,]+ more items;/);
  });
});

describe("fairShares", () => {
  const cases: [number[], number, number[]][] = [
    [[10, 10], 100, [10, 10]],
    [[10, 100, 100], 100, [10, 45, 45]],
    [[3, 50, 1], 20, [3, 16, 1]],
    [[5, 5, 5], 0, [0, 0, 0]],
    [[], 10, []],
  ];

  for (const [demands, budget, expected] of cases) {
    it(`shares ${budget} among ${JSON.stringify(demands)}`, () => {
      assert.deepEqual(fairShares(demands, budget), expected);
    });
  }
});
