/**
 * Visible escapes for characters that change how text is displayed rather
 * than adding to it. Names and messages come from the assessed code and
 * from file names. So they may carry terminal escape sequences (ESC), line
 * breaks that forge a log line, or bidirectional formatting characters
 * that make text read in another order than it runs ("Trojan Source").
 *
 * Escaped: the C0 controls U+0000 to U+001F, DEL, the C1 controls U+0080
 * to U+009F, the line and paragraph separators U+2028 and U+2029, and the
 * directional formatting characters of Unicode Standard Annex #9, section
 * 2 (Unicode 16.0): ALM U+061C, LRM U+200E, RLM U+200F, the embeddings and
 * overrides U+202A to U+202E and the isolates U+2066 to U+2069. A
 * backslash is kept as it is, so `\x1b` in the output may also be those
 * four characters in the input.
 */

const ESCAPED =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT_FORMS: Readonly<Record<string, string>> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/**
 * Returns `text` with each such character written as `\n`, `\r`, `\t`,
 * `\xHH` (below U+0100) or `\uHHHH`; characters in `keep` stay as they are.
 */
export function escapeControls(text: string, keep = ""): string {
  return text.replace(ESCAPED, (character) =>
    keep.includes(character) ? character : escapeOne(character),
  );
}

function escapeOne(character: string): string {
  const short = SHORT_FORMS[character];
  if (short !== undefined) {
    return short;
  }
  const code = character.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}
