// Image inputs (PNG, JPEG, TIFF) decoded into grayscale pages. Sizes are read from the headers
// first, so a file that declares a 20000 x 20000 image is refused before any pixel is allocated.
// Every decoder here is pure JavaScript, so a damaged file throws instead of crashing: the native
// decoders of @napi-rs/canvas 0.1.x end the process with SIGSEGV on a corrupt PNG or JPEG (seen
// here on truncated and bit-flipped files). PNG: our own decoder over node:zlib; JPEG: pdf.js's
// decoder (baseline and progressive); TIFF: utif2, which also reads the CCITT G3/G4 fax
// compression scanners use for black-and-white pages.
import { JpegImage, setVerbosityLevel, VerbosityLevel } from 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';
import UTIF from 'utif2';
import { IngestError } from './errors.js';
import { grayFromRgba, type GrayImage } from './gray-image.js';
import { readImageSize, type ImageSize } from './input-format.js';
import { decodePngToGray } from './png-decoder.js';

// A damaged JPEG becomes an IngestError; the decoder's own console warnings would only add noise.
setVerbosityLevel(VerbosityLevel.ERRORS);

export interface ImageSource {
  pageCount: number;
  readPage(number: number): Promise<GrayImage>;
}

export interface ImageLimits {
  maxPixels: number;
  maxPages: number;
}

export function openImage(bytes: Uint8Array, format: 'png' | 'jpeg' | 'tiff', file: string, limits: ImageLimits): ImageSource {
  return format === 'tiff' ? openTiff(bytes, file, limits) : openRasterImage(bytes, format, file, limits);
}

function openRasterImage(bytes: Uint8Array, format: 'png' | 'jpeg', file: string, limits: ImageLimits): ImageSource {
  const size = readImageSize(bytes, format);
  if (!size || size.width < 1 || size.height < 1) throw new IngestError('corrupt', file, `${format.toUpperCase()} header is damaged`);
  checkPixels(size, file, limits, null);
  return {
    pageCount: 1,
    async readPage() {
      try {
        if (format === 'png') return { ...decodePngToGray(bytes), dpi: size.dpi };
        const image = decodeJpeg(bytes);
        if (image.width !== size.width || image.height !== size.height) throw new Error('decoded size differs from the header');
        return grayFromRgba(image.rgba, image.width, image.height, size.dpi);
      } catch (error) {
        throw new IngestError('corrupt', file, `${format.toUpperCase()} could not be decoded (${errorText(error)})`, null, { cause: error });
      }
    },
  };
}

interface DecodedImage {
  width: number;
  height: number;
  rgba: Uint8Array | Uint8ClampedArray;
}

function decodeJpeg(bytes: Uint8Array): DecodedImage {
  const jpeg = new JpegImage();
  jpeg.parse(bytes);
  const rgba = jpeg.getData({ width: jpeg.width, height: jpeg.height, forceRGBA: true });
  if (rgba.length < jpeg.width * jpeg.height * 4) throw new Error('image data is incomplete');
  return { width: jpeg.width, height: jpeg.height, rgba };
}

function openTiff(bytes: Uint8Array, file: string, limits: ImageLimits): ImageSource {
  // utif2 wants an ArrayBuffer of exactly the file.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let pages: UTIF.IFD[];
  try {
    pages = UTIF.decode(buffer).filter((ifd) => tagNumber(ifd, 't256') !== null);
  } catch (error) {
    throw new IngestError('corrupt', file, `TIFF could not be read (${errorText(error)})`, null, { cause: error });
  }
  if (pages.length === 0) throw new IngestError('no-pages', file, 'TIFF has no images');
  if (pages.length > limits.maxPages) {
    throw new IngestError('too-many-pages', file, `TIFF has ${pages.length} pages; the limit is ${limits.maxPages}`);
  }
  pages.forEach((ifd, index) => checkPixels(tiffSize(ifd), file, limits, index + 1));
  return {
    pageCount: pages.length,
    async readPage(number) {
      const ifd = pages[number - 1];
      if (!ifd) throw new IngestError('no-pages', file, `TIFF has no page ${number}`);
      try {
        UTIF.decodeImage(buffer, ifd);
        const rgba = UTIF.toRGBA8(ifd);
        const { width, height, dpi } = tiffSize(ifd);
        if (rgba.length < width * height * 4) throw new Error('image data shorter than its size');
        return grayFromRgba(rgba, width, height, dpi);
      } catch (error) {
        throw new IngestError('corrupt', file, `TIFF image could not be decoded (${errorText(error)})`, number, { cause: error });
      } finally {
        // The decoded pixels hang off the IFD; drop them so pages read one by one stay small.
        ifd.data = new Uint8Array(0);
      }
    },
  };
}

/** Resolution units of TIFF tag 296: 2 is inches, 3 centimetres; 1 (none) gives no DPI. */
function tiffSize(ifd: UTIF.IFD): ImageSize {
  const width = tagNumber(ifd, 't256') ?? 0;
  const height = tagNumber(ifd, 't257') ?? 0;
  const resolution = tagNumber(ifd, 't282');
  const unit = tagNumber(ifd, 't296') ?? 2;
  let dpi: number | null = null;
  if (resolution && resolution > 0 && unit === 2) dpi = Math.round(resolution);
  if (resolution && resolution > 0 && unit === 3) dpi = Math.round(resolution * 2.54);
  return { width, height, dpi };
}

function tagNumber(ifd: UTIF.IFD, tag: string): number | null {
  const value = ifd[tag];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'number' ? first : null;
}

function checkPixels(size: ImageSize, file: string, limits: ImageLimits, page: number | null): void {
  if (size.width < 1 || size.height < 1) throw new IngestError('corrupt', file, 'image has no pixels', page);
  if (size.width * size.height > limits.maxPixels) {
    const megapixels = (size.width * size.height) / 1e6;
    throw new IngestError(
      'too-large',
      file,
      `image is ${size.width} x ${size.height} pixels (${megapixels.toFixed(0)} MP); the limit is ${(limits.maxPixels / 1e6).toFixed(0)} MP — scan at 300 DPI`,
      page,
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
