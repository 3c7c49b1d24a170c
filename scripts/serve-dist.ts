/**
 * A static file server for the built site (dist/), for the benchmark: the
 * files as any static host serves them, with the headers of dist/_headers,
 * and text compressed with gzip when the browser accepts it (as static hosts
 * do; the size budget, scripts/check-size.ts, counts gzipped bytes too).
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The `/*` block of a Netlify/Cloudflare-style _headers file. */
function globalHeaders(dist: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(join(dist, '_headers'), 'utf8');
  } catch {
    return {};
  }
  const headers: Record<string, string> = {};
  for (const line of text.split('\n').slice(1)) {
    const match = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    if (match) headers[match[1] as string] = match[2] as string;
  }
  return headers;
}

function resolveFile(dist: string, urlPath: string): string | undefined {
  const path = normalize(join(dist, decodeURIComponent(urlPath)));
  if (!path.startsWith(dist)) return undefined;
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? join(path, 'index.html') : path;
  } catch {
    return undefined;
  }
}

/** Serves `dist` on a free port of 127.0.0.1; resolves to the base URL and the server. */
export async function serveDist(dist: string): Promise<{ url: string; server: Server }> {
  const headers = globalHeaders(dist);
  const server = createServer((request, response) => {
    const file = resolveFile(dist, new URL(request.url ?? '/', 'http://x').pathname);
    let body: Buffer;
    try {
      if (file === undefined) throw new Error('outside dist');
      body = readFileSync(file);
    } catch {
      response.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[extname(file)];
    // Every type above is text; anything else goes as it is.
    const gzip = type !== undefined && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    response.writeHead(200, {
      ...headers,
      'Content-Type': type ?? 'application/octet-stream',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
