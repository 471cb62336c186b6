import { useState } from 'react';
import { errorMessage } from '../utils/app-errors';

/**
 * A dialog's OK: runs the action while `saving`, and keeps the API's message in `problem` (shown in
 * the dialog, which stays open with what was entered) instead of throwing.
 */
export function useSubmit() {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (action: () => Promise<unknown>) => {
    setProblem(null);
    setSaving(true);
    try {
      await action();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return { submit, saving, problem, setProblem };
}
