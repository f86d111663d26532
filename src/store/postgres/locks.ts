/**
 * Advisory-lock keys (two-key form): chipbrief's namespace, then one key per purpose. Transaction-level
 * locks serialise `Store.transaction`; the session-level migration lock lets one opener migrate.
 */
export const LOCK_NAMESPACE = 0x63627266; // "cbrf"
export const LOCK_MIGRATE = 1;
export const LOCK_TRANSACTION = 2;
