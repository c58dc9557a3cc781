// The renderer's built files (index.html, scripts, styles) from one folder. Each path segment is
// decoded on its own and refused if it could climb out ('..', a slash or backslash inside it, NUL),
// and the file found must still lie inside the folder once links are followed.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { reallyInside } from '../api/folders.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The file under `folder` a raw URL path names, or null when the path is not one we serve. */
export function staticFilePath(folder: string, rawPath: string): string | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[\\/\0]/.test(segment) || /^[a-zA-Z]:/.test(segment)) return null;
    segments.push(segment);
  }
  return join(folder, ...(segments.length === 0 ? ['index.html'] : segments));
}

/** Sends the file, or false when there is none to send (the caller answers 404). */
export async function sendStaticFile(folder: string, file: string, response: ServerResponse, headOnly: boolean): Promise<boolean> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    size = info.size;
  } catch {
    return false;
  }
  if (!reallyInside(folder, file)) return false;
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-cache',
  });
  if (headOnly) {
    response.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.once('error', () => {
      response.destroy();
      resolve();
    });
    stream.once('end', resolve);
    stream.pipe(response);
  });
  return true;
}
