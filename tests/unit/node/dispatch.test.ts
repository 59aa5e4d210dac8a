import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../electron/node/api/dispatch';
import type { ApiHandlers } from '../../../electron/node/api/dispatch';
import { AppError } from '../../../electron/common/errors';

function handlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  return {
    'app.info': vi.fn(),
    'settings.get': vi.fn(async () => ({ language: null })),
    'settings.update': vi.fn(async (patch) => ({ language: patch.language ?? null })),
    ...overrides,
  } as ApiHandlers;
}

describe('dispatch', () => {
  it('runs the handler with validated input', async () => {
    const h = handlers();
    await expect(dispatch(h, 'settings.update', { language: 'id' })).resolves.toEqual({
      ok: true,
      value: { language: 'id' },
    });
    expect(h['settings.update']).toHaveBeenCalledWith({ language: 'id' });
  });

  it('refuses a channel outside the contract without running anything', async () => {
    const result = await dispatch(handlers(), 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses input that does not match the schema and names the field', async () => {
    const h = handlers();
    const result = await dispatch(h, 'settings.update', { language: 'fr' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', params: { field: 'language' } },
    });
    expect(h['settings.update']).not.toHaveBeenCalled();
  });

  it('says what was wrong with the field, so a form can say it in the UI language', async () => {
    const h = handlers({ 'forums.create': vi.fn() });
    const tooLong = await dispatch(h, 'forums.create', {
      name: { id: '', en: 'Forum' },
      acronym: 'W'.repeat(61),
      city: '',
      country: '',
      venue: '',
      startDate: null,
      endDate: null,
      timeZone: 'Asia/Seoul',
      theme: { id: '', en: '' },
      hostOrganisation: { id: '', en: '' },
    });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', params: { field: 'acronym', reason: 'too_big', limit: 60 } },
    });
    const zone = await dispatch(h, 'forums.update', {
      forumId: 'f1',
      patch: { timeZone: 'Seoul' },
    });
    expect(zone).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', params: { field: 'patch.timeZone', reason: 'custom' } },
    });
    expect(h['forums.create']).not.toHaveBeenCalled();
  });

  it('refuses unknown extra fields', async () => {
    const result = await dispatch(handlers(), 'settings.get', { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('passes an AppError through as its translatable code', async () => {
    const h = handlers({
      'settings.get': async () => {
        throw new AppError('disk-full', { path: '/ws/workspace.json' });
      },
    });
    await expect(dispatch(h, 'settings.get', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'disk-full', params: { path: '/ws/workspace.json' } },
    });
  });

  it('turns an unexpected exception into `internal` and logs it', async () => {
    const log = vi.fn();
    const h = handlers({
      'settings.get': async () => {
        throw new TypeError('boom');
      },
    });
    const result = await dispatch(h, 'settings.get', {}, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', detail: 'boom' } });
    expect(log).toHaveBeenCalledOnce();
  });
});
