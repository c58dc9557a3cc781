// `npm start`: builds, then runs the desktop app with Electron, or, where the Electron binary is not
// installed (it is downloaded separately from the npm package, and that can fail), serves the same
// UI and API over loopback with the web transport instead. Arguments after `--` go to either.
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const args = process.argv.slice(2);

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const { locateElectronBinary } = await tsImport('../main/app/electron-binary.ts', import.meta.url);
const electron = locateElectronBinary();

if (electron.present) {
  await ensureElectronSqlite();
  // Set in a shell, ELECTRON_RUN_AS_NODE would make the binary a plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron.path, ['.', ...args], env);
} else {
  console.error(`Electron is not installed on this machine (its binary could not be downloaded; ${electron.reason}); serving the same app over loopback instead: node out/web/form4-web.js ${args.join(' ')}`.trimEnd());
  run(process.execPath, ['out/web/form4-web.js', ...args], process.env);
}

function run(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
}

/**
 * better-sqlite3 in node_modules is built for Node (the CLI, the web transport and the tests load
 * it); Electron's main process needs a build for Electron's ABI. One is made once per Electron and
 * better-sqlite3 version into out/main/node_modules, which only out/main/electron.js resolves
 * before the project's node_modules. A packaged app gets its own from electron-builder instead.
 */
async function ensureElectronSqlite() {
  const require = createRequire(import.meta.url);
  const electronVersion = JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')).version;
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(await readFile(join(sqliteDir, 'package.json'), 'utf8')).version;
  const stampFile = 'out/main/node_modules/.form4-electron-build.json';
  const stamp = JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch });
  if ((await readFile(stampFile, 'utf8').catch(() => null)) === stamp) return;

  console.error(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; needs the network for Electron's headers or a prebuilt binary)...`);
  const staging = 'out/electron-native';
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'node_modules'), { recursive: true });
  await writeFile(join(staging, 'package.json'), JSON.stringify({ name: 'form4-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  // The package without its Node build, and what it loads at run time.
  const nodeBuild = join(sqliteDir, 'build');
  await cp(sqliteDir, join(staging, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (path) => path !== nodeBuild && !path.startsWith(nodeBuild + sep) });
  for (const dependency of ['bindings', 'file-uri-to-path']) {
    await cp(dirname(require.resolve(`${dependency}/package.json`, { paths: [sqliteDir] })), join(staging, 'node_modules', dependency), { recursive: true });
  }
  const { rebuild } = await import('@electron/rebuild');
  try {
    await rebuild({ buildPath: join(process.cwd(), staging), electronVersion, onlyModules: ['better-sqlite3'], force: true, types: ['prod'] });
  } catch (error) {
    console.error(`Could not build better-sqlite3 for Electron ${electronVersion}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  await rm('out/main/node_modules', { recursive: true, force: true });
  await rename(join(staging, 'node_modules'), 'out/main/node_modules');
  await rm(staging, { recursive: true, force: true });
  await writeFile(stampFile, stamp);
}
