import { expect, it } from 'vitest';
import { runPreload } from '@antre/electron-shell/testing';

it("gives the renderer the shell's part alone, and needs nothing but electron", () => {
  const { exposed, required } = runPreload(new URL('./preload.cts', import.meta.url), {
    argv: ['--antre-version=0.3.1'],
  });
  expect(exposed).toEqual({ antre: { kind: 'display', version: '0.3.1' } });
  expect(required).toEqual(['electron']);
});
