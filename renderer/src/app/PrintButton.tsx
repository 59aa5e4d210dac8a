import { useTranslation } from 'react-i18next';

/**
 * Prints the page as it is: the print stylesheet (styles.css, `@media print`) leaves out the
 * sidebar, the tabs and every control, and shows what each view prepares for paper. In the
 * desktop app `window.print()` opens the system's print dialog; in browser mode, the
 * browser's.
 */
export function PrintButton({ what }: { what: 'note' | 'agenda' | 'commitments' }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button small"
      title={t('print.help')}
      onClick={() => window.print()}
    >
      {t(`print.${what}`)}
    </button>
  );
}
