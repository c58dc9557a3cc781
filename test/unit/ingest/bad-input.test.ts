// Bad scans beyond the basic cases of read-document.test.ts: huge and long inputs are refused before
// any OCR (a pool that counts reads proves it), damaged scanned PDFs and JPEGs fail with one line
// naming the file, and a page that is not a Form 4 says so.
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { after, test } from 'node:test';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { extractFiling, NotAForm4Error } from '../../../main/form4/extract.js';
import { IngestError } from '../../../main/ingest/errors.js';
import type { GrayImage } from '../../../main/ingest/gray-image.js';
import { OcrPool, type OcrReading } from '../../../main/ingest/ocr-pool.js';
import { readDocument, type ReadProgress } from '../../../main/ingest/read-document.js';
import { readSourceDocument } from '../../../main/ingest/source-document.js';
import { imagePdf, textPng } from './fixtures.js';

/** A pool that reads nothing and counts what it was asked to read. */
class CountingPool extends OcrPool {
  reads = 0;
  constructor() {
    super({ size: 1 });
  }
  override read(image: GrayImage): Promise<OcrReading> {
    this.reads += 1;
    return Promise.resolve({ image, rotation: 0, lines: [], meanConfidence: 0, attempts: 0, blocks: [] });
  }
}

const ocr = new OcrPool({ size: 1 });
after(() => ocr.close());

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => assert.fail('expected the read to be refused'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof IngestError, `not an IngestError: ${String(error)}`);
  assert.equal(error.message.includes('\n'), false, 'one line');
  return error;
}

/** A Letter page showing one gray image that declares `side` x `side` pixels (deflated white rows). */
async function pdfWithImage(side: number, rows: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  const data = deflateSync(Buffer.alloc(side * rows, 255));
  const image = pdf.context.register(
    PDFRawStream.of(pdf.context.obj({ Type: 'XObject', Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode', Length: data.length }), data),
  );
  page.node.setXObject(PDFName.of('Im0'), image);
  page.node.set(PDFName.of('Contents'), pdf.context.register(pdf.context.stream('q 612 0 0 792 0 0 cm /Im0 Do Q')));
  return pdf.save();
}

async function jpegOf(width: number, height: number): Promise<Uint8Array> {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  return new Uint8Array(await canvas.encode('jpeg'));
}

test('a 500-page scanned PDF is refused from its page count, before any page is rendered or OCR-read', async () => {
  // One embedded scan drawn on 500 pages: a small file that asks for 500 pages of OCR.
  const pdf = await PDFDocument.create();
  const scan = await pdf.embedPng(await textPng(['Common Stock']));
  for (let page = 0; page < 500; page += 1) pdf.addPage([612, 792]).drawImage(scan, { x: 36, y: 600, width: 540, height: 100 });
  const pool = new CountingPool();
  const progress: ReadProgress[] = [];
  const error = await refusal(readDocument({ name: 'scans-2019.pdf', bytes: await pdf.save() }, { pool, onProgress: (event) => progress.push(event) }));
  assert.equal(error.code, 'too-many-pages');
  assert.match(error.message, /^scans-2019\.pdf: has 500 pages; the limit is \d+/);
  assert.equal(pool.reads, 0);
  assert.deepEqual(progress, []);
});

test('a PDF page holding a 20000 x 20000 scan is refused by the pixel limit, naming file and page', async () => {
  const pool = new CountingPool();
  const error = await refusal(readDocument({ name: 'poster-scan.pdf', bytes: await pdfWithImage(20000, 50) }, { pool }));
  assert.equal(error.code, 'too-large');
  assert.equal(error.page, 1);
  assert.match(error.message, /^poster-scan\.pdf page 1: the page's scanned image is 20000 x 20000 pixels \(400 MP\); the limit is 40 MP/);
  assert.equal(pool.reads, 0);
});

test('a scan under the limit on a PDF page is still read, and a blank page is not mistaken for an oversized one', async () => {
  const pool = new CountingPool();
  const result = await readDocument({ name: 'blank.pdf', bytes: await pdfWithImage(1000, 1000) }, { pool });
  assert.equal(result.document.pages.length, 1);
  assert.equal(pool.reads, 1);
});

test('a JPEG declaring 20000 x 20000 pixels is refused from its header', async () => {
  const jpeg = await jpegOf(64, 48);
  // The SOF0 segment holds height then width (big-endian) 5 bytes after its marker.
  const start = jpeg.findIndex((byte, index) => byte === 0xff && jpeg[index + 1] === 0xc0);
  assert.ok(start > 0, 'baseline JPEG');
  const view = new DataView(jpeg.buffer, jpeg.byteOffset);
  view.setUint16(start + 5, 20000);
  view.setUint16(start + 7, 20000);
  const pool = new CountingPool();
  const error = await refusal(readDocument({ name: 'huge.jpg', bytes: jpeg }, { pool }));
  assert.equal(error.code, 'too-large');
  assert.match(error.message, /^huge\.jpg: image is 20000 x 20000 pixels \(400 MP\)/);
  assert.equal(pool.reads, 0);
});

test('damaged scanned PDFs and JPEGs fail with a line naming the file', async () => {
  const pdf = await imagePdf(await textPng(['Common Stock']));
  const jpeg = await jpegOf(640, 480);
  const cases: Array<[string, Uint8Array, string]> = [
    ['cut-in-half.pdf', pdf.subarray(0, Math.floor(pdf.length / 2)), 'corrupt'],
    ['cut-at-end.pdf', pdf.subarray(0, pdf.length - 30), 'corrupt'],
    ['header-only.jpg', jpeg.subarray(0, 30), 'corrupt'],
    ['zeros.pdf', new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n'), ...new Uint8Array(4096)]), 'corrupt'],
  ];
  for (const [name, bytes, code] of cases) {
    const pool = new CountingPool();
    const error = await refusal(readDocument({ name, bytes }, { pool }));
    assert.equal(error.code, code, `${name}: ${error.message}`);
    assert.ok(error.message.startsWith(`${name}: `), error.message);
    assert.equal(pool.reads, 0);
  }
});

test('an image of something else is read, then refused as not a Form 4', async () => {
  const letter = await textPng(['Dear shareholder,', 'Our year in review was a good one.', 'With best regards, the board'], { width: 1600 });
  const source = await readSourceDocument({ name: 'letter.png', bytes: letter }, { pool: ocr });
  assert.ok(source.document.pages[0]!.lines.length >= 2, 'the letter was read');
  assert.throws(() => extractFiling(source.document), (error: unknown) => error instanceof NotAForm4Error && /^not a Form 4/.test(error.message));
});
