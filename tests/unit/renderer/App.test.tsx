import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../electron/common/api/contract';
import type { ApiChannel } from '../../../electron/common/api/channels';
import type { ApiResult, Settings } from '../../../electron/common/api/types';
import { createApiClient } from '../../../renderer/src/api/api-client';
import type { ApiTransport } from '../../../renderer/src/api/api-client';
import { Startup } from '../../../renderer/src/app/Startup';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { AppStoreContext, createAppStore } from '../../../renderer/src/store/app-store';

/** An in-memory transport standing in for IPC or HTTP. */
function fakeTransport(initial: Settings, fail = false, mode: 'browser' | 'electron' = 'browser') {
  let settings = { ...initial };
  const listeners = new Set<(e: ApiEvent) => void>();
  const calls: [ApiChannel, unknown][] = [];
  const transport: ApiTransport = {
    kind: 'browser',
    async invoke(channel, input): Promise<ApiResult<unknown>> {
      calls.push([channel, input]);
      if (fail)
        return {
          ok: false,
          error: { code: 'workspace-locked', params: { holder: 'Risalah', pid: 42, since: 'x' } },
        };
      if (channel === 'settings.update')
        settings = { ...settings, ...(input as Partial<Settings>) };
      if (channel === 'security.status') {
        const keychain = { available: false, backend: 'none', remembered: false };
        return {
          ok: true,
          value: { encrypted: false, locked: false, autoLockMinutes: 0, keychain },
        };
      }
      if (channel === 'workspace.notices' || channel === 'forums.list')
        return { ok: true, value: [] };
      if (channel === 'profile.get') {
        const blank = { id: '', en: '' };
        return {
          ok: true,
          value: {
            delegationName: blank,
            headName: '',
            headPosition: blank,
            institution: blank,
            city: '',
            members: [],
            letterhead: { lines: [], address: blank, logo: null },
            updatedAt: null,
          },
        };
      }
      if (channel === 'app.info') {
        return {
          ok: true,
          value: {
            name: 'Risalah',
            version: '0.1.0',
            transport: mode,
            systemLocale: 'id-ID',
            systemLanguage: 'id',
            workspaceDir: '/ws',
            platform: 'linux',
            saveStatus: null,
          },
        };
      }
      return { ok: true, value: settings };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, calls, push: (e: ApiEvent) => listeners.forEach((l) => l(e)) };
}

/** `browserLanguage`: what the page's own browser prefers (navigator.languages). */
function renderApp(transport: ApiTransport, browserLanguage: 'id' | 'en' = 'en') {
  const store = createAppStore(createApiClient(transport), browserLanguage);
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <AppStoreContext.Provider value={store}>
        <Startup />
      </AppStoreContext.Provider>
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('App', () => {
  it('in the desktop app, follows the system language until the user chooses one', async () => {
    renderApp(fakeTransport({ language: null, csvMappings: {} }, false, 'electron').transport);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty(
      'textContent',
      'Selamat datang di Risalah',
    );
    expect(document.documentElement.lang).toBe('id');
  });

  it('in browser mode, follows the browser, not the host system', async () => {
    // The host's system is Indonesian (see fakeTransport); the browser prefers English.
    renderApp(fakeTransport({ language: null, csvMappings: {} }).transport, 'en');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty(
      'textContent',
      'Welcome to Risalah',
    );
    // The page's lang follows a frame after the text (set in an effect).
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('switches the interface language and remembers the choice through the API', async () => {
    const fake = fakeTransport({ language: 'id', csvMappings: {} });
    renderApp(fake.transport);
    await screen.findByText('Selamat datang di Risalah');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Risalah' }),
    ).toBeTruthy();
    expect(fake.calls).toContainEqual(['settings.update', { language: 'en' }]);
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('shows the save state pushed by the host', async () => {
    const fake = fakeTransport({ language: 'en', csvMappings: {} });
    renderApp(fake.transport);
    await screen.findByText('Welcome to Risalah');
    act(() =>
      fake.push({
        name: 'save-status',
        payload: {
          state: 'failed',
          savedAt: null,
          error: { code: 'disk-full', params: { path: '/ws/workspace.json' } },
          savedThrough: 0,
          pending: ['workspace'],
        },
      }),
    );
    // Read once the page has settled: the start-up answers must not turn it into "saved".
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Not saved'));
    expect(screen.getByRole('status').textContent).toContain(
      'The disk is full: could not save to /ws/workspace.json',
    );
  });

  it('says where a link went when the desktop app copied it instead of opening it', async () => {
    const fake = fakeTransport({ language: 'id', csvMappings: {} });
    renderApp(fake.transport);
    await screen.findByText('Selamat datang di Risalah');
    act(() => fake.push({ name: 'link-copied', payload: { url: 'https://whrcf.org/programme' } }));
    expect(
      await screen.findByText(/Tautan disalin: https:\/\/whrcf\.org\/programme\./),
    ).toBeTruthy();
  });

  it('explains in the UI language why the workspace could not be opened', async () => {
    renderApp(fakeTransport({ language: null, csvMappings: {} }, true).transport);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This workspace is already open in Risalah (process 42');
  });
});
