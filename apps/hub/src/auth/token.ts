// A bearer token for a device or a staff session; only its hash is stored. The centre makes its own the same
// way: the code lives in packages/node-secrets.
export { newToken, tokenHash } from '@antre/node-secrets';
