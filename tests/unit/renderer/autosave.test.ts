import { describe, expect, it } from 'vitest';
import { Autosaver, flushAllForExit } from '../../../renderer/src/store/autosave';

type Patch = Record<string, string>;
const merge = (older: Patch, newer: Patch): Patch => ({ ...older, ...newer });

describe('an editor that goes away while its text is on the way to the host', () => {
  it('sends that text again when the page then closes (a reload cancels the request)', async () => {
    const sent: Patch[] = [];
    let answer: (() => void) | undefined;
    const saver = new Autosaver<Patch>({
      merge,
      send: (patch) => {
        sent.push(patch);
        // The first request never gets its answer: the page reloads while it is on the way.
        return sent.length === 1
          ? new Promise<void>((resolve) => (answer = resolve))
          : Promise.resolve();
      },
    });
    saver.edit({ en: 'x' });
    saver.dispose(); // the note is left: its editor unmounts and sends what it holds
    await Promise.resolve();
    expect(sent).toEqual([{ en: 'x' }]);

    flushAllForExit(); // the page goes away before the host answered
    expect(sent).toEqual([{ en: 'x' }, { en: 'x' }]);
    answer?.();
  });

  it('is forgotten once the host has taken everything it sent', async () => {
    const sent: Patch[] = [];
    const saver = new Autosaver<Patch>({
      merge,
      send: async (patch) => {
        sent.push(patch);
      },
    });
    saver.edit({ id: 'kata' });
    saver.dispose();
    await saver.flush();
    flushAllForExit();
    expect(sent).toEqual([{ id: 'kata' }]);
  });
});
