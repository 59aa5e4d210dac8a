/**
 * A file's bytes as base64, as the contract carries files (an import, a forum received): the
 * host decodes them, whatever their text encoding. Built in chunks, so a large file never
 * meets the engine's limit on a call's arguments.
 */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
