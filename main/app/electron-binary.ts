// Whether the Electron binary is on this machine, found the way the `electron` package finds it but
// without running its index.js: that one downloads the binary when it is missing, and `npm start` or
// a test that only asks must never start a download. `npm start` and the Electron E2E test use it to
// fall back (or skip) with one clear line.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronBinary {
  present: boolean;
  /** The executable, when it is present. */
  path: string | null;
  /** Why it is not present, or where it was found. */
  reason: string;
}

export interface ElectronPackageFacts {
  /** The folder of the installed `electron` package, null when it is not installed. */
  packageDir: string | null;
  env: Record<string, string | undefined>;
  readText: (path: string) => string | null;
  exists: (path: string) => boolean;
}

/** Pure: mirrors node_modules/electron/index.js (path.txt names the executable under dist/). */
export function findElectronBinary({ packageDir, env, readText, exists }: ElectronPackageFacts): ElectronBinary {
  if (packageDir === null) return { present: false, path: null, reason: 'the electron package is not installed' };
  const executable = readText(join(packageDir, 'path.txt'))?.trim() || null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const path = join(override, executable ?? 'electron');
    return exists(path) ? { present: true, path, reason: `found at ${path} (ELECTRON_OVERRIDE_DIST_PATH)` } : { present: false, path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${path}, which does not exist` };
  }
  if (executable === null) return { present: false, path: null, reason: `${join(packageDir, 'path.txt')} is missing: the binary was never downloaded` };
  const path = join(packageDir, 'dist', executable);
  return exists(path) ? { present: true, path, reason: `found at ${path}` } : { present: false, path: null, reason: `${path} does not exist` };
}

/** The same, read from this machine's node_modules and environment. */
export function locateElectronBinary(env: Record<string, string | undefined> = process.env): ElectronBinary {
  return findElectronBinary({ packageDir: electronPackageDir(), env, readText, exists: existsSync });
}

function electronPackageDir(): string | null {
  try {
    // Resolved through its package.json, which names the folder without loading any of its code.
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
