/**
 * What the search page loads of Pagefind's scripts, made smaller and fewer at build time.
 *
 * Pagefind's component UI script carries the strings of all its 46 languages: 16 of its 40 KB
 * (gzip) that a Vietnamese portal's first search never uses. `ownUiStrings` puts the site's own
 * strings in place of Pagefind's Vietnamese ones and empties every other language, so the components
 * draw the site's wording from their first render (a filter's "Xoá" button is drawn once, before any
 * script could change it). Pagefind falls back per language, not per key, so the site's strings
 * must hold every key Pagefind's English has. `combineSearchScripts` then joins the UI and
 * Pagefind's core into one file.
 * Both read Pagefind 1.6's minified output: each step checks that it found exactly what it expects
 * and throws otherwise, so an upgrade that changes the layout fails the build instead of shipping a
 * broken search.
 *
 * Pure: source text in, source text out.
 */

const id = String.raw`[\w$]+`;
const literal = String.raw`(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\`(?:[^\`\\$]|\\.)*\`)`;
// `var We={};h(We,{comments:()=>_s,default:()=>Es,direction:()=>fs,strings:()=>gs,thanks_to:()=>ms})`
const MODULE = new RegExp(
  String.raw`var (${id})=\{\};${id}\(\1,\{comments:\(\)=>${id},default:\(\)=>${id},direction:\(\)=>${id},strings:\(\)=>(${id}),thanks_to:\(\)=>${id}\}\)`,
  'g',
);
const PATHS = /\[((?:"\.\.\/\.\.\/translations\/[\w-]+\.json",?)+)\]/g;

const escapeName = (name: string) => name.replace(/\$/g, '\\$');

/** The language whose keys are all the keys the UI may ask for. */
const REFERENCE_LANGUAGE = 'en';

/**
 * Replaces the strings of each language in `own` with the given ones and empties those of every
 * other language of Pagefind's component UI.
 */
export function ownUiStrings(source: string, own: Readonly<Record<string, Readonly<Record<string, string>>>>): string {
  const modules = [...source.matchAll(MODULE)].map((match) => ({ module: match[1] ?? '', strings: match[2] ?? '' }));
  const pathLists = [...source.matchAll(PATHS)];
  if (modules.length < 2 || pathLists.length !== 1)
    throw new Error(
      `Pagefind UI: expected its translation table, found ${modules.length} language modules and ${pathLists.length} path lists`,
    );
  // The bundler lists the modules in the order of their paths: check that order before pairing them.
  const order = `[${modules.map((item) => item.module).join(',')}]`;
  if (!source.includes(order)) throw new Error('Pagefind UI: the language modules are not listed in one array');
  const languages = [...(pathLists[0]?.[1] ?? '').matchAll(/translations\/([\w-]+)\.json/g)].map((m) => m[1] ?? '');
  if (languages.length !== modules.length)
    throw new Error(`Pagefind UI: ${languages.length} translation paths for ${modules.length} language modules`);
  const missing = [REFERENCE_LANGUAGE, ...Object.keys(own)].filter((language) => !languages.includes(language));
  if (missing.length > 0) throw new Error(`Pagefind UI: no translation for ${missing.join(', ')}`);

  const definitions = modules.map((item, i) => {
    const pattern = new RegExp(
      String.raw`(^|[,;\s]|var )${escapeName(item.strings)}=\{((?:${id}:${literal},?)*)\}`,
      'g',
    );
    const found = [...source.matchAll(pattern)];
    if (found.length !== 1)
      throw new Error(`Pagefind UI: found the strings of "${languages[i]}" ${found.length} times, expected once`);
    return { language: languages[i] ?? '', name: item.strings, pattern, body: found[0]?.[2] ?? '' };
  });
  const reference = definitions.find((definition) => definition.language === REFERENCE_LANGUAGE);
  const keys = [...(reference?.body ?? '').matchAll(new RegExp(String.raw`(${id}):${literal}`, 'g'))].map((m) => m[1]);
  for (const [language, strings] of Object.entries(own)) {
    const lacking = keys.filter((key) => key !== undefined && !(key in strings));
    if (lacking.length > 0) throw new Error(`Pagefind UI: the strings for "${language}" lack ${lacking.join(', ')}`);
  }

  let out = source;
  for (const definition of definitions) {
    const strings = own[definition.language] ?? {};
    // A function, not a replacement string: the site's strings may hold "$".
    out = out.replace(
      definition.pattern,
      (_match, before: string) => `${before}${definition.name}=${JSON.stringify(strings)}`,
    );
  }
  return out;
}

/** The component UI's elements the search page uses (src/components/search-panel/SearchPanel.astro). */
export const SITE_COMPONENTS = ['config', 'input', 'summary', 'results', 'filter-dropdown'] as const;

