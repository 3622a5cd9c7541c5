import { useCallback, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client';

type Values = Record<string, unknown>;

/**
 * Form state validated by the same zod schema the API uses: errors appear beside a field when the user leaves it
 * after changing it, all of them on submit, and the server's field errors land in the same places.
 *
 * A field left unchanged shows nothing on leaving: the caret starts in the first field, and clicking a button from
 * there (「用示例草稿填写」) must not put 「请填写名称」 under it — the line it adds moved the button away between the
 * mouse going down and up, and the click was lost.
 */
export function useZodForm<S extends z.ZodType>(schema: S, initial: z.input<S> & Values) {
  const [values, setValuesState] = useState<Values>(initial);
  // The latest values for blur validation, which runs between renders.
  const latest = useRef<Values>(initial);
  const setValues = useCallback((update: (v: Values) => Values) => {
    latest.current = update(latest.current);
    setValuesState(latest.current);
  }, []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [baseline, setBaseline] = useState(() => JSON.stringify(initial));
  const edited = useRef(new Set<string>());

  const errorsFor = useCallback(
    (v: Values): Record<string, string> => {
      const r = schema.safeParse(v);
      if (r.success) return {};
      const out: Record<string, string> = {};
      for (const issue of r.error.issues) {
        const key = issue.path.map(String).join('.');
        out[key] ??= issue.message;
      }
      return out;
    },
    [schema],
  );

  const set = useCallback((name: string, value: unknown) => {
    edited.current.add(name);
    setValues((v) => ({ ...v, [name]: value }));
    // A corrected field loses its error at once; new errors wait for blur.
    setErrors((e) => {
      if (!e[name]) return e;
      const { [name]: _drop, ...rest } = e;
      return rest;
    });
  }, [setValues]);

  const touch = useCallback(
    (name: string) => {
      if (!edited.current.has(name)) return;
      const found = errorsFor(latest.current)[name];
      setErrors((e) => {
        if (found === e[name]) return e;
        const { [name]: _drop, ...rest } = e;
        return found ? { ...rest, [name]: found } : rest;
      });
    },
    [errorsFor],
  );

  const submit = useCallback(
    (onValid: (parsed: z.output<S>) => Promise<unknown>) => async () => {
      const r = schema.safeParse(values);
      if (!r.success) {
        setErrors(errorsFor(values));
        return false;
      }
      setSubmitting(true);
      try {
        await onValid(r.data);
        setBaseline(JSON.stringify(values));
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.body.fields?.length) {
          setErrors(Object.fromEntries(err.body.fields.map((f) => [f.path, f.message])));
        }
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [schema, values, errorsFor],
  );

  const reset = useCallback((next: Values) => {
    edited.current.clear();
    setBaseline(JSON.stringify(next));
    setValues(() => next);
    setErrors({});
  }, [setValues]);

  const dirty = useMemo(() => JSON.stringify(values) !== baseline, [values, baseline]);

  return { values: values as z.input<S> & Values, errors, set, touch, submit, reset, dirty, submitting, setErrors };
}

export type ZodForm = ReturnType<typeof useZodForm>;
