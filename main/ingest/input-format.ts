// What an input is, told by its first bytes (never by its name), and an image's size read from its
// header so that an oversized image is refused before a decoder allocates its pixels.

export type InputFormat = 'pdf' | 'png' | 'jpeg' | 'tiff';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** PDF readers accept junk before `%PDF-` within the first KiB, and so do scanners' PDFs. */
const PDF_HEADER_WINDOW = 1024;

export function detectFormat(bytes: Uint8Array): InputFormat | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (indexOfAscii(bytes, '%PDF-', PDF_HEADER_WINDOW) >= 0) return 'pdf';
  return null;
}

export interface ImageSize {
  width: number;
  height: number;
  /** Pixels per inch the file declares (PNG pHYs, JPEG JFIF), null when it declares none. */
  dpi: number | null;
}

/** The pixel size a PNG or JPEG declares, or null when the header cannot be read. */
export function readImageSize(bytes: Uint8Array, format: 'png' | 'jpeg'): ImageSize | null {
  return format === 'png' ? pngSize(bytes) : jpegSize(bytes);
}

function pngSize(bytes: Uint8Array): ImageSize | null {
  // The IHDR chunk is always first: length(4) type(4) width(4) height(4) after the 8-byte signature.
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20), dpi: pngDpi(bytes, view) };
}

const INCHES_PER_METRE = 39.3701;

/** pHYs comes before the image data; unit 1 is pixels per metre (0 is an aspect ratio only). */
function pngDpi(bytes: Uint8Array, view: DataView): number | null {
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = ascii(bytes, offset + 4, 4);
    if (type === 'IDAT' || type === 'IEND') return null;
    if (type === 'pHYs' && length >= 9 && offset + 17 <= bytes.length) {
      const perMetre = view.getUint32(offset + 8);
      return bytes[offset + 16] === 1 && perMetre > 0 ? Math.round(perMetre / INCHES_PER_METRE) : null;
    }
    offset += 12 + length;
  }
  return null;
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); C4, C8 and CC are not frames. */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(bytes: Uint8Array): ImageSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let dpi: number | null = null;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes and markers without a length (RSTn, TEM) stand alone.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (marker === 0xe0 && offset + 16 <= bytes.length && ascii(bytes, offset + 4, 5) === 'JFIF\0') {
      // Density unit 1 is dots per inch, 2 dots per centimetre, 0 an aspect ratio only.
      const unit = bytes[offset + 11];
      const density = view.getUint16(offset + 12);
      if (density > 0 && unit === 1) dpi = density;
      if (density > 0 && unit === 2) dpi = Math.round(density * 2.54);
    }
    if (JPEG_SOF.has(marker)) {
      if (offset + 9 > bytes.length) return null;
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7), dpi };
    }
    offset += 2 + length;
  }
  return null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function indexOfAscii(bytes: Uint8Array, needle: string, within: number): number {
  const end = Math.min(bytes.length, within) - needle.length;
  for (let index = 0; index <= end; index += 1) {
    if (ascii(bytes, index, needle.length) === needle) return index;
  }
  return -1;
}
