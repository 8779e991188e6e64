import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { hallConfigJsonSchema } from '@antre/shared';

it('ships a JSON Schema for editors that matches the hub’s own validation', () => {
  const shipped: unknown = JSON.parse(
    readFileSync(new URL('./hall-config.schema.json', import.meta.url), 'utf8'),
  );
  // Regenerate with `npm run schema -w @antre/hub` after changing packages/shared/src/hall-config.ts.
  expect(shipped).toEqual(hallConfigJsonSchema());
  const demo = JSON.parse(readFileSync(new URL('./demo-hall.json', import.meta.url), 'utf8')) as {
    $schema?: string;
  };
  expect(demo.$schema).toBe('./hall-config.schema.json');
});
