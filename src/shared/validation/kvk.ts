/** True when `value` is a Chamber of Commerce (KvK) number: exactly eight digits. */
export function isValidKvkNumber(value: string): boolean {
  return /^\d{8}$/.test(value);
}
