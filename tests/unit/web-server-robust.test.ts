import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../main/core';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../main/web/server';
import { quietLog, tempDir, testCore } from './helpers';

/** No request may end the server: each is answered, and the next one is served. */

let server: WebServer | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = null;
});

const MB = 1024 * 1024;

async function start(wrap: (core: Core) => Core = (c) => c) {
  const { core } = await testCore({ setUp: false });
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  server = await startWebServer({ core: wrap(core), token: 'secret-token', staticDir });
  return { port: server.port, host: `127.0.0.1:${server.port}`, staticDir };
}

/** The body of a raw response, its chunked framing undone. */
function bodyOf(response: string): string {
  const [head = '', ...rest] = response.split('\r\n\r\n');
  let body = rest.join('\r\n\r\n');
  if (!/^transfer-encoding: chunked/im.test(head)) return body;
  let out = '';
  for (let size = parseInt(body, 16); size > 0; size = parseInt(body, 16)) {
    const start = body.indexOf('\r\n') + 2;
    out += body.slice(start, start + size);
    body = body.slice(start + size + 2);
  }
  return out;
}

/** Writes the request as given, byte for byte, and reads the answer until the server closes (status 0: none). */
function raw(port: number, text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    // Not end(): a client that half-closes is taken as gone, and its request is dropped.
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.setEncoding('latin1');
    socket.on('data', (c) => (out += c));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(out)?.[1] ?? 0), body: Buffer.from(bodyOf(out), 'latin1').toString() }));
  });
}

const get = (port: number, target: string, host = `127.0.0.1:${port}`) =>
  raw(port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

const post = (port: number, target: string, headers: Record<string, string>, body = '{}') =>
  raw(
    port,
    `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );

const api = (port: number, channel = 'party.orgChildren') => post(port, `/api/${channel}`, { [TOKEN_HEADER]: 'secret-token' });

/**
 * Sends a chunked JSON body of `total` bytes a megabyte at a time, stopping when the server answers or closes.
 * Returns the status and how much had been written by then.
 */
function upload(port: number, total: number, opts: { hold?: Promise<unknown> } = {}): Promise<{ status: number; written: number }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let status = 0;
    let written = 0;
    let done = false;
    const finish = () => done || ((done = true), socket.destroy(), resolve({ status, written }));
    socket.on('data', (c) => {
      status = Number(/^HTTP\/1\.1 (\d{3})/.exec(String(c))?.[1] ?? 0);
      finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    const chunk = Buffer.concat([Buffer.from(`${MB.toString(16)}\r\n`), Buffer.alloc(MB, 0x20), Buffer.from('\r\n')]);
    socket.write(
      `POST /api/party.orgChildren HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        `${TOKEN_HEADER}: secret-token\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const pump = async () => {
      while (!done && written < total) {
        written += MB;
        if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r).once('close', r));
      }
      await opts.hold;
      if (!done) socket.write('0\r\n\r\n');
    };
    void pump();
  });
}

describe('browser transport: requests that used to bring the server down', () => {
  it('answers paths that do not decode with 400, with or without the token, and goes on serving', async () => {
    const { port } = await start();
    for (const target of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const res = await get(port, target);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { message: '请求地址无效' } });
    }
    expect((await post(port, '/api/%', { [TOKEN_HEADER]: 'secret-token' })).status).toBe(400);
    expect((await post(port, '/api/%', {})).status).toBe(400);
    expect((await post(port, '/api/party.%E0%A4%A', {})).status).toBe(400);
    expect((await get(port, '/')).status).toBe(200);
    expect((await api(port)).status).toBe(200);
  });

  it('answers a malformed Host or request target with 4xx and goes on serving', async () => {
    const { port } = await start();
    for (const host of ['[::1', `127.0.0.1:${port}:80`, '%', '']) {
      const res = await get(port, '/', host);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const noHost = await raw(port, 'GET / HTTP/1.0\r\n\r\n');
    expect(noHost.status).toBe(403);
    for (const target of ['http://[/', `http://127.0.0.1:${port}/%`, '//%']) {
      const res = await get(port, target);
      expect(res.status, target).toBeGreaterThanOrEqual(400);
      expect(res.status, target).toBeLessThan(500);
    }
    expect((await raw(port, 'NOT-HTTP\r\n\r\n')).status).toBe(400);
    expect((await api(port)).status).toBe(200);
  });

  it('compares the token in constant time, whatever its length', async () => {
    const { port } = await start();
    const compare = vi.spyOn(crypto, 'timingSafeEqual');
    for (const token of ['s', 'secret-tokeX', 'secret-token-and-more', 'x'.repeat(4000)]) {
      expect((await post(port, '/api/party.orgChildren', { [TOKEN_HEADER]: token })).status).toBe(401);
    }
    expect((await api(port)).status).toBe(200);
    expect(compare).toHaveBeenCalledTimes(5);
  });

  it('answers 500 and logs when the core itself fails, and goes on serving', async () => {
    let fail = true;
    const { port } = await start((core) => ({
      ...core,
      dispatch: (channel, input) => (fail ? Promise.reject(new Error('boom')) : core.dispatch(channel, input)),
    }));
    quietLog.errors.length = 0;
    const res = await api(port);
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('详情已写入日志') } });
    expect(quietLog.errors).toEqual([expect.stringContaining('/api/party.orgChildren failed')]);
    fail = false;
    expect((await api(port)).status).toBe(200);
  });
});

