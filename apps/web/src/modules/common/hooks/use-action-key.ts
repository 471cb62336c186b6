import { useState } from 'react';
import { ActionKey } from '../utils/action-key';

/** A component's ActionKey: kept across renders, renewed when a dialog or form starts a new action. */
export function useActionKey(): ActionKey {
  return useState(() => new ActionKey())[0];
}
