import { describe, expect, it } from 'vitest';
import { bytesOfBase64 } from '../../../renderer/src/app/save-file';

/** Random bytes and their base64, made with the browser's own functions (no decoder of ours). */
function sample(length: number): { bytes: Uint8Array; base64: string } {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
  let binary = '';
  for (let i = 0; i < length; i += 8_192) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 8_192));
  }
  return { bytes, base64: btoa(binary) };
}

describe('bytesOfBase64 (a saved export’s bytes, decoded without holding the page)', () => {
  // Empty, each padding, and files that span several slices with a remainder in the last one.
  for (const length of [0, 1, 2, 3, 4, 196_607, 196_608, 196_609, 1_000_003]) {
    it(`gives back exactly the ${length} bytes that were encoded`, async () => {
      const { bytes, base64 } = sample(length);
      const decoded = await bytesOfBase64(base64);
      expect(decoded.length).toBe(length);
      expect(decoded.every((b, i) => b === bytes[i])).toBe(true);
    });
  }

  it('gives the page a turn between slices of a large file', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    await bytesOfBase64(sample(2_000_000).base64);
    clearInterval(timer);
    expect(turns).toBeGreaterThan(0);
  });
});
