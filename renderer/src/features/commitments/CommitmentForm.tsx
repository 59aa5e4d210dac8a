import { CheckedForm } from '../../app/CheckedForm';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../app/changed-fields';
import type { CommitmentInput } from '../../../../electron/common/domain/agreement-schema';
import type { Clause } from '../../../../electron/common/domain/forum-schema';
import type {
  CommitmentView,
  ContactSummary,
} from '../../../../electron/common/domain/notebook-views';
import { commitmentStatuses } from '../../../../electron/common/domain/vocabulary';
import { DateField } from '../../app/DateField';
import { Field } from '../../app/Field';
import { FormFooter } from '../../app/FormFooter';
import type { FormChecks } from '../../app/form-problems';
import { useBilingual } from '../../app/use-bilingual';
import { useFormProblems } from '../../app/use-form-problems';
import { useUnsavedChanges } from '../../app/use-unsaved-changes';

interface Props {
  commitment?: CommitmentView;
  clauses: Clause[];
  contacts: readonly ContactSummary[];
  /** `changed`: the fields changed since the form opened (all of them for a new one). */
  onSubmit: (input: CommitmentInput, changed: Partial<CommitmentInput>) => Promise<void>;
  onCancel: () => void;
}

type Step = { id: string; text: { id: string; en: string }; done: boolean };

export function CommitmentForm({ commitment, clauses, contacts, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('agreement');
  const { t: tc } = useTranslation();
  const text = useBilingual();
  const statusId = useId();
  const contactId = useId();
  const [person, setPerson] = useState(commitment?.responsible.contactId ?? '');
  const [statement, setStatement] = useState({
    id: commitment?.statement.id ?? '',
    en: commitment?.statement.en ?? '',
  });
  const [clauseIds, setClauseIds] = useState<string[]>(commitment?.clauseIds ?? []);
  const [unit, setUnit] = useState(commitment?.responsible.unit ?? '');
  const [dueDate, setDueDate] = useState<string | null>(commitment?.dueDate ?? null);
  const [dueDatePartial, setDueDatePartial] = useState(false);
  const [status, setStatus] = useState<CommitmentInput['status']>(commitment?.status ?? 'planned');
  const [steps, setSteps] = useState<Step[]>(
    commitment?.steps.map((s) => ({ ...s, text: { ...s.text } })) ?? [],
  );
  const [evidence, setEvidence] = useState(commitment?.evidence ?? '');
  const checks: FormChecks = {
    'statement.id': {
      error:
        !statement.id.trim() && !statement.en.trim() ? t('commitmentForm.needStatement') : null,
    },
    dueDate: { error: dueDatePartial ? tc('forms.dateIncomplete') : null },
  };
  const value = { statement, clauseIds, person, unit, dueDate, status, steps, evidence };
  const problems = useFormProblems(checks, value);
  const { formRef, leave } = useUnsavedChanges(value, problems.sending);

  const input: CommitmentInput = {
    statement,
    clauseIds,
    responsible: { unit, contactId: person || null },
    dueDate,
    status,
    steps: steps.filter((s) => s.text.id.trim() || s.text.en.trim()),
    evidence,
  };
  const [opened] = useState(input);

  async function submit(event: FormEvent<HTMLFormElement>) {
    await problems.submit(event, () => onSubmit(input, changedFields(opened, input)));
  }

  const editStep = (index: number, patch: Partial<Step>) =>
    setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <CheckedForm problems={problems} onSubmit={submit} formRef={formRef}>
      <div className="form-grid">
        <Field
          label={t('commitmentForm.statementId')}
          lang="id"
          multiline
          value={statement.id}
          onChange={(id) => setStatement({ ...statement, id })}
          {...problems.field('statement.id')}
        />
        <Field
          label={t('commitmentForm.statementEn')}
          lang="en"
          multiline
          value={statement.en}
          onChange={(en) => setStatement({ ...statement, en })}
          {...problems.field('statement.en')}
        />
        <Field
          label={t('commitmentForm.unit')}
          value={unit}
          onChange={setUnit}
          {...problems.field('unit')}
        />
        <div className="field">
          <label htmlFor={contactId}>{t('commitmentForm.person')}</label>
          <select id={contactId} value={person} onChange={(e) => setPerson(e.target.value)}>
            <option value="">{t('commitmentForm.noPerson')}</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <DateField
          label={t('commitmentForm.dueDate')}
          value={dueDate}
          onChange={setDueDate}
          onPartial={setDueDatePartial}
          {...problems.field('dueDate')}
        />
        <div className="field">
          <label htmlFor={statusId}>{t('commitmentForm.status')}</label>
          <select
            id={statusId}
            value={status}
            onChange={(e) => setStatus(e.target.value as CommitmentInput['status'])}
          >
            {commitmentStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`commitments.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('commitmentForm.evidence')}
          help={t('commitmentForm.evidenceHelp')}
          value={evidence}
          onChange={setEvidence}
          {...problems.field('evidence')}
        />
      </div>
      <fieldset className="clause-picker">
        <legend>{t('commitmentForm.clauses')}</legend>
        {clauses.length === 0 && <p className="help">{t('commitmentForm.noClauses')}</p>}
        {clauses.map((clause) => (
          <label key={clause.id} className="checkbox">
            <input
              type="checkbox"
              checked={clauseIds.includes(clause.id)}
              onChange={(e) =>
                setClauseIds((ids) =>
                  e.target.checked ? [...ids, clause.id] : ids.filter((id) => id !== clause.id),
                )
              }
            />
            <strong>{clause.number}</strong>{' '}
            <span className="clause-choice-text" title={text(clause.text)}>
              {text(clause.text)}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="steps">
        <legend>{t('commitmentForm.steps')}</legend>
        {steps.map((step, index) => (
          <div key={step.id} className="step-row">
            <input
              type="checkbox"
              aria-label={t('commitmentForm.stepDone', { n: index + 1 })}
              checked={step.done}
              onChange={(e) => editStep(index, { done: e.target.checked })}
            />
            <input
              aria-label={t('commitmentForm.stepId', { n: index + 1 })}
              lang="id"
              value={step.text.id}
              onChange={(e) => editStep(index, { text: { ...step.text, id: e.target.value } })}
            />
            <input
              aria-label={t('commitmentForm.stepEn', { n: index + 1 })}
              lang="en"
              value={step.text.en}
              onChange={(e) => editStep(index, { text: { ...step.text, en: e.target.value } })}
            />
            <button
              type="button"
              className="button small subtle"
              aria-label={t('commitmentForm.removeStep', { n: index + 1 })}
              onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() =>
            setSteps((all) => [
              ...all,
              { id: crypto.randomUUID(), text: { id: '', en: '' }, done: false },
            ])
          }
        >
          {t('commitmentForm.addStep')}
        </button>
      </fieldset>
      <FormFooter
        problem={problems.footer}
        busy={problems.busy}
        cancelLabel={t('commitmentForm.cancel')}
        submitLabel={t('commitmentForm.save')}
        onCancel={() => void leave(onCancel)}
      />
    </CheckedForm>
  );
}
