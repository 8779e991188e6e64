import { writeFileSync } from 'node:fs';
import { hallConfigJsonSchema } from '@antre/shared';

/** Writes `config/hall-config.schema.json` from the zod schema (`npm run schema -w @antre/hub`). */
const file = new URL('../config/hall-config.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(hallConfigJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
