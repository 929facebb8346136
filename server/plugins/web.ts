// Serves the built web bundle; unknown non-API paths fall back to index.html for client-side routing.
// The build (scripts/build.mjs) writes a brotli and a gzip copy beside each compressible file; a
// browser that accepts one is sent it. Files under /assets have a content hash in their names and
// never change, so browsers keep them for a year; index.html names the current ones and is
// revalidated on every load.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { sendError } from './errors.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export const webPlugin = fp<{ root: string }>(async (app, opts) => {
  if (!existsSync(join(opts.root, 'index.html'))) {
    app.log.warn(`web bundle not found in ${opts.root}; serving the API only`);
    return;
  }
  const assets = join(opts.root, 'assets') + sep;
  await app.register(fastifyStatic, {
    root: opts.root,
    // Our routes below choose the file; no route per file is registered (nor the bundle listed at start-up).
    serve: false,
    preCompressed: true,
    cacheControl: false,
    // Called only once a file is found, so a missing asset's 404 is never cached.
    setHeaders: (reply, path) => void reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache'),
  });
  const spa = (reply: { sendFile: (f: string) => unknown }) => reply.sendFile('index.html');
  app.get('/', (_req, reply) => spa(reply));
  app.get('/*', (req, reply) => {
    if (req.url.startsWith('/api/')) return sendError(req, reply, 404, 'route_not_found');
    const file = req.url.split('?')[0];
    if (/\.[a-z0-9]+$/i.test(file)) return reply.sendFile(file.slice(1));
    return spa(reply);
  });
});
