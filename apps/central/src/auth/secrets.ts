// Tokens and password hashes are the hub's forms, from the one place both use (packages/node-secrets).
export {
  newToken,
  tokenHash,
  hashSecret as hashPassword,
  verifySecret as verifyPassword,
} from '@antre/node-secrets';
