import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.usesPostgres).toBe(false);
    expect(config.usesRedis).toBe(false);
    expect(config.ALLOWED_ORIGINS).toEqual(['*']);
  });

  it('parses numbers and lists', () => {
    const config = loadConfig({
      PORT: '8080',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.PORT).toBe(8080);
    expect(config.ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc".*integer/],
    [{ PORT: '70000' }, /PORT=70000.*65535/],
    [{ DATABASE_URL: 'foo://x' }, /DATABASE_URL="foo:\/\/x".*postgres/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET=\(hidden\)/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('never echoes a secret in the error', () => {
    expect(() => loadConfig({ JWT_SECRET: 'tooshort' })).not.toThrow(/tooshort/);
  });

  it('refuses the development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/must be set in production/);
  });
});
