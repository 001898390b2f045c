/**
 * The editor's preview pane as the page: the site's stylesheet (registered by the editor script),
 * the reading layout's article, and the body with the MDX overrides' markup (src/lib/admin/preview.ts).
 */
import { createElement as h } from 'react';
import { t } from '../../i18n/vi.ts';
import { previewHtml } from '../../lib/admin/preview.ts';
import { statusBadge } from '../../lib/admin/workflow.ts';
import { SECTION_KINDS, sectionKindLabel, type SectionKind } from '../../lib/content/kinds.ts';

/** Immutable.js values as Decap hands them to previews (only what is used). */
interface ImmutableLike {
  get(key: string): unknown;
  toJS?(): unknown;
}

interface PreviewProps {
  entry: ImmutableLike;
  getAsset(path: string): unknown;
}

const plain = (value: unknown): unknown =>
  value && typeof value === 'object' && 'toJS' in value && typeof value.toJS === 'function' ? value.toJS() : value;

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One entry as its page would show it. */
export function PagePreview({ entry, getAsset }: PreviewProps) {
  const data = (plain(entry.get('data')) ?? {}) as Record<string, unknown>;
  const kind = asText(data['kind']);
  const status = asText(data['status']);
  const publishDate =
    data['publishDate'] instanceof Date ? data['publishDate'].toISOString() : asText(data['publishDate']);
  const body = previewHtml(asText(data['body']), (url) => String(getAsset(url) ?? url));
  return h(
    'main',
    { id: 'main' },
    h(
      'article',
      { className: 'prose' },
      SECTION_KINDS.includes(kind as SectionKind)
        ? h('p', { className: 'kind' }, sectionKindLabel(kind as SectionKind))
        : null,
      h(
        'h1',
        null,
        asText(data['title']),
        status ? h('span', { className: 'badge' }, ' ', statusBadge(status, publishDate, new Date())) : null,
      ),
      data['summary'] ? h('p', { className: 'lead' }, asText(data['summary'])) : null,
      h('div', { dangerouslySetInnerHTML: { __html: body } }),
      body === '' ? h('p', null, t('admin.preview.empty')) : null,
    ),
  );
}
