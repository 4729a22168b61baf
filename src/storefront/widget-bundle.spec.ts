import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWidgetBundle, WidgetNotBuiltError } from './widget-bundle';

describe('loadWidgetBundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'widget-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills in the server settings and derives the ETag from the served bytes', () => {
    const file = join(dir, 'widget.js');
    writeFileSync(file, '(()=>{const c="__CONCIERGE_SERVER_CONFIG__";go(c)})();');
    const teal = loadWidgetBundle({ themeColor: '#0f766e' }, file);
    expect(teal.body.toString()).toBe('(()=>{const c={"themeColor":"#0f766e"};go(c)})();');
    const red = loadWidgetBundle({ themeColor: '#dc2626' }, file);
    expect(red.etag).not.toBe(teal.etag);
    expect(loadWidgetBundle({ themeColor: '#0f766e' }, file).etag).toBe(teal.etag);
    // A shop name is data, not code: quotes and "</script>" stay inside the JSON string.
    const named = loadWidgetBundle(
      { themeColor: '#0f766e', title: 'Ann\'s "Shop" </script>' },
      file,
    );
    expect(named.body.toString()).toContain('"title":"Ann\'s \\"Shop\\" </script>"');
  });

  it('reports a missing build with a code and the command that fixes it', () => {
    const attempt = () => loadWidgetBundle({ themeColor: '#000000' }, join(dir, 'absent.js'));
    expect(attempt).toThrow(WidgetNotBuiltError);
    expect(attempt).toThrow(/npm run build:apps/);
  });
});
