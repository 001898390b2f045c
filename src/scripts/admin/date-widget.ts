/**
 * The editor's date box: a text field typed dd/mm/yyyy whatever the browser's language, stored
 * YYYY-MM-DD (Decap's own picker follows the browser's date format and shows "UTC").
 */
import { Component, createElement as h, type ChangeEvent } from 'react';
import { t } from '../../i18n/vi.ts';
import { parseTypedDate, shownDate } from '../../lib/admin/date-input.ts';

/** The props Decap gives a widget control (only what this one uses). */
interface ControlProps {
  value: unknown;
  forID: string;
  classNameWrapper: string;
  onChange(value: string): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

/** A date typed as staff write it; an unreadable date keeps its text and is refused on save. */
export class DateControl extends Component<ControlProps, { text: string }> {
  override state = { text: shownDate(this.props.value) };

  /** Decap asks before saving; a required empty box is Decap's own check. */
  isValid = (): true | { error: { type: string; message: string } } => {
    const text = this.state.text.trim();
    if (text === '' || parseTypedDate(text)) return true;
    return { error: { type: 'CUSTOM', message: t('admin.date.invalid') } };
  };

  private readonly change = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    this.setState({ text });
    this.props.onChange(parseTypedDate(text) ?? text);
  };

  override render() {
    return h('input', {
      id: this.props.forID,
      className: this.props.classNameWrapper,
      type: 'text',
      inputMode: 'numeric',
      autoComplete: 'off',
      placeholder: t('admin.date.placeholder'),
      value: this.state.text,
      onChange: this.change,
      onFocus: this.props.setActiveStyle,
      onBlur: this.props.setInactiveStyle,
    });
  }
}

/** The preview of a date field: as staff read it. */
export function DatePreview({ value }: { value: unknown }) {
  return h('p', null, shownDate(value));
}
