/** Vitest global setup for browser tests: build the sample site once and serve it on loopback. */
import { buildSite } from './build-site.ts';
import { serveStatic } from './static-server.ts';

export default async function setup({ provide }: { provide: (key: 'baseURL' | 'siteDist', value: string) => void }) {
  const result = buildSite({ name: 'e2e' });
  if (result.status !== 0) throw new Error(`The sample site did not build:\n${result.output}`);
  const server = await serveStatic(result.outDir);
  provide('siteDist', result.outDir);
  provide('baseURL', server.baseURL);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
