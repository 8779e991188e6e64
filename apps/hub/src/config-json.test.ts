import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConfigJson } from './config-json.js';

describe('formatConfigJson', () => {
  it('writes the demo hall exactly as the file is, so a rewrite changes only what it changes', () => {
    const text = readFileSync(new URL('../config/demo-hall.json', import.meta.url), 'utf8');
    expect(formatConfigJson(JSON.parse(text))).toBe(text);
  });

  it('keeps short arrays on one line, breaks long ones and arrays of several pairs', () => {
    const long = Array.from({ length: 12 }, (_, i) => `persyaratan nomor ${i}`);
    const out = formatConfigJson({
      sat: [['08:00', '12:00']],
      mon: [
        ['08:00', '12:00'],
        ['13:00', '15:30'],
      ],
      sun: [],
      ids: ['a', 'b'],
      long,
      nested: { empty: {}, list: [{ id: 'x' }] },
    });
    expect(out).toBe(
      [
        '{',
        '  "sat": [["08:00", "12:00"]],',
        '  "mon": [',
        '    ["08:00", "12:00"],',
        '    ["13:00", "15:30"]',
        '  ],',
        '  "sun": [],',
        '  "ids": ["a", "b"],',
        '  "long": [',
        ...long.map((s, i) => `    "${s}"${i < long.length - 1 ? ',' : ''}`),
        '  ],',
        '  "nested": {',
        '    "empty": {},',
        '    "list": [',
        '      {',
        '        "id": "x"',
        '      }',
        '    ]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });
});
