// at: main/api/party/contract.ts
// accepts: zod, other shared files, db/ as import type
import { z } from 'zod';
import type { OrgRow } from '../../../db/party/orgs';
import { read } from '../common/channel';
import { memberRoles } from './labels';
export type Row = OrgRow;
export const parts = { z, read, memberRoles };
