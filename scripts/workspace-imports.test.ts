import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceFile, Workspace } from './workspace-imports.js';
import {
  REPO_ROOT,
  importProblems,
  importsOf,
  isDevFile,
  packageName,
  readSourceFiles,
  readWorkspaces,
} from './workspace-imports.js';

describe('the repository', () => {
  it('declares, in each workspace, every package its code imports, and ships no test code', () => {
    const workspaces = readWorkspaces(REPO_ROOT);
    const files = readSourceFiles(REPO_ROOT);
    // The scan sees every workspace's code, tests included: an empty result is not an empty scan.
    for (const w of workspaces.filter((x) => x.dir !== '')) {
      expect(
        files.some((f) => f.path.startsWith(`${w.dir}/src/`)),
        w.dir,
      ).toBe(true);
    }
    expect(files.some((f) => f.path === 'apps/hub/testing/hub-harness.ts')).toBe(true);
    expect(importProblems(workspaces, files)).toEqual([]);
  });

  it('points the layers down: the domain depends on no workspace, packages on no app (docs/ARCHITECTURE.md)', () => {
    const workspaces = readWorkspaces(REPO_ROOT).filter((w) => w.dir !== '');
    const dirOf = new Map(workspaces.map((w) => [w.pkg.name, w.dir]));
    const productDeps = (w: Workspace): string[] =>
      Object.keys({ ...w.pkg.dependencies, ...w.pkg.peerDependencies }).filter((n) => dirOf.has(n));
    const shared = workspaces.find((w) => w.dir === 'packages/shared');
    expect(shared && productDeps(shared)).toEqual([]);
    expect(Object.keys(shared?.pkg.dependencies ?? {})).toEqual(['zod']);
    const upward = workspaces
      .filter((w) => w.dir.startsWith('packages/'))
      .flatMap((w) =>
        productDeps(w)
          .filter((n) => dirOf.get(n)?.startsWith('apps/'))
          .map((n) => `${w.dir} → ${n}`),
      );
    expect(upward).toEqual([]);
    // Apps do not ship each other's code.
    const sideways = workspaces
      .filter((w) => w.dir.startsWith('apps/'))
      .flatMap((w) =>
        productDeps(w)
          .filter((n) => dirOf.get(n)?.startsWith('apps/'))
          .map((n) => `${w.dir} → ${n}`),
      );
    expect(sideways).toEqual([]);
  });

  it("builds the hub's product for Node alone: no DOM lib, no client package, no harness or benchmark", () => {
    const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, 'apps/hub/tsconfig.json'), 'utf8')) as {
      compilerOptions: { lib: string[] };
      include: string[];
      references: Array<{ path: string }>;
    };
    expect(tsconfig.compilerOptions.lib.map((l) => l.toLowerCase())).not.toContain('dom');
    expect(tsconfig.include).toEqual(['src']);
    expect(tsconfig.references.map((r) => r.path)).not.toContain('../../packages/client');
    const hubSources = readSourceFiles(REPO_ROOT, join(REPO_ROOT, 'apps/hub/src')).map((f) => f.path);
    expect(hubSources.filter((p) => /\/(testing|bench)\//.test(p))).toEqual([]);
  });
});

const shared: Workspace = {
  dir: 'packages/shared',
  pkg: { name: '@x/shared', dependencies: { zod: '1' }, devDependencies: { vitest: '1' } },
};
const app: Workspace = {
  dir: 'apps/app',
  pkg: {
    name: '@x/app',
    dependencies: { '@x/shared': '1', react: '1' },
    devDependencies: { electron: '1', vitest: '1', '@x/hub': '1' },
  },
};
const hub: Workspace = { dir: 'apps/hub', pkg: { name: '@x/hub', dependencies: { '@x/shared': '1' } } };
const root: Workspace = { dir: '', pkg: { name: 'root', devDependencies: { typescript: '1' } } };
const tool: Workspace = { dir: 'tools/sim', pkg: { name: '@x/sim', dependencies: { '@x/hub': '1' } } };
const workspaces = [root, shared, app, hub, tool];

function problems(path: string, text: string): string[] {
  const file: SourceFile = { path, text };
  return importProblems(workspaces, [file]).map((p) => `${p.specifier}: ${p.problem}`);
}

