import { describe, expect, it } from 'vitest';
import { formatLocation, parseLocation } from '../../../renderer/src/app/routes';
import type { Location } from '../../../renderer/src/app/routes';

describe('routes in the address', () => {
  const places: Location[] = [
    { route: { name: 'home' }, noteId: null },
    { route: { name: 'settings' }, noteId: null },
    { route: { name: 'commitments' }, noteId: null },
    { route: { name: 'contacts' }, noteId: null },
    { route: { name: 'forum', forumId: 'f-1', section: 'agenda' }, noteId: null },
    { route: { name: 'forum', forumId: 'f-1', section: 'export' }, noteId: null },
    { route: { name: 'forum', forumId: 'f-1', section: 'notes' }, noteId: 'n 2/ü' },
  ];

  it('reads back every place it writes', () => {
    for (const place of places) expect(parseLocation(formatLocation(place))).toEqual(place);
  });

  it('writes a note only on the Notes tab', () => {
    const route = { name: 'forum', forumId: 'f', section: 'agenda' } as const;
    expect(formatLocation({ route, noteId: 'n' })).toBe('#/forum/f/agenda');
  });

  it('knows no other place, and an empty fragment is Home', () => {
    expect(parseLocation('')).toEqual({ route: { name: 'home' }, noteId: null });
    for (const hash of [
      '#/nowhere',
      '#/forum',
      '#/forum/f/unknown-tab',
      '#/forum/f/agenda/n',
      '#/forum/f/notes/n/extra',
      '#/forum/%E0%A4%A/notes',
    ])
      expect(parseLocation(hash), hash).toBeNull();
  });
});
