/**
 * Gives the /admin/ page its script: in a build, the esbuild bundle of src/admin-bundle.ts (kept
 * between builds) copied into dist/; under `astro dev`, the source itself, which Vite serves.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { adminBundle, copyAdminBundle, type AdminBundle } from '../admin-bundle.ts';

const MODULE = 'virtual:portal/admin-script';

export function adminScript(): AstroIntegration {
  let bundle: Promise<AdminBundle> | undefined;
  return {
    name: 'portal:admin-script',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const cacheDir = join(fileURLToPath(config.cacheDir), 'admin-bundle');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'portal:admin-script',
                resolveId: (id) => (id === MODULE ? `\0${MODULE}` : undefined),
                async load(id) {
                  if (id !== `\0${MODULE}`) return undefined;
                  if (command === 'dev') return `export default '/src/scripts/admin-cms.ts';`;
                  bundle ??= adminBundle(root, cacheDir);
                  return `export default ${JSON.stringify((await bundle).entryUrl)};`;
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir }) => {
        if (bundle) copyAdminBundle(await bundle, fileURLToPath(dir));
      },
    },
  };
}
