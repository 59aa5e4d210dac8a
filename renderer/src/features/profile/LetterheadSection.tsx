import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_BYTES } from '../../../../electron/common/domain/vocabulary';
import type { Letterhead } from '../../../../electron/common/domain/workspace-schema';
import { Field } from '../../app/Field';
import { useAppStore } from '../../store/app-store';

const MAX_LINES = 6;

/** The image's type by its first bytes (a renamed file or a wrong extension is caught). */
function imageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The kop surat above the travel report: institution lines, address, a logo. Autosaved. */
export function LetterheadSection({ letterhead }: { letterhead: Letterhead }) {
  const { t } = useTranslation('report');
  const editLetterhead = useAppStore((s) => s.editLetterhead);
  const fileId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const current = {
    lines: letterhead.lines.map((l) => ({ id: l.id, en: l.en })),
    address: { id: letterhead.address.id, en: letterhead.address.en },
    logo: letterhead.logo,
  };
  const edit = (patch: Partial<typeof current>) => editLetterhead({ ...current, ...patch });
  const setLine = (index: number, side: 'id' | 'en', value: string) =>
    edit({
      lines: current.lines.map((line, i) => (i === index ? { ...line, [side]: value } : line)),
    });

  async function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = imageType(bytes);
    if (!type) return setProblem(t('profile.logoType', { name: file.name }));
    if (bytes.length > LOGO_MAX_BYTES) {
      return setProblem(
        t('profile.logoSize', { name: file.name, size: Math.ceil(bytes.length / 1024) }),
      );
    }
    setProblem(null);
    edit({ logo: `data:${type};base64,${toBase64(bytes)}` });
  }

  return (
    <section className="card" aria-labelledby="letterhead-title">
      <h2 id="letterhead-title">{t('profile.letterheadTitle')}</h2>
      <p className="help">{t('profile.letterheadHelp')}</p>
      <div className="letterhead-editor">
        <div className="letterhead-logo">
          {current.logo ? (
            <img src={current.logo} alt={t('profile.logoAlt')} className="logo-preview" />
          ) : (
            <span className="logo-preview empty">{t('profile.logoNone')}</span>
          )}
          <label htmlFor={fileId} className="button small">
            {t('profile.logoChoose')}
          </label>
          <input
            id={fileId}
            type="file"
            accept="image/png,image/jpeg"
            className="visually-hidden"
            aria-describedby={`${fileId}-help`}
            onChange={(e) => void chooseLogo(e)}
          />
          {current.logo && (
            <button
              type="button"
              className="button small subtle"
              onClick={() => edit({ logo: null })}
            >
              {t('profile.logoRemove')}
            </button>
          )}
          <p className="help" id={`${fileId}-help`}>
            {t('profile.logoHelp')}
          </p>
          {problem && (
            <p className="form-problem" role="alert">
              {problem}
            </p>
          )}
        </div>
        <div className="letterhead-lines">
          {current.lines.map((line, index) => (
            <div key={index} className="pair-row removable">
              <Field
                label={t('profile.lineId', { number: index + 1 })}
                lang="id"
                maxLength={200}
                value={line.id}
                onChange={(v) => setLine(index, 'id', v)}
              />
              <Field
                label={t('profile.lineEn', { number: index + 1 })}
                lang="en"
                maxLength={200}
                value={line.en}
                onChange={(v) => setLine(index, 'en', v)}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('profile.removeLine', { number: index + 1 })}
                onClick={() => edit({ lines: current.lines.filter((_, i) => i !== index) })}
              >
                ×
              </button>
            </div>
          ))}
          {current.lines.length < MAX_LINES && (
            <div>
              <button
                type="button"
                className="button small"
                onClick={() => edit({ lines: [...current.lines, { id: '', en: '' }] })}
              >
                {t('profile.addLine')}
              </button>
            </div>
          )}
          <div className="pair-row">
            <Field
              label={t('profile.addressId')}
              multiline
              lang="id"
              maxLength={400}
              value={current.address.id}
              onChange={(id) => edit({ address: { ...current.address, id } })}
            />
            <Field
              label={t('profile.addressEn')}
              multiline
              lang="en"
              maxLength={400}
              value={current.address.en}
              onChange={(en) => edit({ address: { ...current.address, en } })}
            />
          </div>
        </div>
      </div>
    </section>
  );
}
