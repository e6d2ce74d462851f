/**
 * Redacts the detail of a finding. Details are mostly catalog values (a
 * HASHBYTES algorithm, a hint, a SET option). Some come from string
 * literals in the code (a FORMAT culture, a property name), so a detail
 * that the catalog does not list and that is not made of T-SQL words gets
 * a pseudonym.
 */

import type { Namer } from "./namer.js";
import type { Vocabulary } from "./vocabulary.js";

/**
 * A collation name as SQL Server spells them, `latin1_general_100_ci_as_sc`
 * or `sql_latin1_general_cp1_cs_as` ("Collation and Unicode support",
 * Microsoft Learn): collations are SQL Server's names, not the customer's.
 */
const COLLATION = /^[a-z][a-z0-9]*(_[a-z0-9]+)*_(ci|cs|bin|bin2)(_[a-z0-9]+)*$/i;

export function redactDetail(
  featureId: string,
  detail: string,
  namer: Namer,
  vocabulary: Vocabulary,
): string {
  if (vocabulary.isFeatureDetail(featureId, detail) || vocabulary.isCatalogValue(detail)) {
    return detail;
  }
  if (/^\d+$/.test(detail) || COLLATION.test(detail)) {
    return detail;
  }

  const words = detail.split(/[\s_]+/).filter((word) => word !== "");
  if (words.length > 0 && words.every((word) => vocabulary.isSqlWord(word)) && !namer.isKnown(detail)) {
    return detail;
  }
  return namer.name(detail, "detail");
}
