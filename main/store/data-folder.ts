// Where the app keeps its data: the folder Electron's app.getPath('userData') names for an app called
// form4-reviewer, so the CLI and the desktop app share one store without the CLI loading Electron.
import { dirname, join, parse } from 'node:path';

export const APP_FOLDER_NAME = 'form4-reviewer';
export const DATABASE_FILE_NAME = 'form4.db';

export interface PlatformFacts {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

/** Electron's userData path for this app on the platform. */
export function defaultDataFolder({ platform, env, home }: PlatformFacts): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  const configHome = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, APP_FOLDER_NAME);
}

/** The database a command works on: `--db PATH`, else `FORM4_DB`, else the app's own. */
export function resolveDatabasePath(flag: string | undefined, facts: PlatformFacts): string {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = facts.env.FORM4_DB;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return join(defaultDataFolder(facts), DATABASE_FILE_NAME);
}

/** The folders that belong to one database file: the originals and page images, and its backups. */
export interface StoreLayout {
  databasePath: string;
  /** Copies of imported files and their page images, named by sha256. */
  filesFolder: string;
  backupsFolder: string;
}

export function storeLayout(databasePath: string): StoreLayout {
  const { name } = parse(databasePath);
  const folder = dirname(databasePath);
  return {
    databasePath,
    filesFolder: join(folder, `${name}.files`),
    backupsFolder: join(folder, `${name}.backups`),
  };
}
