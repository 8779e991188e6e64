// Fetches Electron's binary, the one thing `npm install` would otherwise download from outside the registry.
//
// Electron's own postinstall is denied in package.json (allowScripts), because where its download cannot be
// reached it fails the whole install. This script runs it instead, after the install, with a time limit:
//   node scripts/fetch-electron.mjs             (postinstall) on failure one line, exit 0: the web apps and
//                                               every test work without the binary
//   node scripts/fetch-electron.mjs --required  (npm run kiosk|counter|display) on failure exit 1
// ELECTRON_SKIP_BINARY_DOWNLOAD is still honoured (Electron's installer checks it), for who wants no download.
// --electron-dir=<folder> and --timeout-ms=<n> point it at another Electron package and time limit (its tests).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const required = process.argv.includes('--required');
const option = (name) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) || undefined;
/** Long enough for a real download (~100 MB) on a slow line; a blocked network fails in well under it. */
const TIMEOUT_MS = Number(option('timeout-ms') ?? 180_000);
const require = createRequire(import.meta.url);

/** Electron's package folder, or undefined where it is not installed (e.g. `npm install --omit=dev`). */
function electronDir() {
  const given = option('electron-dir');
  if (given) return existsSync(join(given, 'package.json')) ? given : undefined;
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** Electron's own test (install.js `isInstalled`): the version and the executable path it recorded. */
function isInstalled(dir) {
  try {
    const version = readFileSync(join(dir, 'dist', 'version'), 'utf8')
      .replace(/^v/, '')
      .trim();
    const expected = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
    const executable = readFileSync(join(dir, 'path.txt'), 'utf8');
    return version === expected && existsSync(join(dir, 'dist', executable));
  } catch {
    return false;
  }
}

/** Runs Electron's installer; resolves with why it failed, or undefined once it succeeded. */
function runInstaller(dir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`no answer within ${TIMEOUT_MS / 1000} s`);
    }, TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve(err.message);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(undefined);
      else resolve(firstErrorLine(stderr) ?? `installer exited with ${String(code)}`);
    });
  });
}

function firstErrorLine(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /error/i.test(line));
}

async function main() {
  const dir = electronDir();
  if (!dir) {
    if (required) {
      console.error('Electron is not installed: run `npm install` first.');
      process.exitCode = 1;
    }
    return;
  }
  if (isInstalled(dir)) return;
  const failure = await runInstaller(dir);
  if (failure === undefined && isInstalled(dir)) return;
  if (failure === undefined && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    if (required) {
      console.error('Electron: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so there is no binary to start.');
      process.exitCode = 1;
    }
    return;
  }
  const why = failure ?? 'the installer left no binary';
  if (required) {
    console.error(`Electron's binary could not be downloaded (${why}); the Electron apps need it to start.`);
    process.exitCode = 1;
  } else {
    console.log(
      `Electron's binary could not be downloaded (${why}): the web apps and the tests work without it;` +
        ' `npm run kiosk`, `counter` and `display` try again.',
    );
  }
}

await main();
