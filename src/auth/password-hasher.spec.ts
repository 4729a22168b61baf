import { hashPassword, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('verifies the right password only, and never without a stored hash', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^\$2[aby]\$10\$/);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword('correct horse', undefined)).toBe(false);
  });

  it('refuses passwords bcrypt would silently truncate or that are too short', async () => {
    await expect(hashPassword('short')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // 25 three-byte characters = 75 bytes > 72, though only 25 characters.
    await expect(hashPassword('密'.repeat(25))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
