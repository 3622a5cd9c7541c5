// at: main/api/party/contract.ts
// accepts: zod, other shared files, db/'s row-type files as import type
import { z } from 'zod';
import type { OrgRow } from '../../../db/party/types';
import { read } from '../common/channel';
import { memberRoles } from './labels';
export type Row = OrgRow;
export const parts = { z, read, memberRoles };
