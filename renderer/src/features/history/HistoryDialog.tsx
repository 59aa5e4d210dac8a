import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryKind } from '../../../../electron/common/domain/forum-schema';
import type { Bilingual } from '../../../../electron/common/domain/primitives';
import type { UiLanguage } from '../../../../electron/common/language';
import { Dialog } from '../../app/Dialog';
import { useFormat } from '../../app/use-format';
import { useLanguageName } from '../../app/use-language-name';
import { ClauseDiff } from '../agreement/ClauseDiff';

/** One earlier text, of a note side or of a clause (which keeps both sides at once). */
export interface HistoryItem {
  id: string;
  recordedAt: string;
  author: string;
  kind: HistoryKind;
  /** A draft's own name, shown instead of the kind. */
  label: string;
  /** The sides this version is about. */
  sides: UiLanguage[];
  text: Bilingual;
  /** What the version is, when not a version of the text `current` shows (a clause's reason). */
  what?: string;
  /** The text it compares with and would replace, when not `current`. */
  current?: Bilingual;
}

/** A version of one side of a text (a note side, a report text) as the dialog lists it. */
export function sideVersionItem(version: {
  id: string;
  recordedAt: string;
  author: string;
  kind: HistoryKind;
  side: UiLanguage;
  text: string;
}): HistoryItem {
  const { id, recordedAt, author, kind, side, text } = version;
  return {
    id,
    recordedAt,
    author,
    kind,
    label: '',
    sides: [side],
    text: { id: side === 'id' ? text : '', en: side === 'en' ? text : '' },
  };
}

interface Props {
  title: string;
  open: boolean;
  items: HistoryItem[] | null;
  current: Bilingual;
  onRestore: (item: HistoryItem, side: UiLanguage) => Promise<void>;
  onClose: () => void;
}

/**
 * Earlier versions, newest first: the chosen one side by side with the current text, the
 * word-by-word changes between them, and a restore (itself undoable).
 */
export function HistoryDialog({ title, open, items, current, onRestore, onClose }: Props) {
  const { t } = useTranslation('notebook');
  const languageName = useLanguageName();
  const format = useFormat();
  const listId = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const [chosenSide, setSide] = useState<UiLanguage>('id');
  const [busy, setBusy] = useState(false);
  const item = items?.find((i) => i.id === selected) ?? items?.[0] ?? null;
  const now = item?.current ?? current;

  // A version of one side shows that side, whichever was chosen for another.
  const side = item && !item.sides.includes(chosenSide) ? (item.sides[0] ?? 'id') : chosenSide;

  const kindLabel = (i: HistoryItem) =>
    i.what ?? (i.kind === 'draft' && i.label ? i.label : t(`history.kinds.${i.kind}`));

  return (
    <Dialog title={title} open={open} onClose={onClose} wide>
      {items && items.length === 0 && <p>{t('history.empty')}</p>}
      {item && items && (
        <div className="history">
          <ul className="history-list" aria-label={t('history.versions')} id={listId}>
            {items.map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  aria-pressed={i.id === item.id}
                  onClick={() => setSelected(i.id)}
                >
                  {format.dateTime(i.recordedAt)}
                  <small>
                    {kindLabel(i)} · {i.sides.map((s) => languageName(s, 'start')).join(', ')}
                    {i.author ? ` · ${t('history.by', { author: i.author })}` : ''}
                  </small>
                </button>
              </li>
            ))}
          </ul>
          <div className="history-detail">
            {item.sides.length > 1 && (
              <div className="field inline">
                <label htmlFor={`${listId}-side`}>{t('history.side')}</label>
                <select
                  id={`${listId}-side`}
                  value={side}
                  onChange={(e) => setSide(e.target.value as UiLanguage)}
                >
                  {item.sides.map((s) => (
                    <option key={s} value={s}>
                      {languageName(s, 'start')}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="history-compare">
              <section aria-label={t('history.thisVersion')}>
                <h3>
                  {t('history.thisVersion')} · {format.dateTime(item.recordedAt)}
                </h3>
                <p className="history-text" lang={side}>
                  {item.text[side] || t('history.emptyText')}
                </p>
              </section>
              <section aria-label={t('history.current')}>
                <h3>{t('history.current')}</h3>
                <p className="history-text" lang={side}>
                  {now[side] || t('history.emptyText')}
                </p>
              </section>
            </div>
            <div>
              <h3>{t('history.diff')}</h3>
              {item.text[side] === now[side] ? (
                <p className="help">{t('history.same')}</p>
              ) : (
                <ClauseDiff before={item.text[side]} after={now[side]} label={t('history.diff')} />
              )}
            </div>
            <div className="dialog-actions">
              <button type="button" className="button" onClick={onClose}>
                {t('history.close')}
              </button>
              <button
                type="button"
                className="button primary"
                disabled={busy || item.text[side] === now[side]}
                onClick={async () => {
                  setBusy(true);
                  try {
                    await onRestore(item, side);
                    setSelected(null);
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                {item.sides.length > 1
                  ? t('history.restoreSide', { side: languageName(side) })
                  : t('history.restore')}
              </button>
            </div>
          </div>
        </div>
      )}
      {items && items.length === 0 && (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('history.close')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
