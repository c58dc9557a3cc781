import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import UTIF from 'utif2';
import { createCanvas } from '@napi-rs/canvas';
import { documentSchema } from '../../../shared/document.js';
import { IngestError } from '../../../main/ingest/errors.js';
import { OcrPool } from '../../../main/ingest/ocr-pool.js';
import { readDocument, type PageImage, type ReadProgress } from '../../../main/ingest/read-document.js';
import { imagePdf, passwordPdf, SAMPLE_LINES, textPdf, textPng, tiffDeclaring } from './fixtures.js';

const pool = new OcrPool({ size: 2 });
after(() => pool.close());

const FIRST_LINE = SAMPLE_LINES[0]?.split(' ') ?? [];

function lineTexts(result: Awaited<ReturnType<typeof readDocument>>, page = 0): string[] {
  return result.document.pages[page]?.lines.map((line) => line.words.map((word) => word.text).join(' ')) ?? [];
}

test('OCR reads the words of a drawn page, each with a box and a confidence', async () => {
  const png = await textPng(SAMPLE_LINES);
  const images: PageImage[] = [];
  const result = await readDocument({ name: 'drawn.png', bytes: png }, { pool, onPageImage: (image) => void images.push(image) });

  assert.equal(documentSchema.safeParse(result.document).success, true);
  assert.equal(result.document.origin, 'ocr');
  assert.deepEqual(lineTexts(result), SAMPLE_LINES);
  const page = result.document.pages[0];
  const words = page?.lines[0]?.words ?? [];
  assert.deepEqual(words.map((word) => word.text), FIRST_LINE);
  for (const word of words) {
    assert.ok(word.confidence > 60, `${word.text} read with confidence ${word.confidence}`);
    assert.ok(word.box && word.box.width > 10 && word.box.height > 20 && word.box.height < 60);
  }
  // "Common" was drawn at x = 50 with its baseline at y = 104 in a 44 px font.
  const common = words[0]?.box;
  assert.ok(common && Math.abs(common.x - 50) < 8 && common.y > 60 && common.y + common.height <= 110);
  assert.ok(words.every((word, index) => index === 0 || (word.box?.x ?? 0) > (words[index - 1]?.box?.x ?? 0)));

  assert.equal(images.length, 1);
  assert.equal(images[0]?.image.width, page?.width);
  assert.equal(images[0]?.image.height, page?.height);
  assert.deepEqual([...(await images[0]!.png()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
});

test('a PDF with a text layer is read from it, without OCR, with positions at the DPI', async () => {
  const before = pool.stats.pagesRead;
  const progress: ReadProgress[] = [];
  const result = await readDocument({ name: 'text.pdf', bytes: await textPdf(SAMPLE_LINES, 2) }, { pool, dpi: 150, onProgress: (event) => progress.push(event) });

  assert.equal(pool.stats.pagesRead, before);
  assert.equal(result.document.origin, 'pdf-text');
  assert.deepEqual(lineTexts(result, 1), SAMPLE_LINES);
  const page = result.document.pages[0];
  assert.equal(page?.width, 612 * (150 / 72));
  const common = page?.lines[0]?.words[0];
  assert.equal(common?.confidence, 100);
  // Drawn at x = 72 pt, baseline 72 pt from the top: 150 px at 150 DPI.
  assert.equal(common?.box?.x, 150);
  assert.ok(common?.box && common.box.y < 150 && common.box.y + common.box.height > 150);
  assert.deepEqual(result.pages.map((info) => info.source), ['pdf-text', 'pdf-text']);
  assert.deepEqual(
    progress.map((event) => `${event.page}/${event.pages} ${event.phase}`).sort(),
    ['1/2 done', '1/2 text-layer', '2/2 done', '2/2 text-layer'],
  );
});

test('an image-only PDF is rasterized and OCR-read', async () => {
  const result = await readDocument({ name: 'scan.pdf', bytes: await imagePdf(await textPng(SAMPLE_LINES)) }, { pool });
  assert.equal(result.document.origin, 'ocr');
  assert.deepEqual(lineTexts(result), SAMPLE_LINES);
  assert.equal(result.pages[0]?.dpi, 300);
  assert.equal(result.document.pages[0]?.width, 2550);
});

test('pages scanned upside down or sideways are turned upright', async () => {
  for (const turn of [180, 90]) {
    const images: PageImage[] = [];
    const result = await readDocument(
      { name: `turned-${turn}.png`, bytes: await textPng(SAMPLE_LINES, { rotate: turn }) },
      { pool, onPageImage: (image) => void images.push(image) },
    );
    assert.deepEqual(lineTexts(result), SAMPLE_LINES, `turned ${turn}`);
    assert.equal((result.pages[0]!.rotation + turn) % 360, 0);
    // The kept image is the upright one: landscape like the drawn page.
    assert.ok(images[0]!.image.width > images[0]!.image.height);
  }
});

test('a slight skew (1.5°) is taken out before the page is read, and the page shown is the straight one', async () => {
  const images: PageImage[] = [];
  const result = await readDocument({ name: 'skewed.png', bytes: await textPng(SAMPLE_LINES, { rotate: 1.5 }) }, { pool, onPageImage: (image) => void images.push(image) });
  assert.deepEqual(lineTexts(result), SAMPLE_LINES);
  assert.equal(result.pages[0]?.rotation, 0);
  assert.ok(Math.abs(result.pages[0]!.skew - 1.5) <= 0.1, `skew ${result.pages[0]!.skew}`);
  // Straight words: the first and last word of the long first line stand at the same height.
  const words = result.document.pages[0]!.lines[0]!.words;
  assert.ok(Math.abs(words[0]!.box!.y - words.at(-1)!.box!.y) <= 3, `${words[0]!.box!.y} against ${words.at(-1)!.box!.y}`);
  assert.equal(images[0]!.image.width, result.document.pages[0]!.width);
});

test('a TIFF is decoded and read', async () => {
  const png = await textPng(SAMPLE_LINES.slice(0, 1));
  const canvas = createCanvas(1, 1);
  const image = await (await import('@napi-rs/canvas')).loadImage(Buffer.from(png));
  canvas.width = image.width;
  canvas.height = image.height;
  canvas.getContext('2d').drawImage(image, 0, 0);
  const rgba = canvas.getContext('2d').getImageData(0, 0, image.width, image.height).data;
  const tiff = new Uint8Array(UTIF.encodeImage(new Uint8Array(rgba.buffer), image.width, image.height));
  const result = await readDocument({ name: 'scan.tif', bytes: tiff }, { pool });
  assert.deepEqual(lineTexts(result), SAMPLE_LINES.slice(0, 1));
});

async function ingestError(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    (result) => assert.fail(`expected the read to fail, got ${JSON.stringify(result).slice(0, 300)}`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof IngestError, `not an IngestError: ${String(error)}`);
  assert.equal(error.message.includes('\n'), false);
  return error;
}

test('bad inputs give one clear line naming the file', async () => {
  const pdf = await textPdf(SAMPLE_LINES);
  const noPages = await (await PDFDocument.create()).save({ addDefaultPage: false });
  const png = await textPng(['x']);
  const hugePng = png.slice();
  new DataView(hugePng.buffer).setUint32(16, 20000);
  new DataView(hugePng.buffer).setUint32(20, 20000);
  const brokenPng = new Uint8Array([...png.subarray(0, 33), ...new Uint8Array(200).fill(7)]);
  const hugeTiff = tiffDeclaring(20000, 20000);

  const cases: Array<[string, Uint8Array, string, RegExp]> = [
    ['locked.pdf', await passwordPdf(), 'encrypted', /^locked\.pdf: PDF is password protected/],
    ['garbage.pdf', new TextEncoder().encode(`%PDF-1.7\n${'\u0001garbage '.repeat(500)}`), 'corrupt', /^garbage\.pdf: /],
    ['truncated.pdf', pdf.subarray(0, 200), 'corrupt', /^truncated\.pdf: /],
    ['empty.pdf', new Uint8Array(0), 'empty', /^empty\.pdf: file is empty/],
    ['none.pdf', noPages, 'no-pages', /^none\.pdf: PDF has no readable pages$/],
    ['notes.txt', new TextEncoder().encode('Reporting person: J. Smith'), 'unsupported-format', /^notes\.txt: not a PDF, PNG, JPEG or TIFF file$/],
    ['huge.png', hugePng, 'too-large', /^huge\.png: image is 20000 x 20000 pixels \(400 MP\); the limit is 40 MP/],
    ['huge.tif', hugeTiff, 'too-large', /^huge\.tif page 1: image is 20000 x 20000 pixels/],
    ['broken.png', brokenPng, 'corrupt', /^broken\.png: PNG could not be decoded/],
  ];
  for (const [name, bytes, code, message] of cases) {
    const error = await ingestError(readDocument({ name, bytes }, { pool }));
    assert.equal(error.code, code, `${name}: ${error.message}`);
    assert.match(error.message, message);
    assert.equal(error.file, name);
  }
  const missing = await ingestError(readDocument({ name: 'gone.pdf', path: '/nonexistent/gone.pdf' }, { pool }));
  assert.equal(missing.message, 'gone.pdf: file could not be read (ENOENT)');
});

test('a file over the page limit is refused before any page is read', async () => {
  const progress: ReadProgress[] = [];
  const error = await ingestError(readDocument({ name: 'book.pdf', bytes: await textPdf(['x'], 500) }, { pool, onProgress: (event) => progress.push(event) }));
  assert.equal(error.code, 'too-many-pages');
  assert.match(error.message, /^book\.pdf: has 500 pages; the limit is 200/);
  assert.deepEqual(progress, []);
});

test('a page too large for the DPI is read at a lower DPI, with a warning', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([14400, 14400]);
  SAMPLE_LINES.forEach((line, row) => page.drawText(line, { x: 72, y: 14000 - row * 24, size: 12, font }));
  const result = await readDocument({ name: 'poster.pdf', bytes: await pdf.save() }, { pool, maxPixels: 40_000_000 });
  const read = result.document.pages[0]!;
  assert.ok(read.width * read.height <= 40_000_000);
  assert.ok(read.width > 6000);
  assert.match(result.warnings[0] ?? '', /^poster\.pdf page 1: page is too large for 300 DPI; read at 31 DPI/);
  assert.deepEqual(lineTexts(result), SAMPLE_LINES);
});

test('cancelling a read rejects it with an AbortError, and the OCR reads no page after the cancel', async () => {
  const png = await textPng(SAMPLE_LINES);
  const pdf = await PDFDocument.load(await imagePdf(png));
  const [copy] = await pdf.copyPages(pdf, [0]);
  pdf.addPage(copy);
  pdf.addPage((await pdf.copyPages(pdf, [0]))[0]);
  const controller = new AbortController();
  const before = pool.stats.pagesRead;
  const progress: ReadProgress[] = [];
  // Cancelled as the first page goes to the OCR: it and the two pages behind it must never be read.
  const onProgress = (event: ReadProgress) => {
    progress.push(event);
    if (event.phase === 'ocr') controller.abort();
  };
  await assert.rejects(readDocument({ name: 'three.pdf', bytes: await pdf.save() }, { pool, signal: controller.signal, onProgress }), { name: 'AbortError' });
  assert.equal(pool.stats.pagesRead, before, 'no page was recognized');
  assert.equal(progress.filter((event) => event.phase === 'ocr').length, 1, 'no page after the cancel went to the OCR');
  assert.equal(progress.filter((event) => event.phase === 'done').length, 0);
  // The pool recovers: the next read works.
  const again = await readDocument({ name: 'again.png', bytes: png }, { pool });
  assert.deepEqual(lineTexts(again), SAMPLE_LINES);
  assert.equal(pool.stats.pagesRead, before + 1);
});

test('the reader\'s second look: cells of OCR\'d pages read again from the page made anew, text-layer pages left alone', async () => {
  // An upside-down, skewed scan: the cell is named in the straightened upright page's pixels, where
  // the first reading put its words, so the page made anew is straightened and turned the same way.
  const scanned = await imagePdf(await textPng(SAMPLE_LINES.slice(0, 1), { rotate: 181.5, width: 2400, fontSize: 80 }));
  const asked: Array<{ page: number; answer: string | null }> = [];
  const result = await readDocument({ name: 'turned.pdf', bytes: scanned }, {
    pool,
    secondLook: (document) => {
      const word = document.pages[0]!.lines[0]!.words.find((w) => w.text === 'D')!;
      const box = { x: word.box!.x - 4, y: word.box!.y - 4, width: word.box!.width + 8, height: word.box!.height + 8 };
      return {
        cells: [{ page: 1, box, alphabet: 'DI' }],
        apply: (answers) => {
          asked.push({ page: 1, answer: answers[0]?.text ?? null });
          return { ...document, pages: [] };
        },
      };
    },
  });
  assert.deepEqual(asked, [{ page: 1, answer: 'D' }]);
  assert.deepEqual(result.document.pages, [], 'the document the answers made is the one returned');

  let textLayerCells = -1;
  await readDocument({ name: 'text.pdf', bytes: await textPdf(SAMPLE_LINES) }, {
    pool,
    secondLook: (document) => ({
      cells: [{ page: 1, box: { x: 0, y: 0, width: 100, height: 100 }, alphabet: 'DI' }],
      apply: (answers) => {
        textLayerCells = answers.filter((a) => a !== null).length;
        return document;
      },
    }),
  });
  assert.equal(textLayerCells, 0);
});