const REGISTRATION = new RegExp(
  String.raw`customElements\.get\("pagefind-([\w-]+)"\)\|\|customElements\.define\("pagefind-\1",(${id})\);?`,
  'g',
);
const EXPORTS = new RegExp(String.raw`${id}\(${id},\{((?:Pagefind\w+:\(\)=>${id},?)+(?:\w+:\(\)=>${id},?)*)\}\)`);

/**
 * Pagefind's component UI with only the elements the page uses registered and exported: the others
 * (modal, searchbox, filter pane, keyboard hints) are then unreferenced, so minifying the UI as a
 * module (`unwrapScope`) drops their code, a fifth of the script.
 */
export function withoutComponents(source: string, keep: readonly string[]): string {
  const registered = [...source.matchAll(REGISTRATION)].map((match) => ({
    tag: match[1] ?? '',
    name: match[2] ?? '',
    text: match[0],
  }));
  const missing = keep.filter((tag) => !registered.some((item) => item.tag === tag));
  if (registered.length === 0 || missing.length > 0)
    throw new Error(`Pagefind UI: found no registration of pagefind-${missing.join(', pagefind-') || '…'}`);
  const exported = EXPORTS.exec(source);
  if (!exported) throw new Error('Pagefind UI: expected the export map of its components');
  const dropped = registered.filter((item) => !keep.includes(item.tag));
  const names = new Set(dropped.map((item) => item.name));
  const map = (exported[1] ?? '')
    .split(',')
    .filter((entry) => !names.has(entry.split('=>')[1] ?? ''))
    .join(',');
  let out = source.replace(exported[0], exported[0].replace(exported[1] ?? '', map));
  for (const item of dropped) out = out.replace(item.text, '');
  return out;
}

const SCOPE_START = '"use strict";(()=>{';
const SCOPE_END = /\}\)\(\);\s*$/;

/** The UI's statements without the function scope around them, so a minifier can drop what nothing uses. */
export function unwrapScope(source: string): string {
  if (!source.startsWith(SCOPE_START) || !SCOPE_END.test(source))
    throw new Error('Pagefind UI: expected one function scope around the whole script');
  return source.slice(SCOPE_START.length).replace(SCOPE_END, '');
}

/** The UI's statements back in their own function scope (its names stay apart from the core's). */
export function wrapScope(body: string): string {
  return `${SCOPE_START}${body}})();`;
}

/**
 * The global function, if the page defines one, that receives each Pagefind instance the UI creates
 * and returns the instance the UI uses (src/components/search-panel/search-panel.ts).
 */
export const SEARCH_HOOK = 'portalWrapPagefind';

/** The one place the component UI loads Pagefind's core: a dynamic import of pagefind.js. */
const CORE_IMPORT = 'import(`${this.options.bundlePath}pagefind.js`)';

/**
 * One ES module holding Pagefind's core (pagefind.js) and its component UI, where the UI would
 * otherwise import the core in a second request once it starts. The core's exports become a local
 * object the UI receives in place of the import; the UI stays inside its own function scope.
 */
export function combineSearchScripts(core: string, ui: string): string {
  const exported = /export\s*\{([^}]*)\};?\s*$/.exec(core);
  if (!exported) throw new Error('Pagefind core: expected one export list at its end');
  const members = (exported[1] ?? '').split(',').map((name) => {
    const [local = '', as = local] = name.trim().split(/\s+as\s+/);
    return `${as}:${local}`;
  });
  if (!members.includes('createInstance:createInstance'))
    throw new Error('Pagefind core: it exports no createInstance');
  const imports = ui.split(CORE_IMPORT).length - 1;
  if (imports !== 1) throw new Error(`Pagefind UI: found its import of pagefind.js ${imports} times, expected once`);
  if (!/^"use strict";\(\(\)=>\{[\s\S]*\}\)\(\);\s*$/.test(ui))
    throw new Error('Pagefind UI: expected one function scope around the whole script');
  return [
    core.slice(0, exported.index),
    `const portalPagefindCore={${members.join(',')}};`,
    // The core finds its folder from its own file name, which is no longer pagefind.js: pass it.
    // The page may wrap each instance (SEARCH_HOOK), to run the site's query expansion and ranking.
    ui.replace(
      CORE_IMPORT,
      () =>
        `Promise.resolve({...portalPagefindCore,createInstance:(o)=>{const i=portalPagefindCore.createInstance({basePath:this.options.bundlePath,...o});const w=globalThis.${SEARCH_HOOK};return typeof w==='function'?w(i):i}})`,
    ),
  ].join('\n');
}
