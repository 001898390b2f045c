/**
 * A loopback static server for offline tests: it can switch the site it serves (a new deploy)
 * and drop off the network entirely (every open connection cut, new ones refused).
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import sirv from 'sirv';

export interface SwitchableServer {
  baseURL: string;
  /** Serve another built site from now on, as a deploy would. */
  serve(root: string): void;
  /** Cut the network: close the listener and every kept-alive connection. */
  goOffline(): Promise<void>;
  /** Listen again on the same port. */
  goOnline(): Promise<void>;
}

/** Starts serving `root` on a free loopback port. */
export async function switchableServer(root: string): Promise<SwitchableServer> {
  // HTML revalidates on every visit, like the production server (the HTTP cache must not hide a deploy).
  const handlerFor = (dir: string) =>
    sirv(dir, {
      dev: false,
      etag: true,
      setHeaders: (response, path) => path.endsWith('.html') && response.setHeader('Cache-Control', 'no-cache'),
    });
  let handler = handlerFor(root);
  const sockets = new Set<Socket>();
  let server: Server;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((request, response) =>
        handler(request, response, () => {
          response.statusCode = 404;
          response.end('Not found');
        }),
      );
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        if (address && typeof address !== 'string') port = address.port;
        resolve();
      });
    });
  await listen();
  return {
    baseURL: `http://127.0.0.1:${port}`,
    serve: (dir) => {
      handler = handlerFor(dir);
    },
    goOffline: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
    goOnline: listen,
  };
}
