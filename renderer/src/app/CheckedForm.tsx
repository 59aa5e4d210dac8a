import type { FocusEvent, FormEvent, ReactNode, Ref } from 'react';

interface CheckedFormProps {
  /** From `useFormProblems`: a field's warning shows once it is left. */
  problems: { onBlur(event: FocusEvent<HTMLFormElement>): void };
  onSubmit(event: FormEvent<HTMLFormElement>): Promise<unknown>;
  /** From `useUnsavedChanges`, when the form asks before dropping what was typed. */
  formRef?: Ref<HTMLFormElement>;
  children: ReactNode;
}

/**
 * Every record form: the app's own checks instead of the browser's bubbles (which are in the
 * browser's language, not the UI's), and warnings shown as fields are left.
 */
export function CheckedForm({ problems, onSubmit, formRef, children }: CheckedFormProps) {
  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      onBlur={problems.onBlur}
    >
      {children}
    </form>
  );
}
