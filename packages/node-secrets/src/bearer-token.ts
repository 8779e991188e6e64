import { createHash, randomBytes } from 'node:crypto';

/**
 * A bearer token (a device, a staff session, a hall's credential at the centre); only its hash is stored.
 * The one place both the hub and the centre make and hash them.
 */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
