/**
 * The read-aloud player behind "Nghe", set up on first press: speaks the article paragraph by
 * paragraph, marks the one being read, pauses and resumes.
 */
import { speechChunks } from '../lib/reader/speech.ts';

/** What the player needs from the page. */
export interface ListenPlayerOptions {
  synth: SpeechSynthesis;
  voice: SpeechSynthesisVoice;
  article: HTMLElement;
  toggle: HTMLButtonElement;
  stop: HTMLButtonElement;
}

/** The blocks read aloud, in order: headings, paragraphs, list items and table cells. */
const READABLE = 'h1, h2, h3, h4, p, li, dt, dd, th, td, blockquote';
const READING_CLASS = 'is-reading';

/** Builds a player over the article; `toggle` starts, pauses or resumes, `stop` ends. */
export function createListenPlayer({ synth, voice, article, toggle, stop }: ListenPlayerOptions) {
  // A list item or cell that holds paragraphs is read through its paragraphs, not twice.
  const blocks = [...article.querySelectorAll<HTMLElement>(READABLE)].filter(
    (block) => !block.querySelector(READABLE) && block.textContent?.trim() && !block.closest('[hidden], .no-listen'),
  );
  let state: 'idle' | 'speaking' | 'paused' = 'idle';
  let index = 0;
  let current: HTMLElement | undefined;
  // Each run gets a number, so the "end" of a cancelled utterance cannot start the next one.
  let run = 0;

  const label = (name: 'start' | 'pause' | 'resume') =>
    toggle.dataset[`label${name[0]!.toUpperCase()}${name.slice(1)}`] ?? '';
  const render = () => {
    toggle.textContent = label(state === 'speaking' ? 'pause' : state === 'paused' ? 'resume' : 'start');
    stop.hidden = state === 'idle';
  };
  const mark = (block?: HTMLElement) => {
    current?.classList.remove(READING_CLASS);
    current = block;
    if (!block) return;
    block.classList.add(READING_CLASS);
    block.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  const finish = () => {
    state = 'idle';
    index = 0;
    mark(undefined);
    render();
  };
  const speakBlock = (ticket: number) => {
    if (ticket !== run) return;
    const block = blocks[index];
    if (!block) return finish();
    mark(block);
    const chunks = speechChunks(block.textContent ?? '');
    chunks.forEach((chunk, position) => {
      const utterance = new SpeechSynthesisUtterance(chunk);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      if (position === chunks.length - 1) {
        utterance.addEventListener('end', () => {
          if (ticket !== run) return;
          index += 1;
          speakBlock(ticket);
        });
      }
      synth.speak(utterance);
    });
  };

  return {
    toggle() {
      if (state === 'speaking') {
        synth.pause();
        state = 'paused';
      } else if (state === 'paused') {
        synth.resume();
        state = 'speaking';
      } else {
        synth.cancel();
        run += 1;
        state = 'speaking';
        speakBlock(run);
      }
      render();
    },
    stop() {
      run += 1;
      synth.cancel();
      finish();
      toggle.focus();
    },
  };
}
