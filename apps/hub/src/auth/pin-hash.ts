// `scrypt$<salt hex>$<hash hex>`: the form a hall config stores a staff PIN in (packages/node-secrets, shared
// with the centre's staff passwords).
export { hashSecret as hashPin, verifySecret as verifyPin } from '@antre/node-secrets';
