import {
  checklistReport,
  fill,
  parseStoredTicks,
  scoreChecklist,
  type Band,
  type ReportLabels,
} from '../../../lib/kit/checklist.ts';

interface Config {
  key: string;
  monthLabel: string;
  groups: { title: string; items: { id: string; text: string; points: number }[] }[];
  bands: Band[];
  labels: ReportLabels;
  blank: string;
  hint: string;
  copied: string;
  copyManual: string;
}
const form = document.querySelector<HTMLFormElement>('[data-checklist]');
const source = document.getElementById('checklist-config');
if (form && source) {
  const config = JSON.parse(source.textContent ?? '{}') as Config;
  const items = config.groups.flatMap((group) => group.items);
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const scoreText = form.querySelector<HTMLElement>('[data-score-text]');
  const advice = form.querySelector<HTMLElement>('[data-advice]');
  const status = form.querySelector<HTMLElement>('[data-copy-status]');
  const reportBox = form.querySelector<HTMLElement>('[data-report-box]');
  const report = form.querySelector<HTMLTextAreaElement>('[data-report]');
  const ticked = () => boxes.filter((box) => box.checked).map((box) => box.value);
  const score = () => scoreChecklist(items, config.bands, ticked());
  const text = () => checklistReport(config.monthLabel, config.groups, ticked(), score(), config.labels);
  const bar = form.querySelector<HTMLElement>('[data-score-bar]');
  const show = () => {
    const result = score();
    const none = ticked().length === 0;
    const line = none
      ? config.blank
      : fill(config.labels.score, {
          points: result.points,
          max: result.maxPoints,
          percent: result.percent,
          band: result.band.label,
        });
    if (scoreText) scoreText.textContent = line;
    if (advice) advice.textContent = none ? config.hint : result.band.advice;
    if (bar) {
      bar.textContent = line;
      bar.hidden = false;
    }
    if (report && reportBox && !reportBox.hidden) report.value = text();
  };
  const save = () => {
    try {
      localStorage.setItem(config.key, JSON.stringify(ticked()));
    } catch {
      // Storage blocked: the score still shows, it is just not remembered.
    }
  };
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(config.key);
  } catch {
    // Nothing to restore.
  }
  const saved = new Set(
    parseStoredTicks(
      stored,
      items.map((item) => item.id),
    ),
  );
  for (const box of boxes) box.checked = saved.has(box.value);
  show();
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => {
    save();
    show();
  });
  form.querySelector('[data-clear]')?.addEventListener('click', () => {
    for (const box of boxes) box.checked = false;
    save();
    show();
  });
  form.querySelector('[data-copy]')?.addEventListener('click', async () => {
    const value = text();
    try {
      await navigator.clipboard.writeText(value);
      if (status) status.textContent = config.copied;
    } catch {
      // No clipboard (plain http, old browser): show the text selected for a manual copy.
      if (reportBox && report) {
        reportBox.hidden = false;
        report.value = value;
        report.focus();
        report.select();
      }
      if (status) status.textContent = config.copyManual;
    }
  });
}
