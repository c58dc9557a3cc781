// pdfjs-dist ships its image decoders without type declarations; this declares the part ingest uses.
declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export const VerbosityLevel: { ERRORS: number; WARNINGS: number; INFOS: number };
  export function setVerbosityLevel(level: number): void;
  export class JpegImage {
    constructor(options?: { decodeTransform?: number[] | null; colorTransform?: number });
    width: number;
    height: number;
    numComponents: number;
    parse(data: Uint8Array): void;
    getData(options: { width: number; height: number; forceRGBA?: boolean; forceRGB?: boolean; isSourcePDF?: boolean }): Uint8ClampedArray | Uint8Array;
  }
}
