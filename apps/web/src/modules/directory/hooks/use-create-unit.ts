import { useMutation } from '@apollo/client/react';
import { CreateUnitMutation } from '../graphql/create-unit.mutation';
import { UNIT_LISTS } from '../utils/unit-lists';
import type { NewUnit } from '../components/new-unit-fields';

/** Creates a unit in the directory (the name as written kept as its alias); resolves to its id. */
export function useCreateUnit() {
  const [createUnit, { loading }] = useMutation(CreateUnitMutation, {
    context: { quiet: true },
    refetchQueries: UNIT_LISTS,
  });
  const create = async (unit: NewUnit, rawName: string | null): Promise<string> => {
    const name = unit.name.trim();
    const aliases = rawName && rawName.trim() !== name ? [rawName.trim()] : [];
    const { data } = await createUnit({ variables: { input: { name, kind: unit.kind, aliases } } });
    return data!.createUnit.id;
  };
  return { create, creating: loading };
}
