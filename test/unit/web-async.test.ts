/**
 * web/lib/async.ts: lazy() and createResource() without Solid's Suspense (issue #17); the rule
 * that keeps Solid's own versions out of web/ is in test/unit/web-solid-parts.test.ts.
 */
import { describe, expect, it, vi } from "vitest";

// The browser build of Solid (in Node, "solid-js" is the server build, which does not react).
const SOLID_BROWSER = "../../node_modules/solid-js/dist/solid.js";
vi.mock("solid-js", async () => (await import(/* @vite-ignore */ SOLID_BROWSER)) as object);

const { createRoot, createSignal } = await import("solid-js");
const { createResource, lazy } = await import("../../web/lib/async");

/** Settles pending promise callbacks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("createResource without Suspense", () => {
  it("fetches at once, says it is loading, then holds the answer", async () => {
    const answer = deferred<string>();
    const fetcher = vi.fn(() => answer.promise);
    const [data] = createRoot(() => createResource(fetcher));
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(data.loading).toBe(true);
    expect(data()).toBeUndefined();
    answer.resolve("hello");
    await settle();
    expect(data.loading).toBe(false);
    expect(data()).toBe("hello");
    expect(data.latest).toBe("hello");
    expect(data.error).toBeUndefined();
  });

  it("fetches again when the source changes, never for an empty source, and ignores a stale answer", async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string>>>();
    const fetcher = vi.fn((code: string) => {
      const d = deferred<string>();
      answers.set(code, d);
      return d.promise;
    });
    const [code, setCode] = createSignal<string | null>(null);
    const [data] = createRoot(() => createResource(code, fetcher));
    expect(fetcher).not.toHaveBeenCalled();
    expect(data.loading).toBe(false);
    setCode("A");
    setCode("B");
    expect(fetcher.mock.calls.map((c) => c[0])).toEqual(["A", "B"]);
    answers.get("B")?.resolve("for B");
    await settle();
    answers.get("A")?.resolve("for A");
    await settle();
    expect(data()).toBe("for B");
  });

  it("keeps the error, throws it when read as Solid does, and clears it after a good refetch", async () => {
    let fail = true;
    const [data, { refetch, mutate }] = createRoot(() =>
      createResource(async () => {
        if (fail) throw new Error("offline");
        return 42;
      }),
    );
    await settle();
    expect(data.error).toBeInstanceOf(Error);
    expect(() => data()).toThrow("offline");
    fail = false;
    await expect(refetch()).resolves.toBe(42);
    expect(data.error).toBeUndefined();
    expect(data()).toBe(42);
    mutate(7);
    expect(data()).toBe(7);
  });
});

describe("lazy without Suspense", () => {
  it("shows the fallback, then the component; preload fetches once", async () => {
    const module = deferred<{ default: (props: { name: string }) => string }>();
    const load = vi.fn(() => module.promise);
    const Greeting = lazy(load, () => "Loading…");
    const shown = createRoot(() => Greeting({ name: "Ada" }) as unknown as () => unknown);
    expect(shown()).toBe("Loading…");
    void Greeting.preload();
    module.resolve({ default: (props) => `Hello ${props.name}` });
    await settle();
    expect(shown()).toBe("Hello Ada");
    expect(load).toHaveBeenCalledTimes(1);
    // Shown again later: at once, no fallback.
    const again = createRoot(() => Greeting({ name: "Ben" }) as unknown as () => unknown);
    expect(again()).toBe("Hello Ben");
  });

  it("throws a failed fetch to the error boundary, and fetches again next time", async () => {
    let attempt = 0;
    const Page = lazy(() => {
      attempt++;
      return attempt === 1
        ? Promise.reject(new Error("offline"))
        : Promise.resolve({ default: (_props: object) => "page" });
    });
    const errors: unknown[] = [];
    const { catchError } = await import("solid-js");
    const shown = createRoot(() =>
      catchError(
        () => Page({}) as unknown as () => unknown,
        (e) => errors.push(e),
      ),
    );
    await settle();
    void shown;
    expect(errors).toHaveLength(1);
    await expect(Page.preload()).resolves.toEqual({ default: expect.any(Function) });
    expect(attempt).toBe(2);
  });
});
