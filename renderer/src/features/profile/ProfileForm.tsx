import { CheckedForm } from '../../app/CheckedForm';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfilePatch } from '../../../../electron/common/domain/notebook-schema';
import type { DelegationProfile } from '../../../../electron/common/domain/workspace-schema';
import { Field } from '../../app/Field';
import { useFormProblems } from '../../app/use-form-problems';
import { PageFormActions } from '../../app/FormFooter';

interface ProfileFormProps {
  profile: DelegationProfile;
  onSave: (patch: ProfilePatch) => Promise<void>;
}

export function ProfileForm({ profile, onSave }: ProfileFormProps) {
  const { t } = useTranslation('notebook');
  const [value, setValue] = useState({
    delegationName: { id: profile.delegationName.id, en: profile.delegationName.en },
    headName: profile.headName,
    headPosition: { id: profile.headPosition.id, en: profile.headPosition.en },
    institution: { id: profile.institution.id, en: profile.institution.en },
    city: profile.city,
  });
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<typeof value>) => {
    setSaved(false);
    setValue((v) => ({ ...v, ...patch }));
  };

  // No field can be wrong here, but the host may still refuse one (too long): it is said there.
  const problems = useFormProblems({}, value);

  async function submit(event: FormEvent<HTMLFormElement>) {
    if (await problems.submit(event, () => onSave(value))) setSaved(true);
  }

  return (
    <CheckedForm problems={problems} onSubmit={submit}>
      <div className="form-grid">
        <Field
          label={t('profile.nameId')}
          lang="id"
          value={value.delegationName.id}
          onChange={(id) => set({ delegationName: { ...value.delegationName, id } })}
          {...problems.field('delegationName.id')}
        />
        <Field
          label={t('profile.nameEn')}
          lang="en"
          value={value.delegationName.en}
          onChange={(en) => set({ delegationName: { ...value.delegationName, en } })}
          {...problems.field('delegationName.en')}
        />
        <Field
          label={t('profile.headName')}
          value={value.headName}
          onChange={(headName) => set({ headName })}
          {...problems.field('headName')}
        />
        <Field
          label={t('profile.city')}
          value={value.city}
          onChange={(city) => set({ city })}
          {...problems.field('city')}
        />
        <Field
          label={t('profile.positionId')}
          lang="id"
          value={value.headPosition.id}
          onChange={(id) => set({ headPosition: { ...value.headPosition, id } })}
          {...problems.field('headPosition.id')}
        />
        <Field
          label={t('profile.positionEn')}
          lang="en"
          value={value.headPosition.en}
          onChange={(en) => set({ headPosition: { ...value.headPosition, en } })}
          {...problems.field('headPosition.en')}
        />
        <Field
          label={t('profile.institutionId')}
          lang="id"
          value={value.institution.id}
          onChange={(id) => set({ institution: { ...value.institution, id } })}
          {...problems.field('institution.id')}
        />
        <Field
          label={t('profile.institutionEn')}
          lang="en"
          value={value.institution.en}
          onChange={(en) => set({ institution: { ...value.institution, en } })}
          {...problems.field('institution.en')}
        />
      </div>
      <PageFormActions
        saveLabel={t('profile.save')}
        savedLabel={t('profile.saved')}
        saved={saved}
        problem={problems.footer}
      />
    </CheckedForm>
  );
}
