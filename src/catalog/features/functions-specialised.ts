/**
 * Built-in functions of features that Babelfish lacks or only partly has:
 * encryption and signing, full-text search, FILESTREAM and FileTable,
 * change tracking and PREDICT. Babelfish Compass (`BabelfishFeatures.cfg`,
 * to 6.0.0) lists all of them; only CONTAINS is ever more than not
 * supported.
 */
import { always, family, steps } from "../build.js";
import { COMPASS_FEATURES, postgresDocs } from "../sources.js";
import { functionEntries, type FunctionRow } from "./function-table.js";

const PG_PGCRYPTO = postgresDocs("pgcrypto", "pgcrypto");
const PG_TEXT_SEARCH = postgresDocs("textsearch-controls", "Controlling text search");

const NOT_SUPPORTED = always("notSupported");

const PGCRYPTO_KEYS = "Keep keys outside the database and use pgcrypto (pgp_sym_encrypt, pgp_pub_encrypt).";
const PGCRYPTO_SIGN = "Sign in the application, or use pgcrypto's PGP functions.";
const FULL_TEXT = "Use a tsvector column with a GIN index and to_tsquery() or websearch_to_tsquery().";
const FILESTREAM = "Store files outside the database (for example in Amazon S3) and keep their paths in a column.";
const CHANGE_TRACKING = "Use logical decoding or triggers that write a change table.";

/** Rows for functions of one feature that share a PostgreSQL remedy. */
function group(
  names: readonly string[],
  postgresqlRemedy: string,
  docs = [PG_PGCRYPTO],
): FunctionRow[] {
  return names.map((name) => [name, NOT_SUPPORTED, "notSupported", postgresqlRemedy, { complexity: "high", docs }]);
}

const ROWS: readonly FunctionRow[] = [
  ...group(
    ["encryptbyasymkey", "encryptbycert", "encryptbypassphrase", "decryptbyasymkey", "decryptbycert",
      "decryptbykeyautoasymkey", "decryptbykeyautocert", "decryptbypassphrase", "asymkey_id",
      "asymkeyproperty", "cert_id", "certproperty", "key_guid", "key_id", "key_name", "symkeyproperty"],
    PGCRYPTO_KEYS,
  ),
  ...group(["signbyasymkey", "signbycert", "verifysignedbyasymkey", "verifysignedbycert"], PGCRYPTO_SIGN),
  ...group(["pwdencrypt", "pwdcompare"], "Hash passwords with crypt() and gen_salt('bf') from pgcrypto."),

  // Compass rates CONTAINS a manual review from 3.5.0, with one column from
  // 4.0.0 and several from 5.2.0. It supports FORMSOF, NEAR, ISABOUT and
  // the other search forms on no release.
  ["contains", steps(["1.0.0", "notSupported"], ["3.5.0", "reviewManually"]), "notSupported", FULL_TEXT,
    {
      remedy:
        "Babelfish 3.5.0 and later run simple CONTAINS searches on a column with a full-text index " +
        "(several columns from 5.2.0); FORMSOF, NEAR, ISABOUT and prefix or weighted terms are not supported. Test each search.",
      complexity: "high",
      docs: [PG_TEXT_SEARCH],
    }],
  ...group(
    ["containstable", "freetext", "freetexttable", "fulltextcatalogproperty", "semantickeyphrasetable",
      "semanticsimilaritytable", "semanticsimilaritydetailstable"],
    FULL_TEXT,
    [PG_TEXT_SEARCH],
  ),

  ...group(
    ["filetablerootpath", "getfilenamespacepath", "getpathlocator", "pathname", "get_filestream_transaction_context"],
    FILESTREAM,
    [],
  ),
  ...group(
    ["changetable", "change_tracking_current_version", "change_tracking_min_valid_version",
      "change_tracking_is_column_in_mask", "change_tracking_context"],
    CHANGE_TRACKING,
    [postgresDocs("logicaldecoding", "Logical decoding")],
  ),
  ["predict", NOT_SUPPORTED, "notSupported", "Score models in the application.",
    { complexity: "high" }],
];

export const SPECIALISED_FUNCTION_FEATURES = family(
  "Built-in functions",
  functionEntries(ROWS, COMPASS_FEATURES),
);
