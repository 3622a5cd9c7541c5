import { nowMs } from '../../app/clock';
import { fmtTimestamp } from '../../components/format';
import type { Signatory } from '../types';

/** When a signer locked by wrong PINs may sign again, as the clerk reads it; null when they are not locked now. */
export const lockedUntil = (signer: Signatory): string | null =>
  signer.lockedUntil && Date.parse(signer.lockedUntil) > nowMs() ? fmtTimestamp(signer.lockedUntil) : null;
