import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * @node-rs/argon2 defaults to argon2id (OWASP parameters: 19 MiB, t=2), about 0.25 s of a core per
 * hash. The test suite creates hundreds of users and signs each in, so it asks for the smallest
 * parameters with OPENKAM_TEST_PASSWORD_HASH=fast (set by vitest.config.ts only): still argon2id in
 * the same encoded format, which records its own parameters, so verify() reads either kind.
 */
const fast = !!process.env.VITEST && process.env.OPENKAM_TEST_PASSWORD_HASH === 'fast';
const options: Options | undefined = fast ? { memoryCost: 64, timeCost: 1, parallelism: 1 } : undefined;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the e-mail is unknown, so a miss costs as long as a wrong password. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('openkam-timing-equaliser'));
