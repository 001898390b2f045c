/**
 * "Nhập từ tệp Word" above Decap's Markdown editor: the .docx is converted in the browser by the same
 * module as `npm run import` (src/lib/import), its images are added to the entry's images/ folder,
 * and the body is replaced by the document's text.
 */
import { Component, createElement as h, type ChangeEvent, type ComponentType } from 'react';
import { t } from '../../i18n/vi.ts';
import { importForEditor } from '../../lib/import/word-import.ts';

/** The props Decap gives a widget control (only what this one uses; the rest go to Markdown). */
interface ControlProps {
  value: unknown;
  forID: string;
  field: unknown;
  onChange(value: string): void;
  onPersistMedia(file: File, options: { field: unknown }): Promise<void>;
  [prop: string]: unknown;
}

interface ControlState {
  busy: boolean;
  message: string;
  notes: string[];
  /** Bumped after an import so the Markdown editor re-reads its value. */
  version: number;
}

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** Decap's Markdown control with the Word import action above it. */
export function wordMarkdownControl(Markdown: ComponentType<ControlProps>) {
  return class WordMarkdownControl extends Component<ControlProps, ControlState> {
    override state: ControlState = { busy: false, message: '', notes: [], version: 0 };

    private readonly choose = async (event: ChangeEvent<HTMLInputElement>) => {
      const input = event.target;
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      const current = typeof this.props.value === 'string' ? this.props.value.trim() : '';
      if (current !== '' && !window.confirm(t('admin.word.confirmReplace'))) return;
      this.setState({ busy: true, message: t('admin.word.working'), notes: [] });
      const result = await importForEditor(new Uint8Array(await file.arrayBuffer()), file.name);
      if ('error' in result) {
        this.setState({ busy: false, message: result.error });
        return;
      }
      for (const image of result.images) {
        const type = IMAGE_TYPES[image.name.split('.').pop() ?? ''] ?? 'application/octet-stream';
        await this.props.onPersistMedia(new File([image.bytes as BlobPart], image.name, { type }), {
          field: this.props.field,
        });
      }
      this.props.onChange(result.body);
      this.setState(({ version }) => ({
        busy: false,
        version: version + 1,
        message: t('admin.word.done', { file: file.name, images: result.images.length }),
        notes: result.attention,
      }));
    };

    override render() {
      const inputId = `${this.props.forID}-word`;
      const { busy, message, notes, version } = this.state;
      return h(
        'div',
        null,
        h(
          'div',
          { style: { margin: '0 0 12px', padding: '12px', border: '1px dashed #7a8ca3', borderRadius: '5px' } },
          h('label', { htmlFor: inputId, style: { fontWeight: 600, display: 'block' } }, t('admin.word.button')),
          h('p', { style: { margin: '4px 0 8px', fontSize: '14px' } }, t('admin.word.help')),
          h('input', {
            id: inputId,
            type: 'file',
            accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            disabled: busy,
            onChange: (event: ChangeEvent<HTMLInputElement>) => void this.choose(event),
          }),
          h('p', { role: 'status', style: { margin: '8px 0 0' } }, message),
          notes.length > 0
            ? h(
                'ul',
                { style: { margin: '4px 0 0', fontSize: '14px' } },
                ...notes.map((note) => h('li', { key: note }, note)),
              )
            : null,
        ),
        h(Markdown, { ...this.props, key: version }),
      );
    }
  };
}
