import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Starts the real entry point with a bad environment; it must stop at once with one clear line. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('start-up with bad configuration', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'foo://x' }, 'DATABASE_URL'],
  ])('%j → exit 1 with one line naming the variable', (env, variable) => {
    const result = start(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^concierge: invalid configuration: ${variable}=`));
    expect(result.stdout).toBe('');
  });
});
