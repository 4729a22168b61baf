import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DomainError } from '../common/domain-error';

/** The widget bundle is missing: the server was started without `npm run build:apps`. */
export class WidgetNotBuiltError extends DomainError {
  constructor() {
    super('WIDGET_NOT_BUILT', 'the chat widget is not built; run `npm run build:apps`', 503);
  }
}

export interface WidgetBundle {
  body: Buffer;
  etag: string;
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

export const WIDGET_BUNDLE_PATH = join(repoRoot(), 'apps', 'widget', 'dist', 'widget.js');

/**
 * Reads the built widget and fills in the server-side settings it needs before its first paint
 * (theme colour, header title), so the loader makes no extra request before showing the launcher.
 */
export function loadWidgetBundle(
  settings: { themeColor: string; title?: string },
  path = WIDGET_BUNDLE_PATH,
): WidgetBundle {
  if (!existsSync(path)) throw new WidgetNotBuiltError();
  const source = readFileSync(path, 'utf8');
  const body = Buffer.from(
    source.replace('"__CONCIERGE_SERVER_CONFIG__"', () => JSON.stringify(settings)),
    'utf8',
  );
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, etag };
}
