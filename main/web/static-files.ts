// The renderer's built files (index.html, scripts, styles) from one folder. Each path segment is
// decoded on its own and refused if it could climb out ('..', a slash or backslash inside it, NUL),
// and the file found must still lie inside the folder once links are followed.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { reallyInside } from '../api/folders.js';
import { contentTypeFor, urlPathSegments } from '../api/served-files.js';

/** The file under `folder` a raw URL path names, or null when the path is not one we serve. */
export function staticFilePath(folder: string, rawPath: string): string | null {
  const segments = urlPathSegments(rawPath);
  if (segments === null) return null;
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
    'Content-Type': contentTypeFor(file),
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
