// The share control's behaviour (ShareButton.astro). The address shared is the canonical one.
for (const box of document.querySelectorAll<HTMLElement>('[data-share]')) {
  const button = box.querySelector<HTMLButtonElement>('[data-share-button]');
  const status = box.querySelector<HTMLElement>('[data-share-status]');
  const address = box.querySelector<HTMLInputElement>('[data-share-address]');
  const url = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
  const title = document.title;
  button?.addEventListener('click', async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // The reader closed the sheet: nothing to do. Any other failure falls through to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      if (status) status.textContent = box.dataset['copied'] ?? '';
    } catch {
      if (address) {
        address.hidden = false;
        address.value = url;
        address.focus();
        address.select();
      }
      if (status) status.textContent = box.dataset['manual'] ?? '';
    }
  });
}
