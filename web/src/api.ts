// The API client: the key from this tab's session as "Authorization: Bearer", problem details as ApiError.
import { ApiError, type Problem } from "./problems";

const storageKey = "dispatch.apiKey";

export const session = {
  get key(): string | null { return sessionStorage.getItem(storageKey); },
  set(key: string): void { sessionStorage.setItem(storageKey, key); },
  clear(): void { sessionStorage.removeItem(storageKey); },
};

export async function api<T>(method: string, path: string, body?: unknown, key = session.key): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError({ status: 0, title: "The silo cannot be reached", detail: String(error) });
  }
  const text = await response.text();
  const parsed: unknown = text.length > 0 ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem: Problem = typeof parsed === "object" && parsed !== null
      ? { status: response.status, ...(parsed as Partial<Problem>) }
      : { status: response.status, title: response.statusText, detail: text || response.statusText };
    throw new ApiError(problem);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return text; }
}

/** The cases of a listing, page by page (the API answers at most 1,000 a page), up to `maxPages` pages: the map and
 * the case list need every active case, but a poll must stay bounded however many are stored. */
export async function listAllCases<T>(query: string, maxPages = 10): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const path: string = `/v1/incidents?${query}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const answer: { items: T[]; nextCursor?: string | null } = await api("GET", path);
    items.push(...answer.items);
    cursor = answer.nextCursor ?? null;
    if (!cursor) break;
  }
  return items;
}
