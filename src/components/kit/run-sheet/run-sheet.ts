import { parseMinutes, parseStoredMinutes, planTotal } from '../../../lib/kit/plan-minutes.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('[data-run-sheet]')) {
  const key = form.dataset['storageKey'] ?? '';
  const defaults = JSON.parse(form.dataset['defaults'] ?? '[]') as number[];
  const minimum = Number(form.dataset['min']);
  const inputs = [...form.querySelectorAll<HTMLInputElement>('[data-minutes]')];
  const total = form.querySelector<HTMLOutputElement>('[data-total]');
  const warning = form.querySelector<HTMLElement>('[data-too-short]');
  const read = () => inputs.map((input, index) => parseMinutes(input.value) ?? defaults[index] ?? 0);
  const show = () => {
    const sum = planTotal(read());
    if (total) total.value = String(sum);
    if (warning) warning.hidden = sum >= minimum;
  };
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(key);
  } catch {
    // Storage blocked: the plan still works, it is just not remembered.
  }
  parseStoredMinutes(stored, defaults).forEach((value, index) => {
    const input = inputs[index];
    if (input) input.value = String(value);
  });
  show();
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', () => {
    show();
    try {
      localStorage.setItem(key, JSON.stringify(read()));
    } catch {
      // Not remembered; the page still shows the new total.
    }
  });
  form.querySelector('[data-reset]')?.addEventListener('click', () => {
    inputs.forEach((input, index) => (input.value = String(defaults[index] ?? 0)));
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing stored to remove.
    }
    show();
  });
}
