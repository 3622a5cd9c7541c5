// at: db/party/leak.ts
// rejects: layers/imports (no UI library below the renderer)
import { useState } from 'react';
export const hook = useState;
