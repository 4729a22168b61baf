/**
 * Builds the storefront widget into apps/widget/dist/widget.js (one minified IIFE) after a type
 * check. Run by `npm run build:apps` (part of `npm run build` / `npm start`) and by the browser tests.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

export const WIDGET_DIR = __dirname;
export const WIDGET_BUNDLE = join(__dirname, 'dist', 'widget.js');

/** `typecheck: false` skips tsc (the browser tests only need the bundle; lint checks types). */
export async function buildWidget(options: { typecheck?: boolean } = {}): Promise<string> {
  if (options.typecheck !== false)
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', join(WIDGET_DIR, 'tsconfig.json')],
      {
        stdio: 'inherit',
      },
    );
  await build({
    entryPoints: [join(WIDGET_DIR, 'src', 'index.ts')],
    outfile: WIDGET_BUNDLE,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return WIDGET_BUNDLE;
}

if (require.main === module) {
  buildWidget().then(
    (file) => process.stdout.write(`widget built: ${file}\n`),
    (error: Error) => {
      process.stderr.write(`widget build failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
