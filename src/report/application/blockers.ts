/**
 * The application's blockers: each distinct feature and detail that is
 * not supported on the target, with its occurrences, the distinct objects
 * it is in and the servers it is on.
 */

import type { Finding } from "../../assessment/model.js";
import { compareCodeUnits } from "../text.js";
import type { Blocker } from "./model.js";

interface BlockerState {
  featureId: string;
  detail?: string;
  title: string;
  occurrences: number;
  objects: Set<string>;
  inCode: boolean;
  servers: Set<string>;
}

export class BlockerTally {
  private readonly byFeature = new Map<string, BlockerState>();

  /**
   * Counts one not-supported finding. `objectKey` names its object across
   * the whole application, so one object counts once.
   */
  add(
    finding: Finding,
    title: string,
    server: string,
    objectKey: string,
    part: "schema" | "code",
  ): void {
    const key = `${finding.featureId}\u0000${finding.detail ?? ""}`;
    let state = this.byFeature.get(key);
    if (state === undefined) {
      state = {
        featureId: finding.featureId,
        ...(finding.detail === undefined ? {} : { detail: finding.detail }),
        title,
        occurrences: 0,
        objects: new Set(),
        inCode: false,
        servers: new Set(),
      };
      this.byFeature.set(key, state);
    }

    state.occurrences++;
    state.objects.add(objectKey);
    state.inCode ||= part === "code";
    state.servers.add(server);
  }

  /** Returns the blockers, most occurrences first. */
  blockers(): Blocker[] {
    return [...this.byFeature.values()]
      .map((s) => ({
        featureId: s.featureId,
        ...(s.detail === undefined ? {} : { detail: s.detail }),
        title: s.title,
        occurrences: s.occurrences,
        objects: s.objects.size,
        inCode: s.inCode,
        servers: [...s.servers].sort(compareCodeUnits),
      }))
      .sort(
        (a, b) =>
          b.occurrences - a.occurrences ||
          compareCodeUnits(a.featureId, b.featureId) ||
          compareCodeUnits(a.detail ?? "", b.detail ?? ""),
      );
  }
}
