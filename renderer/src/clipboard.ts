/**
 * Copies text for the user. The asynchronous clipboard API comes first; where it is refused (the
 * Electron shell denies browser permissions, and a page without focus may not write), a selection
 * copy is the fallback. Either way the caller learns whether it worked, and says so.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused: try the selection copy below.
  }
  return copyBySelection(text);
}

function copyBySelection(text: string): boolean {
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.className = 'visually-hidden';
  // Inside an open modal dialog everything outside it is inert, so the helper goes where focus is.
  (previousFocus?.closest('dialog') ?? document.body).append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  previousFocus?.focus();
  return copied;
}
