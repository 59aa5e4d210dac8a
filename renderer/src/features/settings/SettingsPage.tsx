import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../electron/common/language';
import { useLanguageName } from '../../app/use-language-name';
import { useAppStore } from '../../store/app-store';
import { followedLanguage } from '../../store/settings-slice';
import { SecuritySection } from '../security/SecuritySection';
import { BackupsSection } from './BackupsSection';
import { TrashSection } from './TrashSection';

type Choice = UiLanguage | 'system';

export function SettingsPage() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const chosen = useAppStore((s) => s.settings.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const browserLanguage = useAppStore((s) => s.browserLanguage);
  const languageName = useLanguageName();
  const choices: Choice[] = ['system', 'id', 'en'];
  const current: Choice = chosen ?? 'system';
  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      <section className="card settings-section">
        <fieldset>
          <legend>{t('settings.languageTitle')}</legend>
          <p className="help">{t('settings.languageHelp')}</p>
          {choices.map((choice) => (
            <label key={choice} className="radio">
              <input
                type="radio"
                name="language"
                value={choice}
                checked={current === choice}
                onChange={() => void setLanguage(choice === 'system' ? null : choice)}
              />
              {/* Each language by its own name, so a reader finds theirs whatever the UI shows. */}
              {choice === 'system' ? (
                t(
                  info?.transport === 'electron'
                    ? 'settings.followSystem'
                    : 'settings.followBrowser',
                  {
                    language: languageName(followedLanguage(info, browserLanguage)),
                  },
                )
              ) : (
                <span lang={choice}>{t(`language.${choice}`)}</span>
              )}
            </label>
          ))}
        </fieldset>
      </section>
      <section className="card settings-section" aria-labelledby="ws-title">
        <h2 id="ws-title">{t('settings.workspaceTitle')}</h2>
        <p className="help">{t('settings.workspaceHelp')}</p>
        <code className="path">{info?.workspaceDir}</code>
      </section>
      <SecuritySection />
      <TrashSection />
      <BackupsSection />
      <section className="card settings-section" aria-labelledby="about-title">
        <h2 id="about-title">{t('settings.aboutTitle')}</h2>
        <dl className="facts">
          <dt>{t('settings.version')}</dt>
          <dd>{info?.version}</dd>
          <dt>{t('settings.mode')}</dt>
          <dd>{info && t(`settings.modes.${info.transport}`)}</dd>
        </dl>
      </section>
    </div>
  );
}
