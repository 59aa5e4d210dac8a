import { describe, expect, it } from 'vitest';
import { fittingCount, shownSections } from '../../../renderer/src/features/forums/ForumTabs';

describe('forum tabs that do not fit', () => {
  const widths = [80, 80, 120, 100, 80, 140, 80];

  it('keeps every tab when the row holds them all', () => {
    expect(fittingCount(widths, 2000, 90)).toBe(7);
  });

  it('leaves room for the More button once some do not fit', () => {
    // 80 + 80 + 120 with gaps is about 291; with More (90) 381 fits in 400, a fourth does not.
    expect(fittingCount(widths, 400, 90)).toBe(3);
    expect(fittingCount(widths, 100, 90)).toBe(0);
  });

  it('always shows the open section, in place of the last one that fits', () => {
    expect(shownSections(3, 'export')).toEqual(['agenda', 'notes', 'export']);
    expect(shownSections(3, 'notes')).toEqual(['agenda', 'notes', 'agreement']);
    expect(shownSections(0, 'report')).toEqual(['report']);
  });
});
