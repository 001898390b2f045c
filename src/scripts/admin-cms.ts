/**
 * The web editor at /admin/: Decap CMS bundled from decap-cms-app, started with the configuration
 * the page generated from the content schemas (src/lib/admin/config.ts), in Vietnamese, with the
 * portal's own date box, Word import, page-like preview and status words (src/scripts/admin/).
 */
import CMS from 'decap-cms-app';
import { fromJS } from 'immutable';
import { DATE_WIDGET, WORD_MARKDOWN_WIDGET, type AdminSetup } from '../lib/admin/config.ts';
import { decapOverrides, mergePhrases, type Phrases } from '../lib/admin/locale.ts';
import { normalizeFields } from '../lib/admin/save.ts';
import { isBlank, isEditorEntry, withStatus } from '../lib/admin/workflow.ts';
import { DateControl, DatePreview } from './admin/date-widget.ts';
import { showStatusInLists } from './admin/list-status.ts';
import { PagePreview } from './admin/page-preview.ts';
import { wordMarkdownControl } from './admin/word-widget.ts';

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
}

const BACKENDS = ['proxy', 'github', 'gitlab', 'gitea', 'forgejo', 'git-gateway', 'bitbucket', 'azure', 'test-repo'];

const setupElement = document.getElementById('cms-setup');
const setup = JSON.parse(setupElement?.textContent ?? '{}') as AdminSetup;

/** The parts of Decap's registry this script uses beyond its typings. */
interface Registry {
  getBackend(name: string): BackendEntry | undefined;
  getLocale(locale: string): Phrases | undefined;
  registerLocale(locale: string, phrases: Phrases): void;
  getWidget(name: string): { control: unknown; preview?: unknown } | undefined;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerPreviewStyle(url: string): void;
}
const registry = CMS as unknown as Registry;

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

/** Collections by name, for the save rules. */
const collections = new Map(setup.config.collections.map((collection) => [collection.name, collection]));

const toPlain = (value: unknown): unknown =>
  value && typeof value === 'object' && 'toJS' in value && typeof value.toJS === 'function' ? value.toJS() : value;

adaptBackends(registry);

// Decap's Vietnamese, completed; also as "en", which Decap speaks before it has read the config.
const phrases = mergePhrases(registry.getLocale('vi') ?? {}, decapOverrides());
registry.registerLocale('vi', phrases);
registry.registerLocale('en', phrases);

registry.registerWidget(DATE_WIDGET, DateControl, DatePreview);
const markdown = registry.getWidget('markdown');
if (markdown) {
  const control = markdown.control as Parameters<typeof wordMarkdownControl>[0];
  registry.registerWidget(WORD_MARKDOWN_WIDGET, wordMarkdownControl(control), markdown.preview);
}

const previewCss = setupElement?.dataset['previewCss'];
if (previewCss) registry.registerPreviewStyle(previewCss);
for (const collection of setup.config.collections) registry.registerPreviewTemplate(collection.name, PagePreview);

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: ImmutableMap }) => {
    const collection = collections.get(String(entry.get('collection')));
    const fields = collection?.fields ?? [];
    const required = new Set(fields.filter((field) => field.required !== false).map((field) => field.name));
    const data = toPlain(entry.get('data')) as Record<string, unknown>;
    // The schemas refuse "" for an optional field; Decap writes it for a field left blank.
    const kept = Object.fromEntries(
      Object.entries(data).filter(([key, value]) => required.has(key) || !isBlank(value)),
    );
    // Upload paths relative to the file ("./images/x.jpg"), the body MDX-safe: what the checker accepts.
    return fromJS(normalizeFields(fields, kept));
  },
});

// decap-server (Git mode) checks out a cms/* branch in this very checkout to read a draft; the dev
// server sees content/ change and would reload the editor, which reads the draft again, endlessly.
// The editor keeps its own state, so it declines those reloads (the path names no page).
if (import.meta.hot) {
  import.meta.hot.on('vite:beforeFullReload', (payload: { path?: string }) => {
    payload.path = '/admin/.kept-open.html';
  });
}

showStatusInLists();

CMS.init({
  config: {
    ...setup.config,
    // decap-server is reached through this origin (the dev server proxies /api/v1); the trailing
    // slash keeps Astro's trailingSlash: 'always' check from answering 404 before the proxy.
    local_backend: { url: new URL('/api/v1/', window.location.href).href },
  } as never,
});
