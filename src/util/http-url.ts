/** Whether `value` is an absolute http(s) URL: the only remote addresses a seed may point at. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//iu.test(value);
}
