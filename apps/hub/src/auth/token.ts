import { createHash, randomBytes } from 'node:crypto';

/** A bearer token for a device or a staff session; only its hash is stored. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
