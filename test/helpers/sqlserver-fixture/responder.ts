/**
 * A responder answers one infio catalog query from fixture rows, as SQL
 * Server would: same result columns, same row order.
 */

import type { ResultSet, RequestParameter } from "../tds-server/index.js";
import type { FixtureDatabase, FixtureServer } from "./fixture.js";

export interface ResponderInput {
  readonly server: FixtureServer;
  /** The database the connection opened; undefined in master. */
  readonly database: FixtureDatabase | undefined;
  readonly parameters: readonly RequestParameter[];
}

export type Responder = (input: ResponderInput) => ResultSet;

/** Responders by query id. */
export type ResponderTable = Readonly<Record<string, Responder>>;

/** Returns the rows of a view, or an empty list when the fixture has none. */
export function viewRows(
  views: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>,
  view: string,
): readonly Readonly<Record<string, unknown>>[] {
  return views[view] ?? [];
}
