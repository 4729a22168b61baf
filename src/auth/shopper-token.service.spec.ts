import { createHmac } from 'node:crypto';
import { loadConfig } from '../config/app-config';
import { IdentityVerificationError, VisitorTokenError } from './auth.errors';
import { ShopperTokenService } from './shopper-token.service';
import { StaffTokenService } from './staff-token.service';
import { TokenRejected } from './signed-token-codec';

const config = loadConfig({
  JWT_SECRET: 'unit-test-jwt-secret-0123456789',
  IDENTITY_SECRET: 'unit-test-identity-secret-0123',
  VISITOR_TOKEN_TTL_SECONDS: '3600',
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('ShopperTokenService', () => {
  const shopper = new ShopperTokenService(config);
  const staff = new StaffTokenService(config);
  afterEach(() => jest.useRealTimers());

  it('round-trips a visitor id, site key and verified customer id', () => {
    const issued = shopper.issueVisitorToken('visitor-1', 'storefront_eu', 'cust-9');
    expect(issued.visitorId).toBe('visitor-1');
    expect(issued.expiresIn).toBe(3600);
    const identity = shopper.verifyVisitorToken(issued.visitorToken);
    expect(identity).toMatchObject({
      visitorId: 'visitor-1',
      siteKey: 'storefront_eu',
      customerId: 'cust-9',
    });
    expect(identity.expiresAt.getTime() - Date.now()).toBeGreaterThan(3500 * 1000);
  });

  it('gives every new anonymous visitor a different id', () => {
    const a = shopper.issueVisitorToken();
    const b = shopper.issueVisitorToken();
    expect(a.visitorId).not.toBe(b.visitorId);
    expect(shopper.verifyVisitorToken(b.visitorToken).customerId).toBeUndefined();
  });

  it('refuses a visitor id that could smuggle text into keys or logs', () => {
    expect(codeOf(() => shopper.issueVisitorToken('a b\n'))).toBe('VALIDATION_FAILED');
  });

  it('reports an expired visitor token as expired, not merely invalid', () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const { visitorToken } = shopper.issueVisitorToken('v');
    jest.setSystemTime(new Date('2026-01-01T01:00:01Z'));
    expect(codeOf(() => shopper.verifyVisitorToken(visitorToken))).toBe('VISITOR_TOKEN_EXPIRED');
  });

  it('refuses tokens signed by another secret or tampered with', () => {
    const other = new ShopperTokenService(
      loadConfig({ JWT_SECRET: 'some-other-jwt-secret-abcdefgh' }),
    );
    const foreign = other.issueVisitorToken('v').visitorToken;
    expect(codeOf(() => shopper.verifyVisitorToken(foreign))).toBe('VISITOR_TOKEN_INVALID');
    const [h, p, s] = shopper.issueVisitorToken('v').visitorToken.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else' })).toString(
      'base64url',
    );
    expect(codeOf(() => shopper.verifyVisitorToken(`${h}.${altered}.${s}`))).toBe(
      'VISITOR_TOKEN_INVALID',
    );
    expect(() => shopper.verifyVisitorToken('garbage')).toThrow(VisitorTokenError);
  });

  it('keeps staff and visitor tokens apart in both directions', () => {
    const staffToken = staff.issue({ id: '6f1c3c52-0000-4000-8000-000000000001', role: 'admin' });
    expect(codeOf(() => shopper.verifyVisitorToken(staffToken.accessToken))).toBe(
      'VISITOR_TOKEN_INVALID',
    );
    const { visitorToken } = shopper.issueVisitorToken('v');
    expect(() => staff.verify(visitorToken)).toThrow(TokenRejected);
    expect(staff.verify(staffToken.accessToken)).toBe('6f1c3c52-0000-4000-8000-000000000001');
  });

  it('refuses an unsigned (alg none) token', () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({
      sub: 'v',
      kind: 'visitor',
      aud: 'concierge:visitor',
      iss: 'concierge',
      exp: now + 60,
    })}.`;
    expect(codeOf(() => shopper.verifyVisitorToken(token))).toBe('VISITOR_TOKEN_INVALID');
  });

  describe('verifyIdentity', () => {
    const sign = (id: string, secret = config.IDENTITY_SECRET) =>
      createHmac('sha256', secret).update(id, 'utf8').digest('hex');

    it('accepts hex HMAC-SHA256 of the customer id, in either hex case', () => {
      expect(() => shopper.verifyIdentity('cust-42', sign('cust-42'))).not.toThrow();
      expect(() => shopper.verifyIdentity('客户-7', sign('客户-7').toUpperCase())).not.toThrow();
    });

    it('refuses another customer’s signature, another secret, truncation and non-hex', () => {
      for (const signature of [
        sign('cust-43'),
        sign('cust-42', 'a-different-identity-secret'),
        sign('cust-42').slice(0, 62),
        `${sign('cust-42')}00`,
        'g'.repeat(64),
        '',
      ]) {
        expect(() => shopper.verifyIdentity('cust-42', signature)).toThrow(
          IdentityVerificationError,
        );
      }
      expect(() => shopper.verifyIdentity('', sign(''))).toThrow(IdentityVerificationError);
    });
  });
});