describe('browser transport: stopping', () => {
  it('stops within moments of an answer to a request in flight on a kept-alive connection, the answer sent', async () => {
    let release = () => undefined as void;
    let inCore = false;
    const { port } = await start((core) => ({
      ...core,
      dispatch: async (channel, input) => {
        await new Promise<void>((r) => ((release = r), (inCore = true)));
        return core.dispatch(channel, input);
      },
    }));
    // As a browser keeps it: the connection stays open for the next request (the server allows 65 s for that).
    const agent = new http.Agent({ keepAlive: true });
    const answered = new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/party.orgChildren', method: 'POST', agent,
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'secret-token' } }, (res) => (res.resume(), res.on('end', () => resolve(res.statusCode ?? 0))));
      req.end('{}');
    });
    await vi.waitFor(() => expect(inCore).toBe(true));
    const started = performance.now();
    const closed = server!.close();
    release();
    await closed;
    server = null;
    expect(await answered).toBe(200);
    expect(performance.now() - started).toBeLessThan(2_000);
    agent.destroy();
  });
});

describe('browser transport: request bodies', () => {
  it('refuses a body announced over 32 MB with 413 before reading it', async () => {
    const { port } = await start();
    const res = await raw(
      port,
      `POST /api/party.orgChildren HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        `${TOKEN_HEADER}: secret-token\r\nConnection: close\r\nContent-Length: ${33 * MB}\r\n\r\n{`,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining('超过 32 MB') } });
  });

  it('refuses a streamed body with 413 as soon as it passes 32 MB, and stops reading it', async () => {
    const { port } = await start();
    const res = await upload(port, 200 * MB);
    expect(res.status).toBe(413);
    // Answered while the client was still sending: the rest of the 200 MB was never read.
    expect(res.written).toBeLessThan(48 * MB);
    expect((await api(port)).status).toBe(200);
  });

  it('stops reading every one of many oversized bodies sent at once', async () => {
    const { port } = await start();
    const results = await Promise.all(Array.from({ length: 12 }, () => upload(port, 100 * MB)));
    for (const r of results) expect([413, 503]).toContain(r.status);
    // 1.2 GB offered; each was answered after at most its first 32 MB (plus what was in flight on the socket).
    for (const r of results) expect(r.written).toBeLessThan(48 * MB);
    expect((await api(port)).status).toBe(200);
  });

  it('refuses with 503 the body that would make the bodies held at once pass 64 MB, and takes one once they are done', async () => {
    const { port } = await start();
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    // Three bodies of 30 MB, none finished: whichever crosses 64 MB is refused, and the other two are kept.
    const uploads = Array.from({ length: 3 }, () => upload(port, 30 * MB, { hold }));
    expect((await Promise.race(uploads)).status).toBe(503);
    release();
    // Finished bodies of spaces are read in full and are not JSON: 400.
    expect((await Promise.all(uploads)).map((r) => r.status).sort()).toEqual([400, 400, 503]);
    expect((await upload(port, 30 * MB)).status).toBe(400);
  });
});

describe('browser transport: static files', () => {
  it('answers 404 for a file that vanishes before it is opened, and goes on serving', async () => {
    const { port, staticDir } = await start();
    const file = path.join(staticDir, 'app.js');
    fs.writeFileSync(file, 'console.log(1)');
    const open = fs.createReadStream;
    vi.spyOn(fs, 'createReadStream').mockImplementationOnce((p, o) => {
      fs.rmSync(file);
      return open(p, o);
    });
    expect((await get(port, '/app.js')).status).toBe(404);
    expect((await get(port, '/')).status).toBe(200);
  });

  it('cuts the response off when a file fails mid-stream, and goes on serving', async () => {
    const { port, staticDir } = await start();
    fs.writeFileSync(path.join(staticDir, 'big.js'), Buffer.alloc(4 * MB, 0x61));
    const open = fs.createReadStream;
    vi.spyOn(fs, 'createReadStream').mockImplementationOnce((p, o) => {
      const stream = open(p, o);
      stream.once('data', () => process.nextTick(() => stream.destroy(new Error('EIO: i/o error, read'))));
      return stream;
    });
    const res = await get(port, '/big.js');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeLessThan(4 * MB);
    expect((await get(port, '/')).status).toBe(200);
  });

  it('goes on serving when clients hang up before their file is open', async () => {
    const { port, host } = await start();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        new Promise((resolve) => {
          const socket = net.connect(port, '127.0.0.1', () => socket.end(`GET / HTTP/1.1\r\nHost: ${host}\r\n\r\n`));
          socket.on('error', resolve).on('close', resolve).resume();
        }),
      ),
    );
    expect((await get(port, '/')).status).toBe(200);
  });

  it('answers 503 when the UI has not been built', async () => {
    const { port, staticDir } = await start();
    fs.rmSync(path.join(staticDir, 'index.html'));
    const res = await get(port, '/');
    expect(res.status).toBe(503);
    expect(res.body).toContain('界面尚未构建');
  });
});
