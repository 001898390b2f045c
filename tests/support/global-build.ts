/** Vitest global setup: build the sample site once; build-output tests read it from SITE_DIST. */
import { buildSite } from './build-site.ts';

export default function setup({ provide }: { provide: (key: 'siteDist', value: string) => void }) {
  const result = buildSite({ name: 'site' });
  if (result.status !== 0) throw new Error(`The sample site did not build:\n${result.output}`);
  provide('siteDist', result.outDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDist: string;
  }
}
