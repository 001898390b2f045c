/**
 * "Nghe": shown only when the browser has a Vietnamese voice, reads the article paragraph by
 * paragraph with the one being read highlighted, pauses and resumes. Speech synthesis is replaced
 * by a recording stand-in, so the test hears exactly what would be spoken.
 */
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { guardedContext, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const SECTION = '/thang/2026-11/thoi-su/';
const browser = useBrowser();

/** Installs a stand-in speechSynthesis with the given voices; `late` delivers them after load. */
function fakeSpeech({
  voices,
  late,
}: {
  voices: { lang: string; name: string; localService: boolean }[];
  late: boolean;
}) {
  const spoken: string[] = [];
  let queue: SpeechSynthesisUtterance[] = [];
  let available = late ? [] : voices;
  const target = new EventTarget();
  const synth = {
    paused: false,
    speaking: false,
    getVoices: () => available.map((voice) => ({ ...voice, default: false, voiceURI: voice.name })),
    speak(utterance: SpeechSynthesisUtterance) {
      queue.push(utterance);
      spoken.push(utterance.text);
      synth.speaking = true;
    },
    cancel() {
      queue = [];
      synth.speaking = false;
    },
    pause() {
      synth.paused = true;
    },
    resume() {
      synth.paused = false;
    },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
  };
  // Real utterances only take real voices, which a test cannot make: both are stood in for.
  class Utterance extends EventTarget {
    voice: unknown = null;
    lang = '';
    constructor(public text: string) {
      super();
    }
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.assign(window, {
    __speech: {
      spoken,
      synth,
      /** Ends the utterance being spoken, as the engine would. */
      finishOne() {
        const utterance = queue.shift();
        if (!queue.length) synth.speaking = false;
        utterance?.dispatchEvent(new Event('end'));
      },
      deliverVoices() {
        available = voices;
        target.dispatchEvent(new Event('voiceschanged'));
      },
    },
  });
}

type Speech = { spoken: string[]; synth: { paused: boolean }; finishOne(): void; deliverVoices(): void };
const speech = <T>(page: Page, read: (speech: Speech) => T) =>
  page.evaluate(`(${read.toString()})(window.__speech)`) as Promise<T>;

async function open(
  voices: { lang: string; name: string; localService: boolean }[],
  late = false,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context } = await guardedContext(browser(), baseURL, { serviceWorkers: 'block' });
  await context.addInitScript(fakeSpeech, { voices, late });
  const page = await context.newPage();
  await page.goto(SECTION);
  return { context, page };
}

describe('Nghe (listen)', () => {
  it('stays hidden when the browser has no Vietnamese voice', async () => {
    const { context, page } = await open([{ lang: 'en-US', name: 'Samantha', localService: true }]);
    await page.waitForTimeout(200);
    expect(await page.locator('[data-listen]').isVisible()).toBe(false);
    await context.close();
  });

  it('appears when a Vietnamese voice arrives after the page loaded', async () => {
    const { context, page } = await open([{ lang: 'vi-VN', name: 'Linh', localService: true }], true);
    expect(await page.locator('[data-listen]').isVisible()).toBe(false);
    await speech(page, (s) => s.deliverVoices());
    await page.getByRole('button', { name: 'Nghe', exact: true }).waitFor();
    await context.close();
  });

  it('reads paragraph by paragraph, highlighting the one being read, with pause, resume and stop', async () => {
    const { context, page } = await open([{ lang: 'vi-VN', name: 'Linh', localService: true }]);
    const listen = page.getByRole('button', { name: 'Nghe', exact: true });
    await listen.click();
    const reading = page.locator('article .is-reading');
    expect(await reading.count()).toBe(1);
    const first = (await reading.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
    expect((await speech(page, (s) => s.spoken)).join(' ')).toBe(first);

    // The engine finishes the first paragraph: the next one is read and highlighted instead.
    const spokenBefore = (await speech(page, (s) => s.spoken)).length;
    for (let index = 0; index < spokenBefore; index += 1) await speech(page, (s) => s.finishOne());
    const second = (await reading.textContent())?.replace(/\s+/g, ' ').trim();
    expect(second).not.toBe(first);
    expect((await speech(page, (s) => s.spoken)).slice(spokenBefore).join(' ')).toBe(second);
    expect(await page.locator('h1').evaluate((h1) => h1.closest('article') !== null)).toBe(true);

    await page.getByRole('button', { name: 'Tạm dừng' }).click();
    expect(await speech(page, (s) => s.synth.paused)).toBe(true);
    await page.getByRole('button', { name: 'Nghe tiếp' }).click();
    expect(await speech(page, (s) => s.synth.paused)).toBe(false);

    await page.getByRole('button', { name: 'Dừng đọc' }).click();
    expect(await reading.count()).toBe(0);
    expect(await listen.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Dừng đọc' }).isVisible()).toBe(false);
    await context.close();
  });

  it('is not there without JavaScript, and the article reads as usual', async () => {
    const { context } = await guardedContext(browser(), baseURL, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SECTION);
    expect(await page.locator('[data-listen]').isVisible()).toBe(false);
    expect(await page.locator('article h1').textContent()).toBeTruthy();
    await context.close();
  });
});
