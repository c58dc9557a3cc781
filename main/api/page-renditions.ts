// Display copies of the stored page images (display-rendition.ts), made in the background, one at a
// time, in a worker thread: for each filing an import finished, for each filing opened for review,
// and for any page image asked for at display size before its copy exists (that request gets the
// full image meanwhile). A copy that cannot be made is not tried again this session; its page keeps
// being shown from the full image.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { displayRenditionPath } from './display-rendition.js';
import type { RenditionReply, RenditionRequest } from './page-rendition-worker.js';

/**
 * The worker: the bundled script beside the app's bundles (out/workers/), or, run from source (tests
 * and benchmarks under tsx), the TypeScript file through tsx, whose loader a worker does not inherit.
 */
function startWorker(): Worker {
  const bundled = new URL('../workers/page-rendition.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled);
  const source = new URL('./page-rendition-worker.ts', import.meta.url);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`, { eval: true });
}

export class PageRenditions {
  /** Display copies known to exist. */
  private readonly made = new Set<string>();
  /** Full images whose copy failed. */
  private readonly failed = new Set<string>();
  /** Full images waiting for their copy, in order. */
  private readonly waiting = new Set<string>();
  private worker: Worker | null = null;
  private working = false;
  private closed = false;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(private readonly log: (line: string) => void) {}

  /** The display copy of a stored page image (absolute path) when it exists; else null, and it is queued. */
  displayFile(image: string): string | null {
    const display = displayRenditionPath(image);
    if (this.made.has(display)) return display;
    if (existsSync(display)) {
      this.made.add(display);
      return display;
    }
    this.ensure([image]);
    return null;
  }

  /** Queues the display copies of these stored page images (absolute paths) that do not exist yet. */
  ensure(images: readonly string[]): void {
    if (this.closed) return;
    for (const image of images) {
      const display = displayRenditionPath(image);
      if (this.made.has(display) || this.failed.has(image) || this.waiting.has(image)) continue;
      if (existsSync(display)) this.made.add(display);
      else this.waiting.add(image);
    }
    void this.next();
  }

  /** Resolves once nothing is waiting or being made. */
  idle(): Promise<void> {
    if (!this.working && this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.waiting.clear();
    await this.stopWorker();
    this.settle();
  }

  private async next(): Promise<void> {
    if (this.working) return;
    const image = this.closed ? undefined : this.waiting.values().next().value;
    if (image === undefined) {
      // Nothing left: the worker goes, and its memory (a decoded page is megabytes) with it.
      await this.stopWorker();
      this.settle();
      return;
    }
    this.waiting.delete(image);
    this.working = true;
    const display = displayRenditionPath(image);
    const reply = await this.make({ source: image, target: display });
    this.working = false;
    if (reply.ok) this.made.add(display);
    else if (!this.closed) {
      this.failed.add(image);
      this.log(`form4: no display copy of page image ${image} (the full image is shown): ${reply.message}\n`);
    }
    await this.next();
  }

  private make(request: RenditionRequest): Promise<RenditionReply> {
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = this.worker ?? startWorker();
      } catch (error) {
        resolve({ ok: false, message: `the worker could not start: ${error instanceof Error ? error.message : String(error)}` });
        return;
      }
      this.worker = worker;
      const done = (reply: RenditionReply): void => {
        worker.off('message', done);
        worker.off('error', failed);
        worker.off('exit', exited);
        resolve(reply);
      };
      const failed = (error: Error): void => {
        this.worker = null;
        done({ ok: false, message: error.message });
      };
      const exited = (code: number): void => {
        this.worker = null;
        done({ ok: false, message: `the worker stopped (exit code ${code})` });
      };
      worker.on('message', done);
      worker.once('error', failed);
      worker.once('exit', exited);
      worker.postMessage(request);
    });
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private settle(): void {
    if (this.working || this.waiting.size > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
