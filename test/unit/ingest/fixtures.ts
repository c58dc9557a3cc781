// Inputs the ingest tests make for themselves: pages of text drawn with @napi-rs/canvas and PDFs
// built with pdf-lib, so no binary fixture is committed.
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';

export const SAMPLE_LINES = [
  'Common Stock 05/23/2017 2,000 D $24.69',
  'Statement of Changes in Beneficial Ownership',
  'Name and Address of Reporting Person',
];

export interface DrawOptions {
  width?: number;
  height?: number;
  fontSize?: number;
  /** Clockwise degrees the drawn page is turned by, as a careless scan would. */
  rotate?: number;
}

/** A white page with the lines drawn in black, as PNG bytes. */
export async function textPng(lines: readonly string[], options: DrawOptions = {}): Promise<Uint8Array> {
  const width = options.width ?? 1300;
  const fontSize = options.fontSize ?? 44;
  const height = options.height ?? 120 + lines.length * fontSize * 2;
  const page = createCanvas(width, height);
  const context = page.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.font = `${fontSize}px sans-serif`;
  lines.forEach((line, index) => context.fillText(line, 50, 60 + fontSize + index * fontSize * 2));

  const degrees = options.rotate ?? 0;
  const quarter = Math.abs(degrees % 180) === 90;
  const turned = createCanvas(quarter ? height : width, quarter ? width : height);
  const target = turned.getContext('2d');
  target.fillStyle = '#ffffff';
  target.fillRect(0, 0, turned.width, turned.height);
  target.translate(turned.width / 2, turned.height / 2);
  target.rotate((degrees * Math.PI) / 180);
  target.drawImage(page, -width / 2, -height / 2);
  return new Uint8Array(await turned.encode('png'));
}

/** A Letter page with the lines as real PDF text (a text layer), 12 pt Helvetica from the top. */
export async function textPdf(lines: readonly string[], pages = 1): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index += 1) {
    const page = pdf.addPage([612, 792]);
    lines.forEach((line, row) => page.drawText(line, { x: 72, y: 720 - row * 24, size: 12, font }));
  }
  return pdf.save();
}

/** A Letter page that is only a picture of text, as a scanner makes. */
export async function imagePdf(png: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([612, 792]);
  const width = 540;
  const height = (image.height / image.width) * width;
  page.drawImage(image, { x: 36, y: 792 - 36 - height, width, height });
  return pdf.save();
}

/**
 * A PDF whose trailer names a standard security handler with a user password. pdf-lib cannot
 * encrypt, but readers decide from /Encrypt before reading any content: with /U not matching the
 * empty password they must ask for one.
 */
export async function passwordPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([612, 792]);
  const encrypt = pdf.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44 });
  encrypt.set(PDFName.of('O'), PDFHexString.of('4f'.repeat(32)));
  encrypt.set(PDFName.of('U'), PDFHexString.of('55'.repeat(32)));
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of('11'.repeat(16)), PDFHexString.of('11'.repeat(16))]);
  return pdf.save({ useObjectStreams: false });
}

/** A little-endian TIFF whose one image declares `width` x `height` 8-bit gray pixels but holds none. */
export function tiffDeclaring(width: number, height: number): Uint8Array {
  // tag, type (3 SHORT, 4 LONG), value
  const entries: Array<[number, number, number]> = [
    [256, 4, width],
    [257, 4, height],
    [258, 3, 8],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, 0],
    [277, 3, 1],
    [278, 4, height],
    [279, 4, 0],
  ];
  const bytes = new Uint8Array(8 + 2 + entries.length * 12 + 4);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 0x2a, 0x00]);
  view.setUint32(4, 8, true);
  view.setUint16(8, entries.length, true);
  entries.forEach(([tag, type, value], index) => {
    const offset = 10 + index * 12;
    view.setUint16(offset, tag, true);
    view.setUint16(offset + 2, type, true);
    view.setUint32(offset + 4, 1, true);
    if (type === 3) view.setUint16(offset + 8, value, true);
    else view.setUint32(offset + 8, value, true);
  });
  return bytes;
}
