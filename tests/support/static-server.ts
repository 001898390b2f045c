/** Serves a built dist/ on a loopback port for browser tests (nginx replaces it where installed). */
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';

/** Starts a static server; resolves with its base URL and a close function. */
export async function serveStatic(root: string, port = 0): Promise<{ baseURL: string; close: () => Promise<void> }> {
  const handler = sirv(root, { dev: false, etag: true });
  const server: Server = createServer((request, response) =>
    handler(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('No server address');
  return {
    baseURL: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
