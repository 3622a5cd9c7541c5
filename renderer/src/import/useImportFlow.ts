import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Analysis, ImportResult, ValidationReport, ValueAnswers } from '../../../main/api/import/contract';
import { ApiError } from '../api/client';
import { callApi } from '../api/queries';
import { readPicked, type PickedFile } from './files';

/**
 * The import's state across its steps: the register, the file, the analysis and the mapping the clerk adjusts,
 * the options, the report and the result. Each server step is a phase the progress bar shows.
 */

export type Phase = 'read' | 'analyse' | 'validate' | 'commit';
export type Options = { duplicates: 'skip' | 'update'; createMissing: boolean; excludeRows: number[]; includeHiddenRows: boolean };

export interface Busy {
  phase: Phase;
  /** 0–1 within the phase when known (reading the file). */
  fraction: number | null;
}

export function useImportFlow(initialRegister: string | null) {
  const client = useQueryClient();
  const [register, setRegister] = useState<string | null>(initialRegister);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [values, setValues] = useState<ValueAnswers>({});
  /** The sheets imported together (合并导入这些工作表); empty: the analysed sheet alone. */
  const [sheets, setSheets] = useState<string[]>([]);
  const [options, setOptions] = useState<Options>({ duplicates: 'skip', createMissing: false, excludeRows: [], includeHiddenRows: false });
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Runs a server step with its phase shown; a refusal becomes the step's error message. */
  async function step<T>(phase: Phase, work: () => Promise<T>): Promise<T | null> {
    setBusy({ phase, fraction: null });
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      return null;
    } finally {
      setBusy(null);
    }
  }

  const request = (a: Analysis, m = mapping, o = options, v = values) => ({
    register: register!,
    file: { fileName: file!.fileName, contentBase64: file!.contentBase64 },
    sheet: a.sheet,
    headerRow: a.headerRow,
    sheets: sheets.length > 1 ? sheets : sheets.filter((x) => x !== a.sheet),
    mapping: m,
    values: v,
    options: o,
  });

  async function analyse(picked: PickedFile, where: { sheet?: string; headerRow?: number } = {}) {
    const a = await step('analyse', () => callApi('import.analyse', { register: register!, file: { fileName: picked.fileName, contentBase64: picked.contentBase64 }, ...where }));
    if (a) {
      setAnalysis(a);
      setMapping(a.mapping);
      // Every visible sheet of the layout, by default; a hidden sheet only when the clerk ticks it.
      setSheets(a.sameLayout.filter((x) => !x.hidden).map((x) => x.name));
      setValues(a.values);
      setReport(null);
    }
    return a;
  }

  return {
    register, file, analysis, mapping, values, sheets, options, report, result, busy, error,
    setMapping,

    /** Another choice of sheets: row keys change with it, so exclusions start again. */
    chooseSheets(names: string[]) {
      setSheets(names);
      setOptions((o) => ({ ...o, excludeRows: [] }));
    },
    clearError: () => setError(null),

    chooseRegister(key: string | null) {
      setRegister(key);
      setFile(null);
      setAnalysis(null);
      setReport(null);
      setResult(null);
    },

    async pickFile(f: File) {
      setBusy({ phase: 'read', fraction: 0 });
      const picked = await readPicked(f, (fraction) => setBusy({ phase: 'read', fraction })).catch(() => null);
      if (!picked) return setBusy(null);
      setFile(picked);
      setOptions({ duplicates: 'skip', createMissing: false, excludeRows: [], includeHiddenRows: false });
      return analyse(picked);
    },

    /** Another sheet or header row: the columns and the proposed mapping follow it. */
    reanalyse: (where: { sheet?: string; headerRow?: number }) => analyse(file!, where),

    /** Remembers a mapping the clerk changed (for the next file of this layout), then checks every row. */
    async validate(o: Options = options) {
      if (!analysis) return null;
      setOptions(o);
      const changed = JSON.stringify(mapping) !== JSON.stringify(analysis.mapping);
      const r = await step('validate', async () => {
        if (changed) {
          await callApi('import.saveMapping', { register: register!, fingerprint: analysis.fingerprint, headerRow: analysis.headerRow, mapping });
        }
        return callApi('import.validate', request(analysis, mapping, o));
      });
      if (r) setReport(r);
      return r;
    },

    /** The clerk's answers for values read loosely or not found: remembered with the layout at once, then every row checked again. */
    async answer(v: ValueAnswers) {
      if (!analysis) return null;
      setValues(v);
      const r = await step('validate', async () => {
        await callApi('import.saveMapping', { register: register!, fingerprint: analysis.fingerprint, headerRow: analysis.headerRow, mapping, values: v });
        return callApi('import.validate', request(analysis, mapping, options, v));
      });
      if (r) setReport(r);
      return r;
    },

    /** Masked like every export; `unmasked` (full ID numbers and phones) is the clerk's explicit, audited choice. */
    async downloadReport(unmasked = false) {
      return step('validate', () => callApi('import.downloadReport', { ...request(analysis!), unmasked }));
    },

    async commit() {
      const r = await step('commit', () => callApi('import.commit', request(analysis!)));
      if (r) {
        setResult(r);
        // Every register's screens may show what was imported.
        await client.invalidateQueries();
      } else {
        // Refused (the data changed since the check, say): the report is brought up to date beside the reason.
        const fresh = await callApi('import.validate', request(analysis!)).catch(() => null);
        if (fresh) setReport(fresh);
      }
      return r;
    },

    backToMapping: () => setReport(null),

    startOver() {
      setFile(null);
      setAnalysis(null);
      setReport(null);
      setResult(null);
      setError(null);
    },
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
