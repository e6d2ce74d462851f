/** Feature titles, groups and documentation links for the reports. */

import type { Catalog } from "../catalog/catalog.js";
import type { FeatureLookup } from "../report/index.js";

export function featureLookup(catalog: Catalog): FeatureLookup {
  return (featureId) => {
    const entry = catalog.entries.get(featureId);
    if (entry === undefined) {
      return undefined;
    }
    const helpUri = entry.docs[0]?.url;
    return {
      title: entry.title,
      group: entry.group,
      ...(helpUri === undefined ? {} : { helpUri }),
    };
  };
}
