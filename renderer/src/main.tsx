import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiError, createApiClient } from './api/api-client';
import { pickTransport } from './api/transports';
import { flushOnLeave } from './app/flush-on-leave';
import { Startup } from './app/Startup';
import { createI18n, languageFromPreferences } from './i18n/i18n';
import { warnBeforeUnload } from './store/unsaved-changes';
import { AppStoreContext, createAppStore } from './store/app-store';
import './styles.css';

// The browser's own languages: what browser mode follows until the user chooses one, and the
// first guess before the host answers.
const guess = languageFromPreferences(navigator.languages);
const api = createApiClient(pickTransport(window));
const store = createAppStore(api, guess);
const i18n = createI18n(guess);
flushOnLeave(api);
warnBeforeUnload();

// Actions started from a click are not awaited by anyone: whatever fails among them is told
// to the user in their language rather than lost in the console.
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  event.preventDefault();
  store
    .getState()
    .reportProblem(
      reason instanceof ApiError
        ? reason.payload
        : { code: 'internal', params: {}, detail: String(reason) },
    );
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <AppStoreContext.Provider value={store}>
        <Startup />
      </AppStoreContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
