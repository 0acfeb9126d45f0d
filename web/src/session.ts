/** The API key lives in sessionStorage only: it is gone when the browser session ends, and never in localStorage. */
const storageKey = "basis.apiKey";

export function loadKey(): string | null {
  return sessionStorage.getItem(storageKey);
}

export function saveKey(key: string): void {
  sessionStorage.setItem(storageKey, key);
}

export function clearKey(): void {
  sessionStorage.removeItem(storageKey);
}
