/**
 * A seed file's stamp: inode, size, modification and change time. A file
 * whose stamp is as it was when an earlier build read it holds the same
 * bytes, and is not read again: a rebuild of a million seeds reads the few
 * that changed, not 4 GB. The change time is the kernel's (no user can set
 * it back), so an edit that keeps the size and restores the modification
 * time is still seen.
 */
import { stat } from "node:fs/promises";

export type SeedStamp = [ino: number, size: number, mtimeMs: number, ctimeMs: number];

export async function seedStamp(file: string): Promise<SeedStamp | null> {
  const info = await stat(file).catch(() => null);
  return info === null ? null : [info.ino, info.size, info.mtimeMs, info.ctimeMs];
}
