import { describe, expect, it } from 'vitest';
import { combineSearchScripts, keepUiLanguages } from '../../src/lib/pagefind-scripts.ts';

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

describe('keepUiLanguages', () => {
  it('puts the site\'s strings in place of one language\'s, "$" and all', () => {
    const own = { placeholder: 'Tìm tài liệu', many_results: '[COUNT] kết quả, $1 $& không phải mẫu' };
    const { source: out, removed } = keepUiLanguages(source, ['en'], { vi: own });
    expect(removed).toBe(2);
    expect(out).toContain(`sc=${JSON.stringify(own)},Cd=`);
    expect(out).not.toContain('T\\xECm ki');
    expect(out).toContain('sb={placeholder:"Search"');
  });

  it('empties the strings of every language but the kept ones, and nothing else', () => {
    const { source: out, removed } = keepUiLanguages(source, ['vi', 'en']);
    expect(removed).toBe(2);
    expect(out).toContain('sa={}');
    expect(out).toContain('sd={}');
    expect(out).not.toContain('Soek');
    expect(out).not.toContain('Weitere');
    expect(out).toContain('sb={placeholder:"Search",many_results:"[COUNT] results for [SEARCH_TERM]"}');
    expect(out).toContain(String.raw`sc={placeholder:"T\xECm ki\u1EBFm",clear_search:'X\'o'}`);
    expect(out).toContain('var L=[A,B,C,D]');
    expect(out.endsWith('function use(){return L}')).toBe(true);
  });

  it('refuses a script without the translation table (a changed Pagefind)', () => {
    expect(() => keepUiLanguages('console.log(1)', ['vi'])).toThrow(/expected its translation table/);
  });

  it('refuses to drop what it cannot pair: modules not listed in one array', () => {
    expect(() => keepUiLanguages(source.replace('var L=[A,B,C,D]', 'var L=[A,C,B,D]'), ['vi'])).toThrow(
      /not listed in one array/,
    );
  });

  it('refuses a kept or own language Pagefind does not have', () => {
    expect(() => keepUiLanguages(source, ['vi', 'km'])).toThrow(/no translation for km/);
    expect(() => keepUiLanguages(source, ['en'], { lo: {} })).toThrow(/no translation for lo/);
  });

  it('refuses strings it cannot find exactly once', () => {
    expect(() => keepUiLanguages(source.replace('sa={placeholder', 'sa={1:0,placeholder'), ['vi'])).toThrow(
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
    expect(await (await window.Loaded)?.search()).toEqual({ a: 1 });
    expect(combined).toContain('const portalPagefindCore={createInstance:createInstance,find:search};');
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
