import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSchema } from '@sinclair/typebox';
import { ApiError } from '../lib/api.ts';
import { validate } from '../lib/validate.ts';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  hint?: string;
  error?: string | undefined;
  /** A textarea, for text that runs over several lines. */
  multiline?: boolean;
}

/** A labelled input whose hint and error are announced by screen readers. */
export function Field({ label, name, hint, error, multiline, ...input }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {multiline ? (
        <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described} rows={4}
          value={input.value} onChange={input.onChange as never} lang={input.lang} dir={input.dir} />
      ) : (
        <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      )}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}

export function Select({ label, name, children, value, onChange }: { label: string; name: string; children: ReactNode; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>{children}</select>
    </div>
  );
}

export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}

/**
 * The submit step every form shares: check the body against the very schema
 * the server validates with, show each field's message before sending, then
 * send and show the server's per-field messages if it still refuses.
 */
export function useCheckedSubmit(schema: TSchema) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  /** Resolves true when `send` succeeded. */
  async function submit(body: unknown, send: () => Promise<void>): Promise<boolean> {
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
      if (error instanceof ApiError) {
        setErrors(error.byField());
        setFormError(error.code === 'network' ? t('errors.network') : error.message);
      } else {
        setFormError(t('errors.network'));
      }
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

  function onSubmit(action: (values: T) => Promise<void>) {
    return async (event: FormEvent) => {
      event.preventDefault();
      const payload = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as T;
      await checked.submit(payload, () => action(payload));
    };
  }

  return { values, setValues, errors: checked.errors, formError: checked.formError, submitting: checked.submitting, bind, onSubmit, setFormError: checked.setFormError };
}
