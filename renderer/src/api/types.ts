import type { OutputOf } from '../../../main/api/common/channel';
import type { Contract } from './contract';

/** What a channel returns, as the contract declares it (the renderer never reaches into db/, even for types). */
export type ApiOutput<K extends keyof Contract> = OutputOf<Contract[K]>;
