/**
 * The console's icon at `/favicon.ico`, which browsers request on every
 * first visit whatever the page links. It is drawn here, a 16 by 16 ICO
 * file with one 32-bit image: a dark blue tile with a light bar, so that
 * nothing is read from disk and no request for it ends in a 404.
 *
 * The ICO layout is described in "The evolution of the ICO file format,
 * part 1" (Raymond Chen, The Old New Thing, 2010). It is a 6-byte ICONDIR
 * and one 16-byte ICONDIRENTRY, then the image. The image is a
 * BITMAPINFOHEADER whose height counts the colour rows and the AND mask
 * rows, the BGRA rows bottom-up, and the 1-bit AND mask, each row padded
 * to 4 bytes.
 */

const SIZE = 16;
const HEADER_BYTES = 40;
const PIXEL_BYTES = SIZE * SIZE * 4;
/** 16 mask bits per row, padded to 32 bits. */
const MASK_BYTES = SIZE * 4;
const IMAGE_OFFSET = 6 + 16;

/** Colours as [blue, green, red]. */
const TILE = [0x6b, 0x3a, 0x1f];
const BAR = [0xf2, 0xe6, 0xd9];

/** Returns the bytes of the console's ICO file. */
export function faviconIco(): Buffer {
  const imageBytes = HEADER_BYTES + PIXEL_BYTES + MASK_BYTES;
  const file = Buffer.alloc(IMAGE_OFFSET + imageBytes);

  // ICONDIR: reserved, type 1 (icon), one image.
  file.writeUInt16LE(0, 0);
  file.writeUInt16LE(1, 2);
  file.writeUInt16LE(1, 4);

  // ICONDIRENTRY: width, height, no palette, reserved, 1 plane, 32 bits.
  file.writeUInt8(SIZE, 6);
  file.writeUInt8(SIZE, 7);
  file.writeUInt16LE(1, 10);
  file.writeUInt16LE(32, 12);
  file.writeUInt32LE(imageBytes, 14);
  file.writeUInt32LE(IMAGE_OFFSET, 18);

  // BITMAPINFOHEADER: the height covers the colour rows and the mask rows.
  const header = IMAGE_OFFSET;
  file.writeUInt32LE(HEADER_BYTES, header);
  file.writeInt32LE(SIZE, header + 4);
  file.writeInt32LE(SIZE * 2, header + 8);
  file.writeUInt16LE(1, header + 12);
  file.writeUInt16LE(32, header + 14);
  file.writeUInt32LE(PIXEL_BYTES + MASK_BYTES, header + 20);

  // Rows run bottom-up, so row 0 is the bottom of the icon. The AND mask
  // stays all zero: every pixel is opaque through its alpha byte.
  const pixels = header + HEADER_BYTES;
  for (let row = 0; row < SIZE; row++) {
    for (let column = 0; column < SIZE; column++) {
      const isBar = row >= 6 && row <= 9 && column >= 3 && column <= 12;
      const [blue, green, red] = isBar ? BAR : TILE;
      const at = pixels + (row * SIZE + column) * 4;
      file.writeUInt8(blue!, at);
      file.writeUInt8(green!, at + 1);
      file.writeUInt8(red!, at + 2);
      file.writeUInt8(0xff, at + 3);
    }
  }
  return file;
}
