import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../../electron/common/language';
import { useLanguageName } from '../../../renderer/src/app/use-language-name';
import { createI18n, languageFromPreferences } from '../../../renderer/src/i18n/i18n';

afterEach(cleanup);

describe('languageFromPreferences (a browser’s navigator.languages)', () => {
  it.each([
    [['id-ID', 'en-US'], 'id'],
    [['en-GB', 'id'], 'en'],
    // The first language Risalah speaks decides, wherever it is in the list.
    [['de-DE', 'id', 'en'], 'id'],
    [['ko-KR', 'en-US', 'id'], 'en'],
    [['in'], 'id'],
    [['de-DE', 'fr'], 'en'],
    [[], 'en'],
  ])('%j → %s', (locales, expected) => {
    expect(languageFromPreferences(locales)).toBe(expected);
  });
});

function Names() {
  const name = useLanguageName();
  return (
    <p>
      {name('id', 'start')} | {name('en', 'start')} | {name('en')}
    </p>
  );
}

describe('useLanguageName', () => {
  it.each<[UiLanguage, string]>([
    // PUEBI: "bahasa" lower case inside a sentence, capitalised at the start of a label.
    ['id', 'Bahasa Indonesia | Bahasa Inggris | bahasa Inggris'],
    ['en', 'Indonesian | English | English'],
  ])('names the text languages in the %s UI', (ui, expected) => {
    render(
      <I18nextProvider i18n={createI18n(ui)}>
        <Names />
      </I18nextProvider>,
    );
    expect(screen.getByRole('paragraph').textContent).toBe(expected);
  });
});
