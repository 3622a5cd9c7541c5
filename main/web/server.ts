import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Core } from '../core';

export const TOKEN_HEADER = 'x-streetdesk-token';
const MAX_BODY = 32 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** The same policy the Electron window sets: nothing but our own files, no remote content. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const refuse = (res: http.ServerResponse, status: number, message: string) =>
  send(res, status, { ok: false, error: { code: 'FORBIDDEN', message } });

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Browser mode: the API at `POST /api/<channel>` and the built renderer, on 127.0.0.1 only.
 * Every API call needs the session token; a foreign Host or Origin (DNS rebinding, another site) is refused.
 */
export function startWebServer(opts: { core: Core; token: string; port?: number; staticDir: string }): Promise<WebServer> {
  let allowedHosts = new Set<string>();

  const server = http.createServer(async (req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return refuse(res, 403, '拒绝访问：主机名不符');
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return refuse(res, 403, '拒绝访问：来源不符');
    const url = new URL(req.url ?? '/', 'http://localhost');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, '仅支持 POST');
      if (req.headers[TOKEN_HEADER] !== opts.token) return refuse(res, 401, '拒绝访问：缺少或错误的会话令牌');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(res, 415, '请求格式应为 JSON');
      }
      let input: unknown;
      try {
        const text = await readBody(req);
        input = text ? JSON.parse(text) : {};
      } catch {
        return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } });
      }
      const envelope = await opts.core.dispatch(decodeURIComponent(url.pathname.slice(5)), input);
      return send(res, 200, envelope);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(opts.staticDir, rel);
    if (!file.startsWith(path.resolve(opts.staticDir) + path.sep)) return refuse(res, 403, '拒绝访问');
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(opts.staticDir, 'index.html');
    if (!fs.existsSync(target)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('界面尚未构建：请先运行 npm run build');
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(target).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#token=${opts.token}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
