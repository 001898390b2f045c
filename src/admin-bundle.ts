/**
 * The web editor's script (Decap CMS, about 7 MB) is bundled by esbuild outside Astro's client build
 * and kept between builds: it changes only when its own code or its packages do, yet bundling it
 * was most of every build's client step. The cache is keyed by the bytes of every file esbuild read.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, version } from 'esbuild';

/** Where the entry is served from, under the site's hashed-assets folder. */
export const ADMIN_ASSETS = '_astro/admin';

/** The editor's entry script, relative to the project. */
const ENTRY = 'src/scripts/admin-cms.ts';

/** A bundle ready to copy into dist/: its folder and the entry's public path. */
export interface AdminBundle {
  dir: string;
  entryUrl: string;
}

interface Manifest {
  /** The bundle's own folder name (the hash of its inputs). */
  key: string;
  entry: string;
  /** Every input esbuild read, relative to the project, with the SHA-256 of its bytes. */
  inputs: Record<string, string>;
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Whether a cached bundle's inputs are all still byte for byte the same. */
function stillValid(root: string, manifest: Manifest): boolean {
  return Object.entries(manifest.inputs).every(([path, hash]) => {
    const full = resolve(root, path);
    return existsSync(full) && fileHash(full) === hash;
  });
}

/** The editor's bundle, from the cache when none of its inputs changed, else bundled anew. */
export async function adminBundle(root: string, cacheDir: string, entryFile = ENTRY): Promise<AdminBundle> {
  const manifestFile = join(cacheDir, 'manifest.json');
  const entryUrl = (manifest: Manifest) => `/${ADMIN_ASSETS}/${manifest.entry}`;
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const dir = join(cacheDir, manifest.key);
    if (existsSync(dir) && stillValid(root, manifest)) return { dir, entryUrl: entryUrl(manifest) };
  }
  const staging = join(cacheDir, `staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { 'admin-cms': entryFile },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // Vietnamese strings as they are, not \u escapes (module scripts are read as UTF-8).
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    entryNames: '[name].[hash]',
    chunkNames: '[name].[hash]',
    outdir: staging,
    metafile: true,
    logLevel: 'error',
  });
  const inputs: Record<string, string> = { 'package-lock.json': fileHash(join(root, 'package-lock.json')) };
  for (const input of Object.keys(result.metafile.inputs)) {
    // Inputs esbuild made up itself ("<define:…>") have no file.
    const full = resolve(root, input);
    if (existsSync(full)) inputs[relative(root, full)] = fileHash(full);
  }
  const entry = readdirSync(staging).find((name) => name.startsWith('admin-cms.') && name.endsWith('.js'));
  if (!entry) throw new Error(`esbuild ${version} wrote no admin-cms entry in ${staging}`);
  const key = createHash('sha256')
    .update(JSON.stringify([version, inputs]))
    .digest('hex')
    .slice(0, 16);
  const dir = join(cacheDir, key);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  renameSync(staging, dir);
  const manifest: Manifest = { key, entry, inputs };
  // Old bundles go; the manifest is written last, so a crash leaves at worst a rebuild.
  for (const name of readdirSync(cacheDir))
    if (name !== key && name !== 'manifest.json') rmSync(join(cacheDir, name), { recursive: true, force: true });
  writeFileSync(manifestFile, `${JSON.stringify(manifest)}\n`);
  return { dir, entryUrl: entryUrl(manifest) };
}

/** Copies a bundle into a built site. */
export function copyAdminBundle(bundle: AdminBundle, outDir: string): void {
  cpSync(bundle.dir, join(outDir, ADMIN_ASSETS), { recursive: true });
}
