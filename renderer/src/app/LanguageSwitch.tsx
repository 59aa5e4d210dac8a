import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../electron/common/language';
import { useAppStore } from '../store/app-store';

const languages: UiLanguage[] = ['id', 'en'];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={language === code}
          aria-label={t(`language.${code}`)}
          onClick={() => void setLanguage(code)}
        >
          {t(`language.short.${code}`)}
        </button>
      ))}
    </div>
  );
}
