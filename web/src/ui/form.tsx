import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSchema } from '@sinclair/typebox';
import { isNetworkProblem, ProblemError, toProblem } from '../api/client.ts';
import { validate } from '../lib/validate.ts';

export { Alert, ProblemAlert } from './problem.tsx';
export { Field, Select } from './fields.tsx';

/**
 * The submit step every form shares: check the body against the very schema
 * the server validates with (src/common/schemas), show each field's message
 * before sending, then send and show the server's per-field messages if it
 * still refuses.
 */
export function useCheckedSubmit(schema: TSchema) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  /** Resolves true when `send` succeeded. */
  async function submit(body: unknown, send: () => Promise<unknown>): Promise<boolean> {
    const local = validate(schema, body);
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length > 0) {
      setFormError(t('form.errorTitle'));
      return false;
    }
    setSubmitting(true);
    try {
      await send();
      return true;
    } catch (error) {
      const problem = error instanceof ProblemError ? error.problem : toProblem(error);
      setErrors(Object.fromEntries((problem.errors ?? []).map((f) => [f.pointer.split('/')[2] ?? '', f.message])));
      setFormError(isNetworkProblem(problem) ? t('errors.network') : problem.title);
      return false;
    } finally {
      setSubmitting(false);
    }
  }

  return { errors, formError, setFormError, submitting, submit };
}

/** Form state for forms of plain text fields, on top of `useCheckedSubmit`. */
export function useForm<T extends Record<string, string>>(schema: TSchema, initial: T) {
  const [values, setValues] = useState<T>(initial);
  const checked = useCheckedSubmit(schema);

  function bind(name: keyof T & string) {
    return {
      name,
      value: values[name],
      error: checked.errors[name],
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    };
  }

  function onSubmit(action: (values: T) => Promise<unknown>) {
    return async (event: FormEvent) => {
      event.preventDefault();
      const payload = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as T;
      await checked.submit(payload, () => action(payload));
    };
  }

  return { values, setValues, errors: checked.errors, formError: checked.formError, submitting: checked.submitting, bind, onSubmit, setFormError: checked.setFormError };
}
