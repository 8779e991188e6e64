import { resetStaffPin } from './auth/staff-pin-reset.js';
import { hallConfigFile } from './config-loader.js';

/**
 * `npm run pin -- <username>`: a new PIN for a staff member of the hall config HALL_CONFIG names (the demo
 * hall by default). The config is a JSON file the hub reads at start, so the command writes the PIN's scrypt
 * hash into that file itself, rather than printing a hash to paste: no hand edit can break the JSON or leave
 * the old plain `pin` beside it. The PIN is chosen at random and printed once, here; nothing else keeps it.
 */
async function main(): Promise<void> {
  const [username, ...rest] = process.argv.slice(2);
  if (username === undefined || username.startsWith('-') || rest.length > 0) {
    console.error('Pakai / usage: [HALL_CONFIG=<hall.json>] npm run pin -- <username>');
    process.exit(2);
  }
  const file = hallConfigFile();
  const pin = await resetStaffPin(file, username);
  console.log(`PIN baru untuk ${username} / new PIN for ${username}: ${pin}`);
  console.log(`Tersimpan sebagai pinHash di / saved as pinHash in ${file}`);
  console.log('Mulai ulang hub agar berlaku / restart the hub for it to take effect.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
