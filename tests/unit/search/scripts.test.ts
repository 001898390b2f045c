import { describe, expect, it } from 'vitest';
import { transform } from 'esbuild';
import {
  combineSearchScripts,
  ownUiStrings,
  SEARCH_HOOK,
  unwrapScope,
  withoutComponents,
  wrapScope,
} from '../../../src/lib/search/scripts.ts';

/** One language module laid out as Pagefind 1.6's minified component UI lays it out. */
const module = (name: string, strings: string, fields: string) =>
  `var ${name}={};h(${name},{comments:()=>${name}c,default:()=>${name}d,direction:()=>${name}r,strings:()=>${strings},thanks_to:()=>${name}t});` +
  `var ${name}t="someone",${name}c="",${name}r="ltr",${strings}={${fields}},${name}d={thanks_to:${name}t,strings:${strings}};`;

const source = [
  'var h=(a,b)=>{};',
  module('A', 'sa', 'placeholder:"Soek",load_more:"Laai nog"'),
  module('B', 'sb', 'placeholder:"Search",many_results:"[COUNT] results for [SEARCH_TERM]"'),
  module('C', 'sc', String.raw`placeholder:"T\xECm ki\u1EBFm",clear_search:'X\'o'`),
  module('D', 'sd', 'placeholder:`Suchen`,load_more:"Weitere {laden}"'),
  'var L=[A,B,C,D],J=L,P=["../../translations/af.json","../../translations/en.json","../../translations/vi.json","../../translations/de.json"];',
  'function use(){return L}',
].join('');

describe('ownUiStrings', () => {
  const own = {
    placeholder: 'Tìm tài liệu',
    many_results: '[COUNT] kết quả, $1 $& không phải mẫu',
  };

  it('puts the site\'s strings in place of one language\'s, "$" and all, and empties every other', () => {
    const out = ownUiStrings(source, { vi: own });
    expect(out).toContain(`sc=${JSON.stringify(own)},Cd=`);
    for (const name of ['sa', 'sb', 'sd']) expect(out).toContain(`${name}={},`);
    for (const text of ['Soek', 'Search', 'T\\xECm ki', 'Weitere']) expect(out).not.toContain(text);
    expect(out).toContain('var L=[A,B,C,D]');
    expect(out.endsWith('function use(){return L}')).toBe(true);
  });

  it("refuses site strings that lack a key of Pagefind's English: the UI would show nothing there", () => {
    expect(() => ownUiStrings(source, { vi: { placeholder: 'Tìm' } })).toThrow(/strings for "vi" lack many_results/);
  });

  it('refuses a script without the translation table (a changed Pagefind)', () => {
    expect(() => ownUiStrings('console.log(1)', { vi: own })).toThrow(/expected its translation table/);
  });

  it('refuses to replace what it cannot pair: modules not listed in one array', () => {
    expect(() => ownUiStrings(source.replace('var L=[A,B,C,D]', 'var L=[A,C,B,D]'), { vi: own })).toThrow(
      /not listed in one array/,
    );
  });

  it('refuses a language Pagefind does not have', () => {
    expect(() => ownUiStrings(source, { km: own })).toThrow(/no translation for km/);
  });

  it('refuses strings it cannot find exactly once', () => {
    expect(() => ownUiStrings(source.replace('sa={placeholder', 'sa={1:0,placeholder'), { vi: own })).toThrow(
      /strings of "af" 0 times/,
    );
  });
});

