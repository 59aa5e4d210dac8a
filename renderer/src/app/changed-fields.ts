/**
 * The fields of a record's form that the delegate changed since it opened. An edit sends
 * only those: in a shared forum a colleague's change to another field may have arrived while
 * the form was open, and sending the whole form would silently put the old value back.
 */
export function changedFields<T extends object>(opened: T, now: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(now) as (keyof T)[]) {
    if (JSON.stringify(opened[key]) !== JSON.stringify(now[key])) changed[key] = now[key];
  }
  return changed;
}
