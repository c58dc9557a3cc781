// The worker thread that makes display copies of page images (page-renditions.ts): decoding a
// 300 DPI PNG takes a few hundred milliseconds of JavaScript, which would stall every call the main
// process answers meanwhile. One request at a time: { source, target } in, { ok } or { ok, message } out.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { writeFileDurably } from '../store/file-store.js';
import { displayRendition } from './display-rendition.js';

export interface RenditionRequest {
  source: string;
  target: string;
}

export type RenditionReply = { ok: true } | { ok: false; message: string };

parentPort?.on('message', (request: RenditionRequest) => {
  void (async (): Promise<RenditionReply> => {
    try {
      await writeFileDurably(request.target, await displayRendition(await readFile(request.source)));
      return { ok: true };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  })().then((reply) => parentPort?.postMessage(reply));
});
