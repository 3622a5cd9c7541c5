import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_HEADER, startWebServer, TOKEN_HEADER, type WebServer } from '../../main/web/server';
import { tempDir, TEST_PASSWORD, testCore } from './helpers';

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A raw request, so Host and Origin can be set as an attacker's page or a rebinding DNS name would. */
function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function start() {
  const { core, session } = await testCore();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  server = await startWebServer({ core, token: 'secret-token', staticDir });
  const host = `127.0.0.1:${server.port}`;
  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    request(server!.port, {
      path: `/api/${channel}`,
      method: 'POST',
      headers: { host, 'content-type': 'application/json', [TOKEN_HEADER]: 'secret-token', ...headers },
      body: JSON.stringify(body),
    });
  return { core, host, api, port: server.port, session };
}

describe('browser transport', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token in the fragment', async () => {
    await start();
    expect(server!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=secret-token$/);
  });

  it('answers API calls with the router envelope, passing on the signed-in account\'s session', async () => {
    const { api, session } = await start();
    const res = await api('party.orgChildren', {}, { [SESSION_HEADER]: session()! });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: [{ level: 'street_committee' }] });
    // The server's token lets a request in; without an account's session the core answers it with a refusal.
    expect(JSON.parse((await api('party.orgChildren', {})).body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const signIn = JSON.parse((await api('system.signIn', { name: '王芳', password: TEST_PASSWORD })).body);
    expect(JSON.parse((await api('party.orgChildren', {}, { [SESSION_HEADER]: signIn.data.token })).body)).toMatchObject({ ok: true });
  });

  it('refuses a request without the session token or with a wrong one', async () => {
    const { api } = await start();
    expect((await api('party.orgChildren', {}, { [TOKEN_HEADER]: '' })).status).toBe(401);
    expect((await api('party.orgChildren', {}, { [TOKEN_HEADER]: 'guess' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const { api, port } = await start();
    expect((await api('party.orgChildren', {}, { host: `evil.example:${port}` })).status).toBe(403);
    expect((await api('party.orgChildren', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('party.orgChildren', {}, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('refuses writes that are not JSON (a form post from another site) and broken JSON', async () => {
    const { host, port } = await start();
    const form = await request(port, {
      path: '/api/party.createPlace',
      method: 'POST',
      headers: { host, 'content-type': 'application/x-www-form-urlencoded', [TOKEN_HEADER]: 'secret-token' },
      body: 'kind=community&name=x',
    });
    expect(form.status).toBe(415);
    const broken = await request(port, {
      path: '/api/party.createPlace',
      method: 'POST',
      headers: { host, 'content-type': 'application/json', [TOKEN_HEADER]: 'secret-token' },
      body: '{"kind": ',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.code).toBe('VALIDATION');
  });

  it('serves the UI with a strict Content-Security-Policy and never files outside its folder', async () => {
    const { host, port } = await start();
    const index = await request(port, { path: '/', headers: { host } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    const escape = await request(port, { path: '/..%2f..%2fetc%2fpasswd', headers: { host } });
    expect(escape.body).not.toContain('root:');
  });
});
