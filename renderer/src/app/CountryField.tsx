import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../../electron/common/language';
import { intlLocale } from '../i18n/i18n';
import { useAppStore } from '../store/app-store';
import { Combobox } from './Combobox';
import { countryOptions, isCountryCode, resolveCountry, searchCountries } from './countries';
import type { CountryOption } from './countries';
import type { FieldCheck } from './form-problems';

const cache = new Map<UiLanguage, CountryOption[]>();
function optionsFor(language: UiLanguage): CountryOption[] {
  let options = cache.get(language);
  if (!options) {
    options = countryOptions(intlLocale(language), intlLocale(language === 'id' ? 'en' : 'id'));
    cache.set(language, options);
  }
  return options;
}

/**
 * The check of a country field in a form. Free text from an older version stays readable and
 * saveable (a warning, shown at once); text typed now must be a country picked from the list.
 */
export function countryCheck(value: string, initial: string, t: TFunction): FieldCheck {
  const country = value.trim();
  const free = Boolean(country) && !isCountryCode(country);
  return {
    error: free && country !== initial ? t('forms.countryPick') : null,
    warning: free && country === initial ? t('forms.countryLegacy', { value: country }) : null,
    warnAtOnce: true,
  };
}

interface Props {
  label: string;
  name: string;
  /** An ISO 3166-1 alpha-2 code, or free text (typed, or kept from older data). */
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  warning?: string | null;
}

/**
 * Countries named in the UI language (the other language's name is searched and shown too),
 * stored as ISO 3166-1 alpha-2. A value that is not a code is shown as it is, with the fix
 * offered when it can only mean one country.
 */
export function CountryField({ label, name, value, onChange, error, warning }: Props) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const options = useMemo(() => optionsFor(language), [language]);
  const nameOf = (code: string) => options.find((o) => o.code === code)?.label ?? code;
  const [text, setText] = useState(() => (isCountryCode(value) ? nameOf(value) : value));
  /** Typed here: recognised on leaving. Older free text waits for the user's choice. */
  const [typed, setTyped] = useState(false);
  const chosen = isCountryCode(value) ? options.find((o) => o.code === value) : undefined;
  const fix = !chosen && value.trim() ? resolveCountry(options, value) : null;

  // The label follows the UI language ("Singapore" / "Singapura"); typing is never overwritten.
  const [shownIn, setShownIn] = useState(language);
  if (shownIn !== language) {
    setShownIn(language);
    if (chosen) setText(chosen.label);
  }

  const pick = (o: CountryOption) => {
    setText(o.label);
    onChange(o.code);
  };

  return (
    <Combobox<CountryOption>
      label={label}
      name={name}
      error={error}
      warning={warning}
      placeholder={t('forms.countryPlaceholder')}
      text={text}
      onTextChange={(next) => {
        setText(next);
        setTyped(true);
        onChange(next);
      }}
      search={(query) =>
        chosen && query === chosen.label ? options : searchCountries(options, query)
      }
      keyOf={(o) => o.code}
      render={(o) => (
        <>
          <span className="option-main">
            {o.name}
            <span className="option-tag">{o.code}</span>
          </span>
          {o.otherName !== o.name && <span className="option-detail">{o.otherName}</span>}
        </>
      )}
      onPick={pick}
      onLeave={() => {
        if (chosen) return setText(chosen.label);
        const meant = resolveCountry(options, text);
        if (meant && typed) pick(meant);
      }}
      listLabel={t('forms.suggestions', { field: label })}
      noMatch={t('forms.countryNoMatch', { query: text })}
      extra={
        fix && (
          <button type="button" className="button small field-fix" onClick={() => pick(fix)}>
            {t('forms.countryFix', { name: fix.name, code: fix.code })}
          </button>
        )
      }
    />
  );
}
