/**
 * A raster tile server on loopback for the basemap tests. The first path segment picks how it
 * answers, so one server plays every kind of tile service:
 *   /ok/{z}/{x}/{y}.png      a 256×256 PNG in TILE_RGB
 *   /status/{code}/…         that HTTP status
 *   /hang/…                  never answers
 *   /garbage/…               200 image/png with bytes that are no image
 *   /huge/…                  announces 50 MB and trickles it out
 *   /wmts?…&tk=KEY…          Tianditu-like: 401 unless tk is GOOD_TIANDITU_KEY
 *   /pmtiles/{file}          a file of tests/fixtures/pmtiles with HTTP Range support (206, CORS)
 *   /pmtiles-norange/{file}  the same file, always whole (200): a server without range support
 * Every request is logged (path and query); GET /__log returns the log as JSON and empties it, so a
 * test (in another process than the server) can check what the browser asked for.
 * It stops by itself when closed: open sockets (hangs, trickles) are destroyed.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export const TILE_RGB = [214, 51, 132] as const;
export const GOOD_TIANDITU_KEY = 'good-test-key-7f3a';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A solid-colour RGB PNG. */
function solidPng(size: number, [r, g, b]: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + size * 3);
  for (let i = 0; i < size; i++) row.set([r, g, b], 1 + i * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PMTILES_DIR = path.resolve(import.meta.dirname, '../fixtures/pmtiles');

/** A fixture file by its bare name (no path: only files of the fixture directory), or null. */
function pmtilesFixture(name: string | undefined): Buffer | null {
  if (!name || !/^[a-z0-9-]+\.pmtiles$/.test(name)) return null;
  try {
    return readFileSync(path.join(PMTILES_DIR, name));
  } catch {
    return null;
  }
}

/** Answers a GET for `file`, honouring a single `bytes=a-b` range when `ranges` (as object stores do). */
function sendArchive(req: IncomingMessage, res: ServerResponse, file: Buffer, ranges: boolean): void {
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'Content-Length, Content-Range, ETag',
    'Cache-Control': 'no-store',
    ...(ranges ? { 'Accept-Ranges': 'bytes' } : {}),
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...headers, 'Access-Control-Allow-Headers': 'range, if-match' });
    res.end();
    return;
  }
  const m = ranges ? /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '') : null;
  if (!m) {
    res.writeHead(200, { ...headers, 'Content-Length': String(file.length) });
    res.end(file);
    return;
  }
  const start = Number(m[1]);
  const end = Math.min(m[2] ? Number(m[2]) : file.length - 1, file.length - 1);
  if (start >= file.length || end < start) {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.length}` });
    res.end();
    return;
  }
  res.writeHead(206, {
    ...headers,
    'Content-Length': String(end - start + 1),
    'Content-Range': `bytes ${start}-${end}/${file.length}`,
  });
  res.end(file.subarray(start, end + 1));
}

export interface TileServer {
  origin: string;
  requests: string[];
  close: () => Promise<void>;
}

export async function startTileServer(): Promise<TileServer> {
  const png = solidPng(256, TILE_RGB);
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  const send = (res: ServerResponse, status: number, body: Buffer | string, type = 'image/png') => {
    res.writeHead(status, {
      'Content-Type': type,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__log') {
      send(res, 200, JSON.stringify(requests.splice(0)), 'application/json');
      return;
    }
    requests.push(`${url.pathname}${url.search}`);
    const [mode, arg] = url.pathname.split('/').filter(Boolean);
    switch (mode) {
      case 'ok':
        return send(res, 200, png);
      case 'status':
        return send(res, Number(arg) || 500, 'error', 'text/plain');
      case 'hang':
        return; // never answers
      case 'pmtiles':
      case 'pmtiles-norange': {
        const file = pmtilesFixture(arg);
        if (!file) return send(res, 404, 'not found', 'text/plain');
        return sendArchive(req, res, file, mode === 'pmtiles');
      }
      case 'garbage':
        return send(res, 200, Buffer.from('this is not an image at all, just bytes'.repeat(20)));
      case 'huge': {
        res.writeHead(200, {
          'Content-Type': 'image/png',
          'Content-Length': String(50 * 1024 * 1024),
          'Access-Control-Allow-Origin': '*',
        });
        const timer = setInterval(() => res.write(Buffer.alloc(16 * 1024)), 200);
        timers.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        return;
      }
      default:
        if (url.pathname.endsWith('/wmts')) {
          return url.searchParams.get('tk') === GOOD_TIANDITU_KEY
            ? send(res, 200, png)
            : send(res, 401, 'invalid key', 'text/plain');
        }
        return send(res, 404, 'not found', 'text/plain');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
