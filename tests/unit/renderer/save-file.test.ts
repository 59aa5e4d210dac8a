import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesOfBase64 } from '../../../renderer/src/app/save-file';

describe('bytesOfBase64 (a saved export’s bytes, decoded without holding the page)', () => {
  // Empty, each padding, and files that span several slices with a remainder in the last one.
  for (const length of [0, 1, 2, 3, 4, 196_607, 196_608, 196_609, 1_000_003]) {
    it(`gives back exactly the ${length} bytes that were encoded`, async () => {
      const bytes = randomBytes(length);
      const decoded = await bytesOfBase64(bytes.toString('base64'));
      expect(decoded.length).toBe(length);
      expect(Buffer.from(decoded).equals(bytes)).toBe(true);
    });
  }

  it('gives the page a turn between slices of a large file', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    await bytesOfBase64(randomBytes(2_000_000).toString('base64'));
    clearInterval(timer);
    expect(turns).toBeGreaterThan(0);
  });
});
