import { Anchor, Button, Center, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { FirstPasswordInput, RecoverInput, SignInInput } from '../../../main/api/system/schemas';
import { useApiMutation } from '../api/queries';
import { PasswordField, TextField } from '../components/fields';
import { useZodForm } from '../components/useZodForm';
import { accountsText as t } from '../i18n/accounts';
import { EncryptionProgress } from './EncryptionProgress';
import { forgetLock, signedIn } from './session';

function Card({ children, onSubmit }: { children: React.ReactNode; onSubmit: () => void }) {
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder p="xl" w={420} component="main">
        <form noValidate onSubmit={(e) => (e.preventDefault(), onSubmit())}>
          <Stack gap="md">{children}</Stack>
        </form>
      </Paper>
    </Center>
  );
}

/**
 * Signing in, and the locked screen: while an account's screen is locked (`locked`: the core says so to any window,
 * main/api/sessions.ts) the name is that account's and the screen shows nothing of the data, only whose it was.
 * 切换账号 offers the name field; the sign-in that follows ends the locked session in the core, audited. Wrong
 * passwords are answered beside the password field, with the wait when there is one.
 */
export function SignInPage({ unitName, encrypted, locked }: { unitName: string; encrypted: boolean; locked: string | null }) {
  const [recovering, setRecovering] = useState(false);
  const [switching, setSwitching] = useState(false);
  if (recovering) return <RecoverPage onBack={() => setRecovering(false)} />;
  return (
    <SignInForm
      unitName={unitName}
      locked={switching ? null : locked}
      onSwitch={() => (forgetLock(), setSwitching(true))}
      onRecover={encrypted ? () => setRecovering(true) : null}
    />
  );
}

function SignInForm({ unitName, locked, onSwitch, onRecover }: {
  unitName: string; locked: string | null; onSwitch: () => void; onRecover: (() => void) | null;
}) {
  const form = useZodForm(SignInInput, { name: locked ?? '', password: '' });
  // The locked account's name is the one signed in with, whenever the lock became known (or '' after 切换账号).
  const { set } = form;
  useEffect(() => set('name', locked ?? ''), [set, locked]);
  const signIn = useApiMutation('system.signIn', { quiet: true });
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = form.submit(async (input) => {
    setRefusal(null);
    try {
      const session = await signIn.mutateAsync(input);
      signedIn(session.token);
    } catch (err) {
      setRefusal((err as Error).message);
      throw err;
    }
  });
  return (
    <Card onSubmit={() => void save()}>
      {locked ? (
        <>
          <Title order={3}><IconLock size={22} style={{ verticalAlign: -3 }} /> {t.signIn.locked}</Title>
          <Text size="sm" c="dimmed">{t.signIn.lockedIntro(locked)}</Text>
        </>
      ) : (
        <>
          <Title order={3}>{t.signIn.title}</Title>
          <Text size="sm" c="dimmed">{t.signIn.intro(unitName)}</Text>
          <TextField form={form} name="name" label={t.signIn.name} required autoFocus />
        </>
      )}
      <PasswordField form={form} name="password" label={t.signIn.password} required autoFocus={!!locked} />
      {refusal && !form.errors.password && <Text size="sm" c="red" role="alert">{refusal}</Text>}
      <EncryptionProgress active={form.submitting} />
      <Button type="submit" loading={form.submitting}>{locked ? t.signIn.unlock : t.signIn.submit}</Button>
      {locked && <Anchor component="button" type="button" size="sm" onClick={onSwitch}>{t.signIn.otherAccount}</Anchor>}
      {onRecover && !locked && (
        <Anchor component="button" type="button" size="sm" onClick={onRecover}>{t.recover.link}</Anchor>
      )}
    </Card>
  );
}

/** Every password lost: the recovery code from setup opens the data, and an administrator chooses a new password. */
function RecoverPage({ onBack }: { onBack: () => void }) {
  const form = useZodForm(RecoverInput, { code: '', name: '', password: '', confirm: '' });
  const recover = useApiMutation('system.recover', { quiet: true });
  const save = form.submit(async (input) => signedIn((await recover.mutateAsync(input)).token));
  return (
    <Card onSubmit={() => void save()}>
      <Title order={3}>{t.recover.title}</Title>
      <Text size="sm" c="dimmed">{t.recover.intro}</Text>
      <TextField form={form} name="code" label={t.recover.code} required autoFocus />
      <TextField form={form} name="name" label={t.recover.name} required />
      <PasswordField form={form} name="password" label={t.password.new} description={t.password.newHint} autoComplete="new-password" required />
      <PasswordField form={form} name="confirm" label={t.password.confirm} autoComplete="new-password" required />
      <Button type="submit" loading={form.submitting}>{t.recover.submit}</Button>
      <Anchor component="button" type="button" size="sm" onClick={onBack}>{t.recover.back}</Anchor>
    </Card>
  );
}

/**
 * After the data was encrypted, or a new code was made: the recovery code to write down, with what losing it means.
 * The core keeps it until 已抄写 is confirmed here (`system.confirmRecoveryCode`), so a reload shows it again.
 */
export function RecoveryCodePage({ code }: { code: string }) {
  const [written, setWritten] = useState(false);
  const confirm = useApiMutation('system.confirmRecoveryCode');
  return (
    <Card onSubmit={() => confirm.mutate({})}>
      <Title order={3}>{t.recoveryCode.title}</Title>
      <Text size="sm">{t.recoveryCode.intro}</Text>
      <Text ff="monospace" fz={19} fw={700} ta="center" py="sm" data-testid="recovery-code" style={{ whiteSpace: 'nowrap' }}>{code}</Text>
      <Text size="sm" c="red">{t.recoveryCode.warning}</Text>
      <Button variant="default" onClick={() => window.print()}>{t.recoveryCode.print}</Button>
      <Checkbox label={t.recoveryCode.written} checked={written} onChange={(e) => setWritten(e.currentTarget.checked)} />
      <Button type="submit" disabled={!written} loading={confirm.isPending}>{t.recoveryCode.done}</Button>
    </Card>
  );
}

/** An installation upgraded from before accounts: its operator, now the administrator, chooses a password. */
export function FirstPasswordPage({ name }: { name: string }) {
  const form = useZodForm(FirstPasswordInput, { password: '', confirm: '' });
  const set = useApiMutation('system.setFirstPassword');
  const save = form.submit(async (input) => {
    const session = await set.mutateAsync(input);
    signedIn(session.token);
  });
  return (
    <Card onSubmit={() => void save()}>
      <Title order={3}>{t.firstPassword.title}</Title>
      <Text size="sm" c="dimmed">{t.firstPassword.intro(name)}</Text>
      <PasswordField form={form} name="password" label={t.password.new} description={t.password.newHint} autoComplete="new-password" required autoFocus />
      <PasswordField form={form} name="confirm" label={t.password.confirm} autoComplete="new-password" required />
      <EncryptionProgress active={form.submitting} />
      <Button type="submit" loading={form.submitting}>{t.firstPassword.submit}</Button>
    </Card>
  );
}
