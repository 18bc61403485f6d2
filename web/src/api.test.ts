import { afterEach, describe, expect, it, vi } from "vitest";
import { listAllCases } from "./api";

// A listing of `total` cases served `pageSize` at a time, as the API pages them; records the paths asked.
function pagedListing(total: number, pageSize: number) {
  const asked: string[] = [];
  const fetchMock = vi.fn(async (path: string) => {
    asked.push(path);
    const cursor = new URL(path, "http://silo").searchParams.get("cursor");
    const from = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.min(pageSize, total - from) }, (_, i) => ({ id: `c${from + i}` }));
    const next = from + pageSize < total ? String(from + pageSize) : null;
    return new Response(JSON.stringify({ items, nextCursor: next }), { status: 200 });
  });
  return { asked, fetchMock };
}

describe("listAllCases", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("follows nextCursor until the last page and keeps every case once", async () => {
    const { asked, fetchMock } = pagedListing(25, 10);
    vi.stubGlobal("fetch", fetchMock);
    vi.stubGlobal("sessionStorage", { getItem: () => "key" });
    const cases = await listAllCases<{ id: string }>("status=active");
    expect(cases.map((c) => c.id)).toEqual(Array.from({ length: 25 }, (_, i) => `c${i}`));
    expect(asked).toHaveLength(3);
    expect(asked[0]).toBe("/v1/incidents?status=active&limit=1000");
    expect(asked[1]).toContain("&cursor=10");
  });

  it("stops after maxPages however many cases are stored", async () => {
    const { asked, fetchMock } = pagedListing(1_000, 10);
    vi.stubGlobal("fetch", fetchMock);
    vi.stubGlobal("sessionStorage", { getItem: () => "key" });
    const cases = await listAllCases<{ id: string }>("status=active", 3);
    expect(cases).toHaveLength(30);
    expect(asked).toHaveLength(3);
  });
});
