import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Every workspace declares what it imports, and product code never imports test fixtures.
 *
 * Product code is a workspace's `src/` minus its tests and `testing/` folders, in packages/ and apps/: what
 * ships. It may import only the packages in its `dependencies` (or `peerDependencies`). Everything else
 * (tests, `e2e/`, `testing/`, the benchmark, scripts, build configs, the test tools in tools/) may also use
 * `devDependencies` and the fixtures. Fixtures live in `testing/` folders,
 * exported as `<package>/testing`: product code importing one fails, as does product code importing a test,
 * an `e2e/` or a `bench/` file.
 */

export interface PackageJson {
  name?: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface Workspace {
  /** Folder relative to the repository root, `/`-separated; `''` for the root. */
  dir: string;
  pkg: PackageJson;
}

export interface SourceFile {
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  text: string;
}

export interface ImportProblem {
  file: string;
  specifier: string;
  problem: string;
}

const SOURCE_FILE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
/** Build output, dependencies and run data: not source. */
const SKIPPED_DIRS = new Set(['node_modules', 'release', 'artifacts', 'data', 'coverage', 'public']);
const BUILTINS = new Set(builtinModules);
/**
 * Packages the runtime provides: `electron` is there in every Electron process, and electron-builder
 * requires it in `devDependencies`, never `dependencies`.
 */
const RUNTIME_PROVIDED = new Set(['electron']);

/** A file whose code is only for tests, tools and builds, never shipped. */
export function isDevFile(pathInWorkspace: string): boolean {
  const parts = pathInWorkspace.split('/');
  if (parts[0] !== 'src') return true;
  return isFixturePath(pathInWorkspace);
}

/** A test, a fixture (anything in a `testing/` folder), an end-to-end test or the benchmark. */
function isFixturePath(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  return (
    /\.test\.[cm]?[jt]sx?$/.test(name) ||
    parts.slice(0, -1).some((p) => p === 'testing' || p === 'e2e' || p === 'bench')
  );
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(packageName(specifier));
}

/** Every module specifier a file imports, re-exports, `import()`s or `require()`s. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The workspace a root-relative path belongs to: the one with the longest matching folder. */
function owner(workspaces: readonly Workspace[], path: string): Workspace | undefined {
  let best: Workspace | undefined;
  for (const w of workspaces) {
    const inside = w.dir === '' || path === w.dir || path.startsWith(`${w.dir}/`);
    if (inside && (!best || w.dir.length > best.dir.length)) best = w;
  }
  return best;
}

function declared(pkg: PackageJson, dev: boolean): Set<string> {
  return new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
    ...(dev ? Object.keys(pkg.devDependencies ?? {}) : []),
  ]);
}

/** The import problems of `files`, each owned by the workspace whose folder holds it. */
export function importProblems(
  workspaces: readonly Workspace[],
  files: readonly SourceFile[],
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const ws = owner(workspaces, file.path);
    if (!ws) continue;
    const inWorkspace = ws.dir === '' ? file.path : file.path.slice(ws.dir.length + 1);
    const dev = ws.dir === '' || ws.dir.startsWith('tools/') || isDevFile(inWorkspace);
    const allowed = declared(ws.pkg, dev);
    const add = (specifier: string, problem: string) =>
      problems.push({ file: file.path, specifier, problem });
    for (const specifier of importsOf(file.text)) {
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
        const targetWs = owner(workspaces, target);
        if (
          !dev &&
          isFixturePath(target.slice(targetWs && targetWs.dir !== '' ? targetWs.dir.length + 1 : 0))
        ) {
          add(specifier, 'product code imports test code');
        }
        // Reaching into another workspace by path still depends on it.
        if (targetWs && targetWs !== ws && targetWs.pkg.name && !allowed.has(targetWs.pkg.name)) {
          add(specifier, `reaches into ${targetWs.pkg.name}, which package.json does not declare`);
        }
        continue;
      }
      if (isBuiltin(specifier)) continue;
      const name = packageName(specifier);
      if (!dev && specifier.split('/').includes('testing'))
        add(specifier, 'product code imports a testing subpath');
      if (name === ws.pkg.name) continue;
      if (allowed.has(name)) continue;
      if (RUNTIME_PROVIDED.has(name) && ws.pkg.devDependencies?.[name] !== undefined) continue;
      const where = dev ? 'dependencies or devDependencies' : 'dependencies (product code)';
      add(specifier, `${name} is not in ${ws.dir === '' ? 'the root' : ws.pkg.name}'s ${where}`);
    }
  }
  return problems;
}

/** The root package and its workspaces, as on disk. */
export function readWorkspaces(root: string): Workspace[] {
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  return [
    { dir: '', pkg: rootPkg },
    ...(rootPkg.workspaces ?? []).map((dir) => ({
      dir,
      pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as PackageJson,
    })),
  ];
}

/** Every source file under `root`, but for dependencies and build output (`dist*`, `release`). */
export function readSourceFiles(root: string, dir = root): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name.startsWith('dist') || SKIPPED_DIRS.has(entry.name))
        continue;
      files.push(...readSourceFiles(root, full));
    } else if (SOURCE_FILE.test(entry.name)) {
      files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  }
  return files;
}

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
