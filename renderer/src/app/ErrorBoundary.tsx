import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { zh } from '../i18n/zh-CN';

/** A render error shows a message in place of the broken part; the window and the data stay intact. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title={zh.errors.crashTitle} m="md">
        <Stack gap="xs">
          <Text size="sm">{zh.errors.crashBody}</Text>
          <Text size="xs" c="dimmed">{this.state.error.message}</Text>
          <Button size="xs" variant="light" w="fit-content" onClick={() => this.setState({ error: null })}>{zh.errors.back}</Button>
        </Stack>
      </Alert>
    );
  }
}
