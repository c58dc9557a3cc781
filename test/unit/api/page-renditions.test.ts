// Display copies of page images: half the pixels, the same page (a box in the 300 DPI page's pixels
// covers the same words on the copy once scaled by the copy's size), made in a worker in the
// background, served at display size once made (the full image until then), never tried twice when
// the image is not a PNG.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import type { Box } from '../../../shared/document.js';
import { displayRendition, displayRenditionPath } from '../../../main/api/display-rendition.js';
import { PageRenditions } from '../../../main/api/page-renditions.js';
import { grayToPng, type GrayImage } from '../../../main/ingest/gray-image.js';
import { startWebServer, type WebServer } from '../../../main/web/web-server.js';
import { openTestApi, textExtract, type TestApi } from './api-fixture.js';

/** A white page of 300 DPI-like pixels with a black "word" in `word`. */
function page(width: number, height: number, word: Box): GrayImage {
  const data = new Uint8Array(width * height).fill(255);
  for (let y = word.y; y < word.y + word.height; y += 1) data.fill(0, y * width + word.x, y * width + word.x + word.width);
  return { width, height, data, dpi: 300 };
}

const WORD: Box = { x: 120, y: 60, width: 80, height: 24 };
const PAGE = page(400, 300, WORD);

/** Mean gray (0-255) of a box of an encoded image, the box given in the full page's pixels. */
async function meanInPageBox(image: Uint8Array, pageSize: { width: number; height: number }, box: Box): Promise<{ width: number; height: number; mean: number }> {
  const decoded = await loadImage(Buffer.from(image));
  const canvas = createCanvas(decoded.width, decoded.height);
  const context = canvas.getContext('2d');
  context.drawImage(decoded, 0, 0);
  const sx = decoded.width / pageSize.width;
  const sy = decoded.height / pageSize.height;
  const region = context.getImageData(Math.round(box.x * sx), Math.round(box.y * sy), Math.round(box.width * sx), Math.round(box.height * sy));
  let sum = 0;
  for (let offset = 0; offset < region.data.length; offset += 4) sum += region.data[offset] ?? 0;
  return { width: decoded.width, height: decoded.height, mean: sum / (region.data.length / 4) };
}

/** Resolves when `file` exists (it is renamed into place when complete). */
function fileAppears(file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  return new Promise((resolve) => {
    const watcher = watch(dirname(file), () => {
      if (!existsSync(file)) return;
      watcher.close();
      resolve();
    });
    if (existsSync(file)) {
      watcher.close();
      resolve();
    }
  });
}

describe('the display copy of a page image', () => {
  test('has half the pixels, and a box in the page pixels still covers the same word on it', async () => {
    const png = await grayToPng(PAGE);
    const jpeg = await displayRendition(png);
    assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG');
    const word = await meanInPageBox(jpeg, PAGE, { x: WORD.x + 4, y: WORD.y + 4, width: WORD.width - 8, height: WORD.height - 8 });
    assert.deepEqual([word.width, word.height], [PAGE.width / 2, PAGE.height / 2]);
    assert.ok(word.mean < 40, `the word is dark on the copy (${word.mean})`);
    const beside = await meanInPageBox(jpeg, PAGE, { x: WORD.x + WORD.width + 10, y: WORD.y, width: 40, height: WORD.height });
    assert.ok(beside.mean > 215, `the paper beside it is light (${beside.mean})`);
    assert.ok(jpeg.length < png.length * 4, 'and it is small');
  });

  test('goes beside the page image', () => {
    assert.equal(displayRenditionPath('/data/form4.files/pages/ab12/1.png'), '/data/form4.files/pages/ab12/1.display.jpg');
  });
});

describe('PageRenditions', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'form4-renditions-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('makes the copies in the background and hands them out once made; a bad image is tried once', async () => {
    const good = join(dir, '1.png');
    const bad = join(dir, '2.png');
    writeFileSync(good, await grayToPng(PAGE));
    writeFileSync(bad, 'not a png');
    const logged: string[] = [];
    const renditions = new PageRenditions((line) => logged.push(line));
    try {
      assert.equal(renditions.displayFile(good), null, 'not made yet: the caller shows the full image');
      renditions.ensure([good, bad, good]);
      await renditions.idle();
      assert.equal(renditions.displayFile(good), displayRenditionPath(good));
      assert.deepEqual([...readFileSync(displayRenditionPath(good)).subarray(0, 2)], [0xff, 0xd8]);
      assert.equal(renditions.displayFile(bad), null);
      renditions.ensure([bad]);
      await renditions.idle();
      assert.equal(logged.length, 1, logged.join(''));
      assert.match(logged[0] ?? '', new RegExp(`${basename(bad)}.*full image is shown`));
      assert.equal(existsSync(displayRenditionPath(bad)), false);
    } finally {
      await renditions.close();
    }
  });
});

describe('page images over the web transport', () => {
  let t: TestApi;
  let server: WebServer;
  let id: number;
  let png: Uint8Array;

  before(async () => {
    png = await grayToPng(PAGE);
    t = openTestApi({ extract: async (source, options) => ({ ...(await textExtract(source, options)), pageImages: [{ page: 1, extension: 'png', bytes: png }] }) });
    server = await startWebServer({ api: t.api, staticDir: join(t.dir, 'static') });
    [id] = (await t.importSeeds()) as [number];
  });
  after(async () => {
    await server.close();
    await t.cleanup();
  });

  const get = async (path: string): Promise<{ status: number; type: string | null; body: Uint8Array }> => {
    const response = await fetch(`${server.url}${path.slice(1)}?token=${server.token}`);
    return { status: response.status, type: response.headers.get('content-type'), body: new Uint8Array(await response.arrayBuffer()) };
  };

  test('the display size is the JPEG copy once made (the full PNG until then), the full size the PNG', async () => {
    const full = t.api.pageImageFile(id, 1, 'full');
    assert.ok(full !== null);
    const early = await get(`/pages/${id}/1/display`);
    assert.equal(early.status, 200);
    assert.ok(early.type === 'image/png' || early.type === 'image/jpeg', String(early.type));
    await fileAppears(displayRenditionPath(full));
    const display = await get(`/pages/${id}/1/display`);
    assert.equal(display.type, 'image/jpeg');
    assert.deepEqual(display.body, new Uint8Array(readFileSync(displayRenditionPath(full))));
    const original = await get(`/pages/${id}/1`);
    assert.equal(original.type, 'image/png');
    assert.deepEqual(original.body, png);
    assert.equal((await get(`/pages/${id}/1/full`)).status, 404);
    assert.equal((await get(`/pages/${id}/2/display`)).status, 404);
  });
});
