// at: renderer/src/party/allowed.ts
// accepts: own files, UI packages, the shared files (static, type-only and import())
import { Button } from '@mantine/core';
import { useState } from 'react';
import { meetingTypes } from '../../../main/api/party/labels';
import type { ApiOutput } from '../api/types';
import { UnitSelect } from '../components/UnitSelect';
export type Orgs = ApiOutput<'party.orgChildren'>;
export const parts = { Button, useState, meetingTypes, UnitSelect };
export const lazy = () => import('./MembersPage');
