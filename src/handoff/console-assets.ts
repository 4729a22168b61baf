import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DomainError } from '../common/domain-error';
import { FAVICON_LINK } from '../common/favicon';

/** The console bundle is missing: the server was started without `npm run build:apps`. */
export class ConsoleNotBuiltError extends DomainError {
  constructor() {
    super('CONSOLE_NOT_BUILT', 'the agent console is not built; run `npm run build:apps`', 503);
  }
}

/** The repository root, found from this file whether it runs from src/ or dist/src/. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'apps'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

export const CONSOLE_DIST = join(repoRoot(), 'apps', 'console', 'dist');

export function readConsoleAsset(name: 'console.js' | 'console.css'): string {
  const path = join(CONSOLE_DIST, name);
  if (!existsSync(path)) throw new ConsoleNotBuiltError();
  return readFileSync(path, 'utf8');
}

export const CONSOLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Concierge — agent console</title>
${FAVICON_LINK}
<link rel="stylesheet" href="/console/console.css">
</head>
<body>
<div id="app"></div>
<script src="/console/console.js"></script>
</body>
</html>`;
