import { ulid } from 'ulid';
import { nowMs } from '../../app/clock';

/**
 * The id of an entry about to be written, made once when its form opens: a double click or a retried request
 * carries the same id and the core posts it once. Its time part follows the core's clock, not the machine's, in
 * whole milliseconds (the clock runs on the monotonic timer, which has fractions; a ULID refuses them).
 */
export const newEntryId = (): string => ulid(Math.floor(nowMs()));
