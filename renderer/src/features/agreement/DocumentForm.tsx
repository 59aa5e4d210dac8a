import { CheckedForm } from '../../app/CheckedForm';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseDocumentInput } from '../../../../electron/common/domain/agreement-schema';
import type { ClauseDocument } from '../../../../electron/common/domain/forum-schema';
import {
  clauseDocumentKinds,
  clauseDocumentStatuses,
} from '../../../../electron/common/domain/vocabulary';
import type { UiLanguage } from '../../../../electron/common/language';
import { Field } from '../../app/Field';
import { FormFooter } from '../../app/FormFooter';
import type { FormChecks } from '../../app/form-problems';
import { useFormProblems } from '../../app/use-form-problems';
import { useLanguageName } from '../../app/use-language-name';
import { useUnsavedChanges } from '../../app/use-unsaved-changes';

interface Props {
  document?: ClauseDocument;
  onSubmit: (input: ClauseDocumentInput) => Promise<void>;
  onCancel: () => void;
}

export function DocumentForm({ document, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('agreement');
  const languageName = useLanguageName();
  const ids = { kind: useId(), language: useId(), status: useId() };
  const [value, setValue] = useState<ClauseDocumentInput>({
    title: { id: document?.title.id ?? '', en: document?.title.en ?? '' },
    kind: document?.kind ?? 'declaration',
    authoritativeLanguage: document?.authoritativeLanguage ?? 'en',
    status: document?.status ?? 'read',
    source: document?.source ?? '',
  });
  const set = (patch: Partial<ClauseDocumentInput>) => setValue((v) => ({ ...v, ...patch }));
  const checks: FormChecks = {
    'title.id': {
      error: !value.title.id.trim() && !value.title.en.trim() ? t('documentForm.needTitle') : null,
    },
  };
  const problems = useFormProblems(checks, value);
  const { formRef, leave } = useUnsavedChanges(value, problems.sending);

  async function submit(event: FormEvent<HTMLFormElement>) {
    await problems.submit(event, () => onSubmit(value));
  }

  return (
    <CheckedForm problems={problems} onSubmit={submit} formRef={formRef}>
      <div className="form-grid">
        <Field
          label={t('documentForm.titleId')}
          lang="id"
          value={value.title.id}
          onChange={(id) => set({ title: { ...value.title, id } })}
          autoFocus
          {...problems.field('title.id')}
        />
        <Field
          label={t('documentForm.titleEn')}
          lang="en"
          value={value.title.en}
          onChange={(en) => set({ title: { ...value.title, en } })}
          {...problems.field('title.en')}
        />
        <div className="field">
          <label htmlFor={ids.kind}>{t('documentForm.kind')}</label>
          <select
            id={ids.kind}
            value={value.kind}
            onChange={(e) => set({ kind: e.target.value as ClauseDocumentInput['kind'] })}
          >
            {clauseDocumentKinds.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>{t('documentForm.status')}</label>
          <select
            id={ids.status}
            value={value.status}
            onChange={(e) => set({ status: e.target.value as ClauseDocumentInput['status'] })}
          >
            {clauseDocumentStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`documents.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.language}>{t('documentForm.authoritative')}</label>
          <select
            id={ids.language}
            value={value.authoritativeLanguage}
            onChange={(e) => set({ authoritativeLanguage: e.target.value as UiLanguage })}
          >
            <option value="en">{languageName('en', 'start')}</option>
            <option value="id">{languageName('id', 'start')}</option>
          </select>
        </div>
        <Field
          label={t('documentForm.source')}
          help={t('documentForm.sourceHelp')}
          value={value.source ?? ''}
          onChange={(source) => set({ source })}
          {...problems.field('source')}
        />
      </div>
      <FormFooter
        problem={problems.footer}
        busy={problems.busy}
        cancelLabel={t('documentForm.cancel')}
        submitLabel={t('documentForm.save')}
        onCancel={() => void leave(onCancel)}
      />
    </CheckedForm>
  );
}