describe('importProblems', () => {
  it('accepts declared packages, node built-ins, relative files and the package itself', () => {
    const text = [
      "import { z } from 'zod';",
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "export * from './hall.js';",
      "import type { Fixture } from '@x/shared/testing';",
    ].join('\n');
    expect(problems('packages/shared/src/index.test.ts', text)).toEqual([]);
    expect(
      problems('packages/shared/src/index.ts', "import { z } from 'zod';\nexport * from './a.js';"),
    ).toEqual([]);
  });

  it('refuses a package the workspace does not declare, in product and test code alike', () => {
    expect(problems('apps/app/src/main.ts', "import pino from 'pino';")).toEqual([
      "pino: pino is not in @x/app's dependencies (product code)",
    ]);
    expect(problems('apps/app/e2e/flow.test.ts', "const m = await import('playwright-core/lib');")).toEqual([
      "playwright-core/lib: playwright-core is not in @x/app's dependencies or devDependencies",
    ]);
    // Another workspace's dependency does not count: zod is the shared package's, not the app's.
    expect(problems('apps/app/src/schema.ts', "import { z } from 'zod';")).toHaveLength(1);
  });

  it('lets tests, e2e, testing folders and build configs use devDependencies, and product code not', () => {
    for (const file of ['apps/app/src/a.test.ts', 'apps/app/e2e/harness.ts', 'apps/app/vite.config.ts']) {
      expect(problems(file, "import { it } from 'vitest';"), file).toEqual([]);
    }
    expect(problems('apps/app/src/renderer/view.ts', "import { it } from 'vitest';")).toEqual([
      "vitest: vitest is not in @x/app's dependencies (product code)",
    ]);
  });

  it('lets Electron code import electron from devDependencies, where electron-builder wants it', () => {
    expect(problems('apps/app/src/main/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(problems('apps/hub/src/main.ts', "import { app } from 'electron';")).toHaveLength(1);
  });

  it('refuses product code that imports a testing subpath or a fixture, test or e2e file', () => {
    expect(problems('apps/app/src/demo.ts', "import { testHall } from '@x/shared/testing';")).toEqual([
      '@x/shared/testing: product code imports a testing subpath',
    ]);
    expect(problems('packages/shared/src/index.ts', "export * from './testing/test-hall.js';")).toEqual([
      './testing/test-hall.js: product code imports test code',
    ]);
    expect(problems('apps/app/src/a/view.ts', "import { scene } from '../../e2e/scene.js';")).toEqual([
      '../../e2e/scene.js: product code imports test code',
    ]);
    expect(problems('apps/app/src/view.ts', "import { x } from './view.test.js';")).toEqual([
      './view.test.js: product code imports test code',
    ]);
    // The hub's harness, from a test, is fine.
    expect(problems('apps/app/src/view.test.ts', "import { startTestHub } from '@x/hub/testing';")).toEqual(
      [],
    );
  });

  it('lets the test tools in tools/ use fixtures, but only from packages they declare', () => {
    expect(problems('tools/sim/src/runner.ts', "import { stablePort } from '@x/hub/testing';")).toEqual([]);
    expect(problems('tools/sim/src/runner.ts', "import { testHall } from '@x/shared/testing';")).toHaveLength(
      1,
    );
  });

  it('counts a relative path into another workspace as a dependency on it', () => {
    expect(
      problems('apps/app/vite.config.ts', "import { c } from '../../packages/shared/config.js';"),
    ).toEqual([]);
    expect(problems('apps/hub/vite.config.ts', "import { c } from '../app/src/view.js';")).toEqual([
      '../app/src/view.js: reaches into @x/app, which package.json does not declare',
    ]);
  });

  it("checks the root's own scripts against the root package", () => {
    expect(problems('scripts/check.ts', "import ts from 'typescript';")).toEqual([]);
    expect(problems('scripts/check.ts', "import { it } from 'vitest';")).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('finds static, re-exported, dynamic and required imports, not ones in comments', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "export { c } from './c.js';",
      "const d = await import('d');",
      "const e = require('e');",
      "// import f from 'f';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['a', 'b', './c.js', 'd', 'e']);
  });

  it('names the package of a specifier', () => {
    expect(packageName('@antre/hub/testing')).toBe('@antre/hub');
    expect(packageName('vitest/config')).toBe('vitest');
    expect(packageName('zod')).toBe('zod');
  });

  it('tells product files from test and tool files', () => {
    expect(isDevFile('src/queue.ts')).toBe(false);
    expect(isDevFile('src/queue.test.ts')).toBe(true);
    expect(isDevFile('src/testing/test-hall.ts')).toBe(true);
    expect(isDevFile('e2e/display.test.ts')).toBe(true);
    expect(isDevFile('bench/bench.ts')).toBe(true);
    expect(isDevFile('vite.config.ts')).toBe(true);
  });
});
