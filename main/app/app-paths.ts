// Where the desktop app finds its parts and keeps its data. Pure: the composition root passes in what
// Electron and the environment say.
import { join } from 'node:path';
import { APP_FOLDER_NAME, DATABASE_FILE_NAME } from '../store/data-folder.js';
import { WINDOW_STATE_FILE_NAME } from './window-state-file.js';

export interface AppPathFacts {
  /** app.getPath('appData'): the per-user folder applications keep their data in. */
  appData: string;
  /** The value of `--user-data-dir`, when the app was started with one (tests give each run its own). */
  userDataSwitch: string | null;
  env: Record<string, string | undefined>;
  /** The folder the bundles were built into (out/, inside app.asar once packaged). */
  outDir: string;
}

export interface AppPaths {
  /** Electron's userData: its own profile, the window state, and (by default) the database. */
  userData: string;
  databasePath: string;
  windowStateFile: string;
  /** The renderer's build, served as app://ui/. */
  uiRoot: string;
  preload: string;
}

export function appPaths({ appData, userDataSwitch, env, outDir }: AppPathFacts): AppPaths {
  // Named by the package name, not the product name a packaged app would default to, so the desktop
  // app and the `form4` command (main/store/data-folder.ts) open the same store.
  const userData = userDataSwitch !== null && userDataSwitch !== '' ? userDataSwitch : join(appData, APP_FOLDER_NAME);
  const fromEnv = env.FORM4_DB;
  return {
    userData,
    databasePath: fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(userData, DATABASE_FILE_NAME),
    windowStateFile: join(userData, WINDOW_STATE_FILE_NAME),
    uiRoot: join(outDir, 'renderer'),
    preload: join(outDir, 'preload', 'preload.cjs'),
  };
}
