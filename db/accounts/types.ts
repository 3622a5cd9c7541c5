/** The roles an account has (main/api/common/roles.ts says what each may do). */
export type Role = 'admin' | 'entry' | 'reviewer' | 'readonly';

/** An account as lists show it: never its password hash. */
export interface AccountRow {
  id: string;
  name: string;
  role: Role;
  /** False for an installation upgraded from before accounts: the administrator sets one at first open. */
  passwordSet: boolean;
  passwordSetAt: string | null;
  /** An administrator reset the password: the account changes it at its next sign-in. */
  mustChangePassword: boolean;
  failedSignIns: number;
  blockedUntil: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}
