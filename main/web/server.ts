import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { ErrorCode } from '../api/common/errors';
import type { HostedCore } from '../core-host/client';

export const TOKEN_HEADER = 'x-streetdesk-token';
/** The signed-in account's session (main/api/sessions.ts), which the core checks; the server only passes it on. */
export const SESSION_HEADER = 'x-streetdesk-session';

/**
 * The biggest legitimate body is a data package to import: at most 32,000,000 base64 characters
 * (main/api/submission/contract.ts; an import file's 20 MB is 27,962,028). 32 MiB leaves room for the rest of the JSON.
 */
const MAX_BODY = 32 * 1024 * 1024;
/** Bodies held at once over all requests: two of the biggest; past that, memory and not the user would be waiting. */
const MAX_HELD = 2 * MAX_BODY;

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

/** A request refused with its status and the sentence the user sees. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ErrorCode = 'FORBIDDEN',
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const refuse = (res: http.ServerResponse, { status, code, message }: Refusal) => send(res, status, { ok: false, error: { code, message } });

const TOO_LARGE = new Refusal(413, '请求内容超过 32 MB，未处理。数据包或文件请拆分后分几次导入', 'VALIDATION');
const BUSY = new Refusal(503, '同时提交的内容太多，服务器暂不接收。请等前一项完成后重试', 'INTERNAL');
const CUT_OFF = new Refusal(400, '请求内容没有完整发送', 'VALIDATION');
const UNBUILT = new Refusal(503, '界面尚未构建：请先运行 npm run build', 'INTERNAL');
const FAILED = '请求没有完成。请重试；如果问题持续，请联系技术支持（详情已写入日志）';

/**
 * Reads a body, refusing it as soon as it is known to pass MAX_BODY — by its Content-Length, or while it streams —
 * or to push the bodies held by all requests past MAX_HELD. A body read in full counts as held until its response
 * is done, because its text and parsed input live that long.
 */
function readBody(req: http.IncomingMessage, res: http.ServerResponse, bodies: { held: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    res.once('close', () => (bodies.held -= size));
    const stop = (refusal: Refusal) => {
      reject(refusal);
      bodies.held -= size;
      size = 0;
      chunks = [];
      // The rest is read and dropped, so that the client can read the answer (closing now would reset the
      // connection under it), but only up to another MAX_BODY: then the connection is closed.
      let dropped = 0;
      req.off('data', onData).on('data', (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > MAX_BODY) req.socket.destroy();
      });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      bodies.held += chunk.length;
      if (size > MAX_BODY) stop(TOO_LARGE);
      else if (bodies.held > MAX_HELD) stop(BUSY);
      else chunks.push(chunk);
    };
    req.on('data', onData);
    if (Number(req.headers['content-length']) > MAX_BODY) stop(TOO_LARGE);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('close', () => reject(CUT_OFF)); // after 'end' for a complete body, so then it changes nothing
    req.once('error', () => reject(CUT_OFF));
  });
}

/** The request's path, percent-decoded, or null when it does not decode (`/%`, a cut-off UTF-8 sequence). */
function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
}

// Digests have one length whatever was sent, so timingSafeEqual neither throws nor tells the token's length.
const digest = (text: string) => crypto.createHash('sha256').update(text).digest();

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Streams a file: one that cannot be opened (gone since it was found) is answered `missing`; one failing later is cut off. */
function serveFile(res: http.ServerResponse, file: string, missing: Refusal) {
  const stream = fs.createReadStream(file);
  stream.once('error', () => {
    if (!res.headersSent) refuse(res, missing);
  });
  stream.once('open', () => {
    // The tab may have gone while the file was being opened: piping into a destroyed response throws at once.
    if (res.destroyed) return stream.destroy();
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    // pipeline destroys both sides on a read error or a closed tab; neither is ours to report.
    pipeline(stream, res, () => undefined);
  });
}

/**
 * Browser mode: the API at `POST /api/<channel>` and the built renderer, on 127.0.0.1 only.
 * Every API call needs the session token; a foreign Host or Origin (DNS rebinding, another site) is refused.
 * No request can stop the server: a bad one is answered 4xx, and anything unexpected is logged and answered 500.
 */
export function startWebServer(opts: { core: Pick<HostedCore, 'dispatch' | 'services'>; token: string; port?: number; staticDir: string }): Promise<WebServer> {
  const { log } = opts.core.services;
  const token = digest(opts.token);
  const index = path.join(opts.staticDir, 'index.html');
  const bodies = { held: 0 };
  let allowedHosts = new Set<string>();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, new Refusal(403, '拒绝访问：主机名不符'));
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return refuse(res, new Refusal(403, '拒绝访问：来源不符'));
    const pathname = decodedPath(req.url);
    if (pathname === null) return refuse(res, new Refusal(400, '请求地址无效', 'VALIDATION'));

    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, new Refusal(405, '仅支持 POST'));
      const given = req.headers[TOKEN_HEADER];
      if (typeof given !== 'string' || !crypto.timingSafeEqual(digest(given), token)) {
        return refuse(res, new Refusal(401, '拒绝访问：缺少或错误的会话令牌'));
      }
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(res, new Refusal(415, '请求格式应为 JSON'));
      }
      const text = await readBody(req, res, bodies);
      let input: unknown;
      try {
        input = text ? JSON.parse(text) : {};
      } catch {
        return refuse(res, new Refusal(400, '请求内容不是有效的 JSON', 'VALIDATION'));
      }
      const session = req.headers[SESSION_HEADER];
      return send(res, 200, await opts.core.dispatch(pathname.slice(5), input, typeof session === 'string' ? session : undefined));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, new Refusal(405, '不支持的请求'));
    const file = path.resolve(opts.staticDir, pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, ''));
    if (!file.startsWith(path.resolve(opts.staticDir) + path.sep)) return refuse(res, new Refusal(403, '拒绝访问'));
    const target = isFile(file) ? file : index;
    serveFile(res, target, target === index ? UNBUILT : new Refusal(404, '找不到文件', 'NOT_FOUND'));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof Refusal) return refuse(res, err);
      log.error(`web: ${req.method} ${req.url} failed`, err);
      if (res.headersSent) return res.destroy();
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: FAILED } });
    });
  });
  // An idle keep-alive connection is closed by the client first (browsers and undici keep them 4–5 s), never by the
  // server just as the client reuses it: with Node's 5 s the two timers raced after a long synchronous step (the
  // background integrity check at district scale) and the next request failed with ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      // Once listening, an error (too many open connections to accept another) is the server's, not a reason to exit.
      server.on('error', (err) => log.error('web: server error', err));
      const port = (server.address() as { port: number }).port;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#token=${opts.token}`,
        close: () =>
          new Promise((r) => {
            // Connections kept alive for a next request (65 s, above) hold a close that long: one idle now is closed
            // at once, one still answering as soon as its answer is out (seen: a restart's SIGTERM that waited past
            // 30 s because the page had a request in flight). The close itself still waits for every answer.
            const sweep = setInterval(() => server.closeIdleConnections(), 50);
            server.close(() => (clearInterval(sweep), r()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}
