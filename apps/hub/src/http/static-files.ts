import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves a built single-page app from `root` under `mount` (e.g. `/kiosk`): files as they are, any other
 * path as index.html. Paths that escape the root are refused. Returns false when the app is not built.
 */
export async function serveApp(
  req: IncomingMessage,
  res: ServerResponse,
  mount: string,
  root: string,
  path: string,
): Promise<boolean> {
  const relative = decodeURIComponent(path.slice(mount.length)).replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return true;
  }
  const found = await fileAt(file);
  const target = found ?? (await fileAt(join(root, 'index.html')));
  if (!target) return false;
  const hashed = target.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    // Vite's hashed assets never change; index.html must always be fresh to pick up a new build.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(target).pipe(res);
  return true;
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    return (await stat(path)).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}
