/**
 * Feature facts beyond the id that the reports display. The catalog
 * supplies them. Without a catalog the reports derive the group from the
 * id and show the id as the title.
 */

/** Catalog facts about one feature that the reports display. */
export interface FeatureInfo {
  /** Short human title, for example `SCROLL cursor option`. */
  readonly title?: string;
  /** Feature group, for example `cursor.option`. */
  readonly group?: string;
  /** Page that explains the feature and its remedy; only http(s) is used. */
  readonly helpUri?: string;
}

/** Looks a feature id up in the catalog; returns undefined when absent. */
export type FeatureLookup = (featureId: string) => FeatureInfo | undefined;

/** Feature facts with the defaults applied. */
export interface ResolvedFeature {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  /** Present only when the catalog gave an absolute http(s) URL. */
  readonly helpUri?: string;
}

/**
 * Resolves a feature id with the catalog lookup when one is given. The
 * default group is the id without its last dotted segment, so
 * `cursor.option.scroll` falls in `cursor.option`; an id without a dot is
 * its own group.
 */
export function resolveFeature(
  featureId: string,
  lookup?: FeatureLookup,
): ResolvedFeature {
  const info = lookup?.(featureId);
  const lastDot = featureId.lastIndexOf(".");
  const defaultGroup = lastDot > 0 ? featureId.slice(0, lastDot) : featureId;
  const helpUri = safeHttpUrl(info?.helpUri);

  return {
    id: featureId,
    title: nonEmpty(info?.title) ?? featureId,
    group: nonEmpty(info?.group) ?? defaultGroup,
    ...(helpUri === undefined ? {} : { helpUri }),
  };
}

/**
 * Returns the URL normalised by the WHATWG URL parser when it is absolute
 * http or https, and undefined otherwise. Reports place only such URLs in
 * links, so `javascript:`, `data:` and relative URLs never reach a link.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (value === undefined || !URL.canParse(value)) {
    return undefined;
  }

  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return undefined;
  }

  return url.href;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
