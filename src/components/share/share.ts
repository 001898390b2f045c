// The share control's behaviour (ShareButton.astro): the canonical address to the share sheet, else
// to the clipboard, else shown in the status line for a manual copy. Kept small: it ships on every reading page.
for (const box of document.querySelectorAll<HTMLElement>('[data-share]')) {
  const status = box.querySelector('[role="status"]');
  box.querySelector('button')?.addEventListener('click', async () => {
    const url = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
    if (navigator.share) {
      try {
        return await navigator.share({ title: document.title, url });
      } catch (error) {
        // Closing the sheet is the reader's choice; any other failure falls back to copying.
        if (error instanceof Error && error.name === 'AbortError') return;
      }
    }
    let copied = true;
    await navigator.clipboard.writeText(url).catch(() => (copied = false));
    if (status) status.textContent = copied ? `${box.dataset['copied']}` : `${box.dataset['manual']} ${url}`;
  });
}
