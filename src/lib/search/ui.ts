/** The strings and the result template handed to Pagefind's component UI (server side only). */
import { t, vi, type MessageKey } from '../../i18n/vi.ts';

const PAGEFIND_PREFIX = 'search.pf.';

/** The component UI's strings in Vietnamese, keyed as Pagefind names them. */
export function pagefindTranslations(): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const key of Object.keys(vi) as MessageKey[]) {
    if (key.startsWith(PAGEFIND_PREFIX)) strings[key.slice(PAGEFIND_PREFIX.length)] = t(key);
  }
  return strings;
}

/** A result: kind and period of the material, its title as a link, the excerpt with highlights. */
export const RESULT_TEMPLATE = `<li class="search-result">
  <p class="search-result__kind">{{ meta.kind }}{{#if meta.period}} · {{ meta.period }}{{/if}}</p>
  <p class="search-result__title"><a class="pf-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a></p>
  {{#if excerpt}}<p class="search-result__excerpt">{{+ excerpt +}}</p>{{/if}}
</li>`;

/** A result whose page's text is still on its way: its place in the list, with a loading sign. */
export const RESULT_PLACEHOLDER = `<li class="search-result search-result--loading" aria-busy="true"><p>${t('search.resultLoading')}</p></li>`;
