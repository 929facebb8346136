// Serves the built web bundle; unknown non-API paths fall back to index.html for client-side routing.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sendError } from './errors.ts';

export const webPlugin = fp<{ root: string }>(async (app, opts) => {
  if (!existsSync(join(opts.root, 'index.html'))) {
    app.log.warn(`web bundle not found in ${opts.root}; serving the API only`);
    return;
  }
  await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: false });
  const spa = (reply: { sendFile: (f: string) => unknown }) => reply.sendFile('index.html');
  app.get('/', (_req, reply) => spa(reply));
  app.get('/*', (req, reply) => {
    if (req.url.startsWith('/api/')) return sendError(req, reply, 404, 'route_not_found');
    const file = req.url.split('?')[0];
    if (/\.[a-z0-9]+$/i.test(file)) return reply.sendFile(file.slice(1));
    return spa(reply);
  });
});
