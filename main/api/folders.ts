// Where the API may write and read: inside the data folder, or a folder a person picked in a native
// dialog. Paths are compared after following symbolic links, so a link inside the data folder that
// points out of it does not count as inside.
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Whether `candidate` is `folder` or lies under it, both taken as they are (no links followed). */
export function liesInside(folder: string, candidate: string): boolean {
  const path = relative(folder, candidate);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/** The real path of `path`, following links through the part that exists (the rest may be made later). */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch (error) {
    const parent = dirname(absolute);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === absolute) throw error;
    return join(realPathOf(parent), basename(absolute));
  }
}

/** Whether `candidate`, links followed, lies inside `folder`, links followed. */
export function reallyInside(folder: string, candidate: string): boolean {
  try {
    return liesInside(realPathOf(folder), realPathOf(candidate));
  } catch {
    return false;
  }
}
