// at: main/api/party/handlers/leak.ts
// rejects: layers/imports (the core has no UI library)
import { notifications } from '@mantine/notifications';
export const notify = notifications.show;
