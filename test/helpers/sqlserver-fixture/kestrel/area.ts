/** The views one inventory area adds to the Kestrel fixture server. */

import type { CatalogViews } from "../fixture.js";

export interface FixtureArea {
  readonly server?: CatalogViews;
  /** Views by database name. */
  readonly databases?: Readonly<Record<string, CatalogViews>>;
}

/** Merges areas; rows of one view from two areas are concatenated. */
export function mergeAreas(areas: readonly FixtureArea[]): Required<FixtureArea> {
  const server: Record<string, Record<string, unknown>[]> = {};
  const databases: Record<string, Record<string, Record<string, unknown>[]>> = {};

  for (const area of areas) {
    addViews(server, area.server ?? {});
    for (const [name, views] of Object.entries(area.databases ?? {})) {
      addViews((databases[name] ??= {}), views);
    }
  }
  return { server: server as CatalogViews, databases: databases as Record<string, CatalogViews> };
}

function addViews(target: Record<string, Record<string, unknown>[]>, views: CatalogViews): void {
  for (const [view, rows] of Object.entries(views)) {
    (target[view] ??= []).push(...rows);
  }
}
