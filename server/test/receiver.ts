// A webhook receiver on loopback for tests: records every request (headers and body) and answers with
// the status codes it is told, in order (then 200).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Status codes for the next requests, first to last; afterwards 200. */
  answer(...codes: number[]): void;
  close(): Promise<void>;
}

export async function startReceiver(reply: (r: Received) => string = () => '{"ok":true}'): Promise<Receiver> {
  const received: Received[] = [];
  let codes: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      res.writeHead(codes.shift() ?? 200, { 'content-type': 'application/json' });
      res.end(reply(r));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (...next) => void (codes = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
