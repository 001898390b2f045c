/**
 * The web editor at /admin/: Decap CMS bundled from decap-cms-app, started with the configuration
 * the page generated from the content schemas (src/lib/admin/config.ts).
 */
import CMS from 'decap-cms-app';
import type { AdminSetup } from '../lib/admin/config.ts';
import { isBlank, isEditorEntry, withStatus } from '../lib/admin/workflow.ts';

/** What this script needs of a Decap backend implementation. */
interface Implementation {
  entriesByFolder(folder: string, extension: string, depth: number): Promise<{ file: { path: string } }[]>;
  allEntriesByFolder?(
    folder: string,
    extension: string,
    depth: number,
    regex?: RegExp,
  ): Promise<{ file: { path: string } }[]>;
  unpublishedEntry?(args: { collection: string; slug: string }): Promise<{ diffs: { path: string }[] }>;
  publishUnpublishedEntry?(collection: string, slug: string): Promise<unknown>;
  getEntry(path: string): Promise<{ data: string | null }>;
  persistEntry(
    entry: { dataFiles: { path: string; slug: string; raw: string }[]; assets: never[] },
    options: Record<string, unknown>,
  ): Promise<unknown>;
}

/** Decap's registry entry for a backend; `init` builds the implementation. */
interface BackendEntry {
  init: (...args: unknown[]) => Implementation;
}

/** Immutable.js maps as Decap hands them to event handlers (only what is used). */
interface ImmutableMap {
  get(key: string): unknown;
  filter(predicate: (value: unknown, key: string) => boolean): ImmutableMap;
}

const BACKENDS = ['proxy', 'github', 'gitlab', 'gitea', 'forgejo', 'git-gateway', 'bitbucket', 'azure', 'test-repo'];

const setupElement = document.getElementById('cms-setup');
const setup = JSON.parse(setupElement?.textContent ?? '{}') as AdminSetup;

/** Wraps every Git backend so listings respect the content contract and Publish sets `status`. */
function adaptBackends(registry: { getBackend(name: string): BackendEntry | undefined }): void {
  for (const name of BACKENDS) {
    const entry = registry.getBackend(name);
    if (!entry) continue;
    const init = entry.init;
    entry.init = (...args: unknown[]) => adapt(init(...args));
  }
}

/** One backend instance, adapted in place. */
function adapt(implementation: Implementation): Implementation {
  const byFolder = implementation.entriesByFolder.bind(implementation);
  // A month folder holds the issue and its sections; each collection keeps only its own files.
  implementation.entriesByFolder = async (folder, extension, depth) =>
    (await byFolder(folder, extension, depth)).filter((item) =>
      isEditorEntry(setup.entryKinds, folder, item.file.path),
    );
  const allByFolder = implementation.allEntriesByFolder?.bind(implementation);
  if (allByFolder) {
    implementation.allEntriesByFolder = async (folder, extension, depth, regex) =>
      (await allByFolder(folder, extension, depth, regex)).filter((item) =>
        isEditorEntry(setup.entryKinds, folder, item.file.path),
      );
  }
  const publish = implementation.publishUnpublishedEntry?.bind(implementation);
  const unpublished = implementation.unpublishedEntry?.bind(implementation);
  if (publish && unpublished) {
    // Publish (from "Sẵn sàng") is what makes an item public: merge, then set status: published.
    implementation.publishUnpublishedEntry = async (collection, slug) => {
      const { diffs } = await unpublished({ collection, slug });
      const result = await publish(collection, slug);
      for (const { path } of diffs.filter((diff) => diff.path.endsWith('.mdx'))) {
        const { data } = await implementation.getEntry(path);
        if (data === null) continue;
        const raw = withStatus(data, 'published');
        if (raw === data) continue;
        await implementation.persistEntry(
          { dataFiles: [{ path, slug, raw }], assets: [] },
          { useWorkflow: false, collectionName: collection, commitMessage: `Đăng ${path}` },
        );
      }
      return result;
    };
  }
  return implementation;
}

/** Required field names per collection, for dropping blank optional fields on save. */
const requiredFields = new Map(
  setup.config.collections.map((collection) => [
    collection.name,
    new Set(collection.fields.filter((field) => field.required !== false).map((field) => field.name)),
  ]),
);

const toPlain = (value: unknown): unknown =>
  value && typeof value === 'object' && 'toJS' in value && typeof value.toJS === 'function' ? value.toJS() : value;

adaptBackends(CMS as unknown as { getBackend(name: string): BackendEntry | undefined });

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: ImmutableMap }) => {
    const required = requiredFields.get(String(entry.get('collection'))) ?? new Set<string>();
    const data = entry.get('data') as ImmutableMap;
    // The schemas refuse "" for an optional field; Decap writes it for a field left blank.
    return data.filter((value, key) => required.has(key) || !isBlank(toPlain(value)));
  },
});

CMS.init({
  config: {
    ...setup.config,
    // decap-server is reached through this origin (the dev server proxies /api/v1); the trailing
    // slash keeps Astro's trailingSlash: 'always' check from answering 404 before the proxy.
    local_backend: { url: new URL('/api/v1/', window.location.href).href },
  } as never,
});
