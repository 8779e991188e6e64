import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './workspace-imports.js';

const SCRIPT = join(REPO_ROOT, 'scripts/fetch-electron.mjs');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An Electron package whose install.js does what `installer` says, and counts its runs. */
function standIn(installer: 'fails' | 'downloads' | 'hangs'): string {
  const dir = mkdtempSync(join(tmpdir(), 'antre-electron-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '39.0.0' }));
  const body = {
    fails: "console.error('RequestError: getaddrinfo ENOTFOUND downloads.example'); process.exit(1);",
    downloads: [
      "fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });",
      "fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v39.0.0');",
      "fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');",
      "fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');",
    ].join('\n'),
    hangs: 'setInterval(() => {}, 1000);',
  }[installer];
  writeFileSync(
    join(dir, 'install.js'),
    [
      "const fs = require('fs');",
      "const path = require('path');",
      "fs.appendFileSync(path.join(__dirname, 'runs'), 'x');",
      body,
    ].join('\n'),
  );
  return dir;
}

function run(dir: string, ...args: string[]) {
  const env = { ...process.env };
  delete env['ELECTRON_SKIP_BINARY_DOWNLOAD'];
  const r = spawnSync(process.execPath, [SCRIPT, `--electron-dir=${dir}`, ...args], {
    encoding: 'utf8',
    env,
  });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

const runs = (dir: string) =>
  existsSync(join(dir, 'runs')) ? readFileSync(join(dir, 'runs'), 'utf8').length : 0;

describe('fetch-electron', () => {
  it('after npm install, a download that fails leaves one line and lets the install succeed', () => {
    const dir = standIn('fails');
    const r = run(dir);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(1);
    expect(r.out).toContain('ENOTFOUND');
    expect(r.out).toContain('npm run kiosk');
    expect(runs(dir)).toBe(1);
  });

  it('before starting an Electron app, a download that fails stops with a reason', () => {
    const dir = standIn('fails');
    const r = run(dir, '--required');
    expect(r.code).toBe(1);
    expect(r.err).toContain('ENOTFOUND');
    expect(r.err).toContain('need it to start');
  });

  it('downloads once: an installed binary is not fetched again', () => {
    const dir = standIn('downloads');
    expect(run(dir)).toEqual({ code: 0, out: '', err: '' });
    expect(run(dir, '--required')).toEqual({ code: 0, out: '', err: '' });
    expect(runs(dir)).toBe(1);
  });

  it('gives up on a download that never answers', () => {
    const dir = standIn('hangs');
    const r = run(dir, '--timeout-ms=300');
    expect(r.code).toBe(0);
    expect(r.out).toContain('no answer within 0.3 s');
    expect(run(dir, '--timeout-ms=300', '--required').code).toBe(1);
  });

  it('with no Electron package installed, has nothing to do unless an app needs it', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'antre-electron-')), 'none');
    dirs.push(missing);
    mkdirSync(missing);
    expect(run(missing).code).toBe(0);
    expect(run(missing, '--required').code).toBe(1);
  });
});

describe('the root package', () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    allowScripts: Record<string, boolean>;
  };

  it("denies Electron's own download at install time and runs this script after it", () => {
    expect(pkg.allowScripts['electron']).toBe(false);
    expect(pkg.scripts['postinstall']).toBe('node scripts/fetch-electron.mjs');
  });

  it('approves the install scripts the project needs: the native SQLite build, esbuild, the Windows packager', () => {
    for (const name of ['better-sqlite3', 'esbuild', 'electron-winstaller']) {
      expect(pkg.allowScripts[name], name).toBe(true);
    }
  });

  it('fetches Electron again before starting an Electron app', () => {
    for (const app of ['kiosk', 'counter', 'display']) {
      expect(pkg.scripts[app], app).toMatch(/^node scripts\/fetch-electron\.mjs --required && /);
    }
  });
});
