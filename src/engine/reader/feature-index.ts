// Named columns of a feature row: each model's fixed features by name, then one-hot groups after them.

/** The column of each named feature. */
export function featureIndex<const T extends readonly string[]>(
  names: T,
): { readonly [K in T[number]]: number } {
  const index: Record<string, number> = {};
  names.forEach((name, i) => {
    index[name] = i;
  });
  return index as { readonly [K in T[number]]: number };
}

/** Names of a one-hot group's columns: `kind=who`, `kind=when` …. */
export const oneHot = (group: string, values: readonly string[]) => values.map((v) => `${group}=${v}`);
