import type { z } from 'zod';
import type { Need } from './roles';

/**
 * How the router runs a channel:
 * - read:  no transaction, no audit;
 * - write: synchronous handler inside one SQLite transaction together with its audit entries;
 * - task:  asynchronous work that manages its own consistency (backups, exports).
 */
export type ChannelKind = 'read' | 'write' | 'task';

export interface ChannelOptions {
  /** Reachable before the first-start setup is done (status, setup itself, backups), when there is no account yet. */
  beforeSetup?: boolean;
  /**
   * What the signed-in account needs (main/api/common/roles.ts); the router refuses anyone else before reading the
   * input. Default by kind: a read or a task (lists, masked exports) needs `view`, a write `enter`.
   */
  needs?: Need;
  /** A boolean input field that, when true, raises the need (an unmasked export needs `review`): checked after validation. */
  raises?: { when: string; needs: Need };
  /** Open to an account whose password an administrator reset, before it chose its own (signing out, changing it). */
  beforePasswordChange?: boolean;
}

/** What a channel needs of the account: its declaration, or its kind's default. */
export const needOf = (def: Pick<Channel, 'kind' | 'needs'>): Need => def.needs ?? (def.kind === 'write' ? 'enter' : 'view');

export interface Channel<I extends z.ZodType = z.ZodType, O = unknown> extends ChannelOptions {
  readonly kind: ChannelKind;
  readonly input: I;
  /** Phantom: carries the output type; never set at run time. */
  readonly output?: O;
}

// Curried so the output type can be named while the input type is inferred from the schema.
const make =
  (kind: ChannelKind) =>
  <O>() =>
  <I extends z.ZodType>(input: I, options: ChannelOptions = {}): Channel<I, O> => ({ kind, input, ...options });

export const read = make('read');
export const write = make('write');
export const task = make('task');

export type ChannelMap = Record<string, Channel>;
export type InputOf<C> = C extends Channel<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends Channel<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends Channel<z.ZodType, infer O> ? O : never;

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The API of a list of modules (the core's or the window's manifests): their contracts merged into one map. */
export type ContractOf<M extends readonly { readonly contract?: ChannelMap }[]> = Intersection<NonNullable<M[number]['contract']>>;
