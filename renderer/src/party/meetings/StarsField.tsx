import { Group, Input } from '@mantine/core';
import { IconStar, IconStarFilled } from '@tabler/icons-react';
import { useId, useRef, type KeyboardEvent } from 'react';
import type { ZodForm } from '../../components/useZodForm';
import { pm } from '../../i18n/party-meetings';

const COUNT = 5;
const stars = Array.from({ length: COUNT }, (_, i) => i + 1);

/**
 * 星级 of a 五星支部 rating, set by mouse or keyboard: a radio group whose stars are its radios. Digits 1–5 set it,
 * the arrows move it a star (Home/End to 1 and 5), Space checks the focused star. One star is in the Tab order (the
 * checked one, else the first); it takes the drawer's first focus, with its ring shown however the focus came.
 * Mantine's Rating moved only a hover highlight with the arrows, and set nothing until Space or a click.
 */
export function StarsField({ form, name, label, required }: { form: ZodForm; name: string; label: string; required?: boolean }) {
  const id = useId();
  const refs = useRef<(HTMLSpanElement | null)[]>([]);
  const raw = form.values[name];
  const value = typeof raw === 'number' ? raw : 0;
  const error = form.errors[name];

  const choose = (n: number) => {
    form.set(name, n);
    refs.current[n - 1]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const focused = refs.current.indexOf(e.target as HTMLSpanElement) + 1;
    const digit = /^[1-5]$/.test(e.key) ? Number(e.key) : null;
    const next = digit
      ?? ({ ArrowRight: value + 1, ArrowUp: value + 1, ArrowLeft: value - 1, ArrowDown: value - 1, Home: 1, End: COUNT } as Record<string, number>)[e.key]
      ?? (e.key === ' ' ? focused : null);
    if (next === null) return;
    e.preventDefault();
    choose(Math.min(COUNT, Math.max(1, next)));
  };

  return (
    <Input.Wrapper label={label} required={required} error={error} labelElement="div" labelProps={{ id: `${id}-label` }}
      errorProps={{ id: `${id}-error` }}>
      <Group gap={4} mt={4} role="radiogroup" aria-labelledby={`${id}-label`} aria-required={required || undefined}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onKeyDown={onKeyDown}
        onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && form.touch(name)}>
        {stars.map((n) => (
          <span key={n} ref={(el) => { refs.current[n - 1] = el; }} className="star-radio" role="radio" aria-checked={n === value}
            aria-label={pm.ratings.starsOf(n)} tabIndex={n === (value || 1) ? 0 : -1} data-autofocus={n === (value || 1) || undefined}
            onClick={() => choose(n)}>
            {n <= value
              ? <IconStarFilled size={32} color="var(--mantine-color-yellow-filled)" aria-hidden />
              : <IconStar size={32} color="var(--mantine-color-gray-5)" aria-hidden />}
          </span>
        ))}
      </Group>
    </Input.Wrapper>
  );
}
