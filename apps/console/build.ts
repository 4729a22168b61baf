/**
 * Builds the agent console into apps/console/dist/ (console.js: one minified IIFE with the
 * socket.io client; console.css) after a type check. Run by `npm run build:apps` and by the
 * console browser test. The platform serves both under /console.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const CONSOLE_DIR = __dirname;

export async function buildConsole(): Promise<string> {
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', join(CONSOLE_DIR, 'tsconfig.json')],
    { stdio: 'inherit' },
  );
  const dist = join(CONSOLE_DIR, 'dist');
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: [join(CONSOLE_DIR, 'src', 'index.ts')],
    outfile: join(dist, 'console.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(join(CONSOLE_DIR, 'src', 'console.css'), join(dist, 'console.css'));
  return dist;
}

if (require.main === module) {
  buildConsole().then(
    (dir) => process.stdout.write(`console built: ${dir}\n`),
    (error: Error) => {
      process.stderr.write(`console build failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
