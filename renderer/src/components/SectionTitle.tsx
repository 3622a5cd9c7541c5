import { Divider } from '@mantine/core';

const label = { fontSize: 14, fontWeight: 600, color: 'var(--mantine-color-text)' };

/** A section heading inside a record or a form, as a labelled rule (lighter than a title, firmer than a caption). */
export function SectionTitle({ title, mt }: { title: string; mt?: string }) {
  return <Divider label={title} labelPosition="left" mt={mt} styles={{ label }} />;
}
