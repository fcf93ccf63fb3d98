/** Whether two file stamps (tuples of inode, size, times) are the same; an absent one never is. */
export function sameStamp(a: readonly number[], b: readonly number[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((value, i) => value === b[i]);
}
