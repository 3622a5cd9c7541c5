/**
 * The follow-up model that red property's resolutions and the request ledger share: a record's states and, for each,
 * the only states it may step to. Data, so a street with another procedure changes one line; the handlers refuse
 * anything else before writing, and the screens offer only what the table allows.
 */
export type Steps<S extends string> = Readonly<Record<S, readonly S[]>>;

/** Null when `from → to` is allowed; otherwise the Chinese sentence saying what is. `noun` names the record (决议, 诉求). */
export function stepProblem<S extends string>(steps: Steps<S>, labels: Readonly<Record<S, string>>, noun: string, from: S, to: S): string | null {
  if (steps[from].includes(to)) return null;
  const allowed = steps[from].map((s) => `“${labels[s]}”`).join('或');
  return allowed
    ? `“${labels[from]}”的${noun}只能改为${allowed}，不能改为“${labels[to]}”`
    : `${noun}已经“${labels[from]}”，不能再改变状态`;
}

/** States with no step onward. */
export const isFinal = <S extends string>(steps: Steps<S>, state: S): boolean => steps[state].length === 0;
