/** Hands a file to the browser, or to Electron, which asks where to save it. */
export function saveFile(fileName: string, mimeType: string, content: string | Uint8Array): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Base64 characters decoded per step: 256 KB of text, about a millisecond of work. */
const STEP = 256 * 1024;

/**
 * The bytes of a base64 text, decoded a slice at a time with a pause for the page between
 * slices: a 2.5 MB PDF decoded in one go held the page (and the delegate's typing) for most
 * of a second.
 */
export async function bytesOfBase64(base64: string): Promise<Uint8Array> {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((base64.length / 4) * 3 - padding);
  let at = 0;
  for (let from = 0; from < base64.length; from += STEP) {
    if (from) await new Promise((resume) => setTimeout(resume, 0));
    const binary = atob(base64.slice(from, from + STEP));
    for (let i = 0; i < binary.length; i++) bytes[at++] = binary.charCodeAt(i);
  }
  return bytes;
}
