import { monotonicFactory } from 'ulid';

/** ULIDs: unique across installations (so packages merge) and sortable by creation time. */
export const newId: () => string = monotonicFactory();
