import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { discardQuestion } from '../store/unsaved-changes';
import { Dialog } from './Dialog';

/**
 * "Discard your changes?" when a form with unsaved input is being left. Keeping them is the
 * first button and what Escape does: the safe answer is the easy one.
 */
export function DiscardDialog() {
  const { t } = useTranslation();
  const open = useSyncExternalStore(discardQuestion.subscribe, discardQuestion.isOpen);
  return (
    <Dialog title={t('unsaved.title')} open={open} onClose={() => discardQuestion.answer(false)}>
      <p>{t('unsaved.body')}</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="button primary"
          autoFocus
          onClick={() => discardQuestion.answer(false)}
        >
          {t('unsaved.keep')}
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => discardQuestion.answer(true)}
        >
          {t('unsaved.discard')}
        </button>
      </div>
    </Dialog>
  );
}
