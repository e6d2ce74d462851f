/**
 * Encoding names accepted by `--encoding`. Canonical names are the WHATWG
 * Encoding Standard names that Node's TextDecoder reports, plus the UTF-16
 * and UTF-32 forms that infio decodes itself. Windows code page numbers
 * (`cp1252`, `1252`, `cp932`) are accepted as aliases because that is how
 * SQL Server collations and SSMS name them.
 */

/**
 * UTF-16 with the byte order taken from the byte order mark, little-endian
 * when there is none: Windows tools call this "Unicode" and write it LE.
 */
export const UTF16_FROM_BOM = "utf-16";

/** UTF-32 with the byte order taken from the byte order mark, LE by default. */
export const UTF32_FROM_BOM = "utf-32";

/** Names that infio decodes itself instead of through TextDecoder. */
const UNICODE_ALIASES: ReadonlyMap<string, string> = new Map([
  ["utf8", "utf-8"],
  ["utf-8", "utf-8"],
  ["cp65001", "utf-8"],
  ["65001", "utf-8"],
  ["utf16", UTF16_FROM_BOM],
  ["utf-16", UTF16_FROM_BOM],
  ["ucs2", UTF16_FROM_BOM],
  ["ucs-2", UTF16_FROM_BOM],
  ["unicode", UTF16_FROM_BOM],
  ["utf16le", "utf-16le"],
  ["utf-16le", "utf-16le"],
  ["ucs-2le", "utf-16le"],
  ["cp1200", "utf-16le"],
  ["1200", "utf-16le"],
  ["utf16be", "utf-16be"],
  ["utf-16be", "utf-16be"],
  ["ucs-2be", "utf-16be"],
  ["unicodefffe", "utf-16be"],
  ["cp1201", "utf-16be"],
  ["1201", "utf-16be"],
  ["utf32", UTF32_FROM_BOM],
  ["utf-32", UTF32_FROM_BOM],
  ["utf32le", "utf-32le"],
  ["utf-32le", "utf-32le"],
  ["cp12000", "utf-32le"],
  ["utf32be", "utf-32be"],
  ["utf-32be", "utf-32be"],
  ["cp12001", "utf-32be"],
]);

/**
 * Windows code page numbers whose WHATWG name is not `windows-NNNN`, from
 * the "Code Page Identifiers" table of the Win32 documentation.
 */
const CODE_PAGES: ReadonlyMap<string, string> = new Map([
  ["866", "ibm866"],
  ["932", "shift_jis"],
  ["936", "gbk"],
  ["949", "euc-kr"],
  ["950", "big5"],
  ["20127", "us-ascii"],
  ["20866", "koi8-r"],
  ["21866", "koi8-u"],
  ["20932", "euc-jp"],
  ["50220", "iso-2022-jp"],
  ["51932", "euc-jp"],
  ["54936", "gb18030"],
]);

/** Names listed in the error message for an unknown encoding. */
const LISTED_NAMES = [
  "utf-8",
  "utf-16",
  "utf-16le",
  "utf-16be",
  "utf-32",
  "utf-32le",
  "utf-32be",
  "windows-874",
  "windows-1250",
  "windows-1251",
  "windows-1252",
  "windows-1253",
  "windows-1254",
  "windows-1255",
  "windows-1256",
  "windows-1257",
  "windows-1258",
  "iso-8859-2",
  "iso-8859-5",
  "iso-8859-7",
  "iso-8859-15",
  "koi8-r",
  "koi8-u",
  "ibm866",
  "shift_jis",
  "euc-jp",
  "iso-2022-jp",
  "gbk",
  "gb18030",
  "big5",
  "euc-kr",
];

/** WHATWG encodings that exist only for browsers and never decode a script. */
const REJECTED = new Set(["replacement", "x-user-defined"]);

/**
 * Returns the canonical name of an encoding label, or undefined when the
 * label names no encoding that this Node build can decode.
 */
export function resolveEncoding(label: string): string | undefined {
  const key = label.trim().toLowerCase();
  const unicode = UNICODE_ALIASES.get(key);
  if (unicode !== undefined) {
    return unicode;
  }

  const number = /^(?:cp|ms|windows-|win)?(\d+)$/.exec(key)?.[1];
  if (number !== undefined) {
    const mapped = CODE_PAGES.get(number);
    if (mapped !== undefined) {
      return supported(mapped);
    }
    if (number.startsWith("2859") && number.length === 5) {
      return supported(`iso-8859-${number.slice(4)}`);
    }
    return supported(`windows-${number}`);
  }

  return supported(key);
}

/** Lists the canonical names this Node build can decode, for messages. */
export function listedEncodings(): string[] {
  return LISTED_NAMES.filter((name) => resolveEncoding(name) !== undefined);
}

function supported(label: string): string | undefined {
  let name: string;
  try {
    name = new TextDecoder(label).encoding;
  } catch {
    // TextDecoder raises a RangeError for labels it does not know.
    return undefined;
  }

  if (REJECTED.has(name)) {
    return undefined;
  }
  return name;
}
