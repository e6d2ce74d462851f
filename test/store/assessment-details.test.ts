/**
 * The effort breakdown, the applied overrides and the version comparison
 * survive a store round trip, in PGlite and on a PostgreSQL server, and
 * assessments stored without them read back without them.
 */

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { EffortEstimator } from "../../src/assessment/effort.js";
import type { Assessment } from "../../src/assessment/model.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import {
  serverTestsSkipped,
  startPostgresCluster,
  type PostgresCluster,
} from "../helpers/postgres-cluster.js";
import { HOSTILE_NAMES, sampleAssessment } from "./sample-assessment.js";

/** Returns the store sample with every optional field, hostile text included. */
function withDetails(id: string): Assessment {
  const a = sampleAssessment(id);
  const effort = new EffortEstimator().addObjects(a.objects).addAll(a.findings).report();
  return {
    ...a,
    summary: { ...a.summary, effort: effort.total },
    effort,
    overrides: {
      features: [
        { featureId: "dml.top", product: "babelfish", field: "status", from: "supported", to: "reviewManually" },
        { featureId: "builtin.function.hashbytes", detail: HOSTILE_NAMES[0]!, field: "complexity", from: "low", to: "high" },
        { featureId: "statement.checkpoint", field: "effortHours", from: { low: 0.25, high: 1 }, to: { low: 0.05, high: 2.001 } },
      ],
      rates: [{ rates: "perOccurrence", complexity: "medium", from: { low: 0.25, high: 1 }, to: { low: 0.3, high: 1.7 } }],
    },
    comparison: {
      baseline: "babelfish@4.4.0",
      candidate: "babelfish@5.5.0",
      unblocked: [{ featureId: "xml.method.value", title: "xml.value()", occurrences: 31, baseline: "notSupported", candidate: "supported" }],
      stillBlocking: HOSTILE_NAMES.map((name, i) => ({
        featureId: `feature.${i}`,
        detail: name,
        title: name,
        occurrences: i + 1,
        baseline: "notSupported" as const,
        candidate: "notSupported" as const,
      })),
      regressed: [],
      changed: [],
    },
  };
}

function describeRoundTrip(kind: string, open: () => Promise<Store>): void {
  describe(`assessment details in the ${kind} store`, () => {
    it("keep effort, overrides and comparison", async () => {
      const store = await open();
      try {
        const a = withDetails(`details-${randomBytes(4).toString("hex")}`);
        assert.ok(a.effort!.byObject.length > 0);
        await store.saveAssessment(a);
        const read = await store.getAssessment(a.id);
        assert.deepStrictEqual(read?.effort, a.effort);
        assert.deepStrictEqual(read?.overrides, a.overrides);
        assert.deepStrictEqual(read?.comparison, a.comparison);
      } finally {
        await store.close();
      }
    });

    it("leave absent fields absent", async () => {
      const store = await open();
      try {
        const a = sampleAssessment(`plain-${randomBytes(4).toString("hex")}`);
        await store.saveAssessment(a);
        const read = await store.getAssessment(a.id);
        assert.ok(read);
        assert.equal("effort" in read, false);
        assert.equal("overrides" in read, false);
        assert.equal("comparison" in read, false);
      } finally {
        await store.close();
      }
    });

    it("keep listings free of the details", async () => {
      const store = await open();
      try {
        const a = withDetails(`listed-${randomBytes(4).toString("hex")}`);
        await store.saveAssessment(a);
        const listing = (await store.listAssessments()).find((l) => l.id === a.id);
        assert.ok(listing);
        assert.deepStrictEqual(listing.summary, a.summary);
        assert.equal("effort" in listing, false);
      } finally {
        await store.close();
      }
    });
  });
}

const roots: string[] = [];
after(() => {
  for (const root of roots) {
    rmSync(root, { recursive: true, force: true });
  }
});

const dataDir = (() => {
  const root = mkdtempSync(join(tmpdir(), "infio-details-"));
  roots.push(root);
  return join(root, "data");
})();

describeRoundTrip("embedded", async () => {
  const opened = await openStore("embedded", { dataDir });
  if (!opened.ok) {
    throw opened.error;
  }
  return opened.store;
});

if (serverTestsSkipped()) {
  it("assessment details in the server store", { skip: "INFIO_SKIP_SERVER_TESTS=1 is set" });
} else {
  let clusterStart: Promise<PostgresCluster> | undefined;
  let url: Promise<string> | undefined;
  after(async () => {
    if (clusterStart !== undefined) {
      await (await clusterStart).stop();
    }
  });

  describeRoundTrip("server", async () => {
    clusterStart ??= startPostgresCluster();
    url ??= clusterStart.then((c) => c.createDatabase(`t_${randomBytes(6).toString("hex")}`));
    const opened = await openStore(await url, { dataDir });
    if (!opened.ok) {
      throw opened.error;
    }
    return opened.store;
  });
}
