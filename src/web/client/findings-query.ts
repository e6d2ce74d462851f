/**
 * The findings filter's query: status, feature group, search text and page.
 * It lives in the page URL (`?status=&group=&q=&offset=&limit=`), so a
 * reload or a shared link shows the same findings with or without script,
 * and the API takes the same parameters.
 */

export interface FindingsQuery {
  /** A finding status such as `notSupported`, or "" for every status. */
  readonly status: string;
  /** A feature group, or "" for every group. */
  readonly group: string;
  /** Text to search for, or "". */
  readonly q: string;
  /** Index of the first finding shown, from 0. */
  readonly offset: number;
  /** Findings per page. */
  readonly limit: number;
}

export const DEFAULT_PAGE_SIZE = 50;

// The findings API must return up to this many findings per request. A
// server that capped the page lower would make the pager skip findings.
export const MAX_PAGE_SIZE = 200;

const KEYS = ["status", "group", "q", "offset", "limit"] as const;

/** Reads the query from a URL's search part; invalid numbers get defaults. */
export function queryFromSearch(
  search: string,
  defaultLimit: number,
): FindingsQuery {
  const params = new URLSearchParams(search);
  const offset = wholeNumber(params.get("offset"));
  const limit = wholeNumber(params.get("limit"));

  return {
    status: params.get("status") ?? "",
    group: params.get("group") ?? "",
    q: params.get("q") ?? "",
    offset: offset ?? 0,
    limit:
      limit === undefined || limit < 1
        ? defaultLimit
        : Math.min(limit, MAX_PAGE_SIZE),
  };
}

/**
 * Writes the query into `search`, keeping parameters that are not the
 * filter's and leaving out those at their defaults. Returns the new search
 * part, with its `?` unless it is empty.
 */
export function searchWithQuery(
  search: string,
  query: FindingsQuery,
  defaultLimit: number,
): string {
  const params = new URLSearchParams(search);
  for (const key of KEYS) {
    params.delete(key);
  }

  const values: Record<(typeof KEYS)[number], string> = {
    status: query.status,
    group: query.group,
    q: query.q,
    offset: query.offset > 0 ? String(query.offset) : "",
    limit: query.limit !== defaultLimit ? String(query.limit) : "",
  };

  for (const key of KEYS) {
    if (values[key] !== "") {
      params.set(key, values[key]);
    }
  }

  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** Returns the API URL that lists the findings matching the query. */
export function findingsApiUrl(assessmentId: string, query: FindingsQuery): string {
  const params = new URLSearchParams({
    status: query.status,
    group: query.group,
    q: query.q,
    offset: String(query.offset),
    limit: String(query.limit),
  });

  return `/api/assessments/${encodeURIComponent(assessmentId)}/findings?${params}`;
}

function wholeNumber(text: string | null): number | undefined {
  if (text === null || !/^\d{1,9}$/.test(text)) {
    return undefined;
  }

  return Number(text);
}
