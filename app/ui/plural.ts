/** "1 relation", "3 relations"; irregular words pass their plural ("1 child", "2 children"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
