import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../electron/common/language';
import { intlLocale } from '../i18n/i18n';
import { useAppStore } from '../store/app-store';
import { Combobox } from './Combobox';
import { resolveZone, searchZones, zoneOptions } from './time-zones';
import type { ZoneOption } from './time-zones';

// Describing 400-odd zones takes a moment: once per language and session is enough.
const cache = new Map<UiLanguage, ZoneOption[]>();
function optionsFor(language: UiLanguage): ZoneOption[] {
  let options = cache.get(language);
  if (!options) {
    options = zoneOptions(language, intlLocale(language));
    cache.set(language, options);
  }
  return options;
}

interface Props {
  label: string;
  name: string;
  /** An IANA zone, or (while it is not one yet) what the user typed. */
  value: string;
  onChange: (value: string) => void;
  help?: string;
  error?: string | null;
}

/** Searchable IANA time zones: a city in the UI language, WIB/WITA/WIT, a country, "UTC+7". */
export function TimeZoneField({ label, name, value, onChange, help, error }: Props) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const options = useMemo(() => optionsFor(language), [language]);
  const labelOf = (zone: string) => options.find((o) => o.id === zone)?.label ?? zone;
  const [text, setText] = useState(() => labelOf(value));
  const chosen = options.find((o) => o.id === value);

  // The label follows the UI language ("Singapore" / "Singapura"); typing is never overwritten.
  const [shownIn, setShownIn] = useState(language);
  if (shownIn !== language) {
    setShownIn(language);
    if (chosen) setText(chosen.label);
  }

  return (
    <Combobox<ZoneOption>
      label={label}
      name={name}
      help={help}
      error={error}
      placeholder={t('forms.zonePlaceholder')}
      text={text}
      onTextChange={(next) => {
        setText(next);
        onChange(next);
      }}
      // The chosen zone's label lists everything, so the list can be browsed from it.
      search={(query) => (chosen && query === chosen.label ? options : searchZones(options, query))}
      keyOf={(o) => o.id}
      render={(o) => (
        <>
          <span className="option-main">
            {o.city}
            {o.abbreviation && <span className="option-tag">{o.abbreviation}</span>}
          </span>
          <span className="option-detail">
            {o.offset} · {o.description || o.id} · {o.id}
          </span>
        </>
      )}
      onPick={(o) => {
        setText(o.label);
        onChange(o.id);
      }}
      onLeave={() => {
        if (chosen) return setText(chosen.label);
        const meant = resolveZone(options, text);
        if (meant) {
          setText(meant.label);
          onChange(meant.id);
        }
      }}
      listLabel={t('forms.suggestions', { field: label })}
      noMatch={t('forms.zoneNoMatch', { query: text })}
    />
  );
}

/** True for a zone the picker offers (what a form may send). */
export function isKnownZone(language: UiLanguage, zone: string): boolean {
  return optionsFor(language).some((o) => o.id === zone);
}
