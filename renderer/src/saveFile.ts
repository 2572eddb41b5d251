/**
 * Offers text as a file download, made in the page (Blob + a[download]): nothing goes over the
 * network and the user picks where it lands.
 */
export function saveTextFile(fileName: string, text: string, type: 'text/plain' | 'text/csv' | 'text/html' | 'application/json' = 'text/plain'): void {
  // A Blob writes the text as UTF-8 as it is, a leading byte order mark included (a CSV needs one).
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; the delay only covers slow starts.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
