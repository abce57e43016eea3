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
 * Form state with the shared request schema: checks locally first, then
 * shows the server's per-field messages if it still refuses.
 */
export function useForm<T extends Record<string, string>>(schema: TSchema, initial: T) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  function bind(name: keyof T & string) {
    return {
      name,
      value: values[name],
      error: errors[name],
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    };
  }

  function onSubmit(action: (values: T) => Promise<void>) {
    return async (event: FormEvent) => {
      event.preventDefault();
      const payload = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as T;
      const local = validate(schema, payload);
      setErrors(local);
      setFormError(null);
      if (Object.keys(local).length > 0) {
        setFormError(t('form.errorTitle'));
        return;
      }
      setSubmitting(true);
      try {
        await action(payload);
      } catch (error) {
        if (error instanceof ApiError) {
          setErrors(error.byField());
          setFormError(error.code === 'network' ? t('errors.network') : error.message);
        } else {
          setFormError(t('errors.network'));
        }
      } finally {
        setSubmitting(false);
      }
    };
  }

  return { values, setValues, errors, formError, submitting, bind, onSubmit, setFormError };
}