describe('combineSearchScripts', () => {
  const core =
    'var createInstance=(o)=>({search:async()=>o});var search=async()=>1;export{createInstance,search as find};';
  const ui =
    '"use strict";(()=>{var Re=class{constructor(){this.options={bundlePath:"/pagefind/"}}async load(){let s=await import(`${this.options.bundlePath}pagefind.js`);return s.createInstance({a:1})}};window.Loaded=new Re().load();})();';

  it('hands the UI the core it would have imported, in one module', async () => {
    const combined = combineSearchScripts(core, ui);
    expect(combined).not.toContain('import(');
    expect(combined).not.toContain('export');
    // Run it as the browser would, with a window of its own.
    const window: { Loaded?: Promise<{ search: () => Promise<unknown> }> } = {};
    new Function('window', combined)(window);
    // The core is told its folder, which it can no longer read from its own file name.
    expect(await (await window.Loaded)?.search()).toEqual({ basePath: '/pagefind/', a: 1 });
    expect(combined).toContain('const portalPagefindCore={createInstance:createInstance,find:search};');
  });

  it('lets the page wrap each instance the UI creates, through the global hook', async () => {
    const combined = combineSearchScripts(core, ui);
    const window: { Loaded?: Promise<{ search: () => Promise<unknown> }> } = {};
    const wrap = (instance: { search: () => Promise<unknown> }) => ({
      search: async () => ({ wrapped: await instance.search() }),
    });
    new Function('window', SEARCH_HOOK, `globalThis.${SEARCH_HOOK}=${SEARCH_HOOK};${combined}`)(window, wrap);
    try {
      expect(await (await window.Loaded)?.search()).toEqual({ wrapped: { basePath: '/pagefind/', a: 1 } });
    } finally {
      delete (globalThis as Record<string, unknown>)[SEARCH_HOOK];
    }
  });

  it.each([
    ['a core without its export list', 'var createInstance=1;', ui, /one export list/],
    ['a core without createInstance', 'var search=1;export{search};', ui, /no createInstance/],
    ['a UI that does not import the core', core, '"use strict";(()=>{})();', /pagefind\.js 0 times/],
    ['a UI outside one function scope', core, ui.replace('"use strict";', 'var leak=1;'), /one function scope/],
  ])('refuses %s', (_name, coreSource, uiSource, message) => {
    expect(() => combineSearchScripts(coreSource, uiSource)).toThrow(message);
  });
});

describe('withoutComponents', () => {
  /** Components registered and exported as Pagefind 1.6's component UI does it. */
  const ui = [
    '"use strict";(()=>{var h=(a,s)=>{for(var e in s)Object.defineProperty(a,e,{get:s[e],enumerable:!0})};',
    'var G={};h(G,{PagefindInput:()=>In,PagefindModal:()=>Mo,PagefindResults:()=>Re,configureInstance:()=>ci});',
    'function ci(){return "instance"}',
    'var In=class extends HTMLElement{a(){return "input code"}};',
    'var Mo=class extends HTMLElement{a(){return "modal code"}};',
    'var Re=class extends HTMLElement{a(){return "results code"}};',
    'customElements.get("pagefind-input")||customElements.define("pagefind-input",In);',
    'customElements.get("pagefind-modal")||customElements.define("pagefind-modal",Mo);',
    'customElements.get("pagefind-results")||customElements.define("pagefind-results",Re);',
    'typeof window<"u"&&(window.PagefindComponents=G);})();',
  ].join('');

  it("registers and exports only the kept elements; minified as a module, the others' code goes", async () => {
    const out = withoutComponents(ui, ['input', 'results']);
    expect(out).not.toContain('customElements.define("pagefind-modal"');
    expect(out).toContain('customElements.define("pagefind-input",In)');
    expect(out).toContain('h(G,{PagefindInput:()=>In,PagefindResults:()=>Re,configureInstance:()=>ci})');
    const minified = await transform(unwrapScope(out), { minify: true, treeShaking: true, format: 'esm' });
    const script = wrapScope(minified.code.trim());
    expect(script).not.toContain('modal code');
    expect(script).toContain('input code');
    expect(script).toContain('results code');
    expect(script.startsWith('"use strict";(()=>{')).toBe(true);
    expect(script.endsWith('})();')).toBe(true);
  });

  it('refuses a script where a kept element is not registered (a changed Pagefind)', () => {
    expect(() => withoutComponents(ui, ['input', 'filter-dropdown'])).toThrow(
      /no registration of pagefind-filter-dropdown/,
    );
  });

  it('refuses a script without the export map', () => {
    expect(() => withoutComponents(ui.replace('h(G,{', 'h(G,{x:1,'), ['input'])).toThrow(/export map/);
  });

  it('refuses to unwrap a script without its one function scope', () => {
    expect(() => unwrapScope('console.log(1)')).toThrow(/one function scope/);
  });
});
