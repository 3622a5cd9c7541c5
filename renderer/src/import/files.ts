import { readFileBase64 } from '../components/files';

/** A file the clerk picked for import. */

export interface PickedFile {
  fileName: string;
  size: number;
  contentBase64: string;
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const isImportable = (name: string) => /\.(xlsx|csv|txt)$/i.test(name);

/** Reads a picked file for the API, with read progress. */
export async function readPicked(file: File, onProgress: (fraction: number) => void): Promise<PickedFile> {
  return { fileName: file.name, size: file.size, contentBase64: await readFileBase64(file, onProgress) };
}
