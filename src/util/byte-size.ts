/**
 * Sizes in messages: binary units (1 KiB = 1,024 bytes), as
 * `--max-file-size` reads them, with at most one decimal.
 */

const UNITS = [
  { name: "GiB", bytes: 1024 ** 3 },
  { name: "MiB", bytes: 1024 ** 2 },
  { name: "KiB", bytes: 1024 },
] as const;

/** Formats a size for people: `512 bytes`, `1.5 KiB`, `16 MiB`, `2 GiB`. */
export function formatByteSize(bytes: number): string {
  for (const unit of UNITS) {
    if (bytes >= unit.bytes) {
      const value = Math.round((bytes / unit.bytes) * 10) / 10;
      return `${groupDigits(value)} ${unit.name}`;
    }
  }
  return bytes === 1 ? "1 byte" : `${groupDigits(bytes)} bytes`;
}

/**
 * Describes a size over a limit, as `17 MiB, over the limit of 16 MiB`.
 * When rounding makes the two look equal, both get their exact bytes too.
 */
export function formatOverLimit(size: number, limit: number): string {
  const sizeText = formatByteSize(size);
  const limitText = formatByteSize(limit);
  if (sizeText !== limitText) {
    return `${sizeText}, over the limit of ${limitText}`;
  }
  return (
    `${sizeText} (${groupDigits(size)} bytes), over the limit of ` +
    `${limitText} (${groupDigits(limit)} bytes)`
  );
}

function groupDigits(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
}
