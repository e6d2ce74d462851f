/**
 * Names of zip entries: decoding them and checking that each is a plain
 * relative path. APPNOTE.TXT 6.3.10 section 4.4.17 requires relative
 * paths with forward slashes and no drive letter. A name that breaks this
 * rule (`../x.sql`, `/etc/x.sql`, `C:x.sql`, `dir\x.sql`) is never used,
 * because it could point outside the folder the archive describes.
 */

import { escapeControls } from "../../util/escape-controls.js";

/** Code page 437 from 0x80 to 0xFF, the zip default without the UTF-8 flag (APPNOTE 4.4.4, appendix D). */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐" +
  "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

/** Maximum length of an entry name, in characters. */
export const MAX_NAME_LENGTH = 1024;

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The characters that escapeControls escapes: controls, line separators and
 * bidirectional formatting characters, which can make a name display as
 * another one. Entry and upload names that contain them are rejected.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Decodes an entry name: UTF-8 when general purpose bit 11 is set, and
 * otherwise UTF-8 when the bytes are valid UTF-8 (many tools write it
 * without setting the bit), else code page 437. Returns undefined for a
 * name flagged as UTF-8 that is not.
 */
export function decodeEntryName(bytes: Uint8Array, utf8Flag: boolean): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    if (utf8Flag) {
      return undefined;
    }
  }

  let name = "";
  for (const byte of bytes) {
    name += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80]!;
  }
  return name;
}

export type EntryPathCheck =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly problem: string };

/**
 * Checks that `name` is a relative path of plain segments and returns it
 * without leading `./` segments. `problem` completes "the entry name ...".
 */
export function checkEntryPath(name: string): EntryPathCheck {
  const fail = (problem: string): EntryPathCheck => ({ ok: false, problem });

  if (name.length > MAX_NAME_LENGTH) {
    return fail(`is ${name.length} characters long, over the limit of ${MAX_NAME_LENGTH}`);
  }
  if (CONTROL_CHARACTERS.test(name)) {
    return fail("contains control characters");
  }
  if (name.includes("\\")) {
    return fail("contains a backslash, which zip archives do not use as a folder separator");
  }
  if (name.startsWith("/")) {
    return fail("is an absolute path");
  }
  if (/^[A-Za-z]:/.test(name)) {
    return fail("starts with a drive letter");
  }

  const segments = name.split("/");
  while (segments.length > 1 && segments[0] === ".") {
    segments.shift();
  }
  if (segments.includes("..")) {
    return fail("contains a '..' segment, which points outside the archive's folder");
  }
  if (segments.some((segment) => segment === "" || segment === ".")) {
    return fail("contains an empty or '.' path segment");
  }
  return { ok: true, path: segments.join("/") };
}

/**
 * Returns `name` with control characters escaped (see escapeControls),
 * so that a hostile name can be shown in a message or a report without
 * changing what is around it. Long names are cut short.
 */
export function printableName(name: string): string {
  const shortened = name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH)}...` : name;
  return escapeControls(shortened);
}
