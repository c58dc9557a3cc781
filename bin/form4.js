#!/usr/bin/env node
// The `form4` command: the bundled CLI that `npm install` builds (the package's prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/form4.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('form4: the CLI is not built yet; run `npm run build` in the project folder\n');
  process.exit(2);
}
await import(bundle);
