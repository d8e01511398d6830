/**
 * Hands a blob to the browser as a file download. The object URL is revoked a little later, not
 * at once: some browsers start reading it only after the click handler returns.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
