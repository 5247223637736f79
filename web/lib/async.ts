/**
 * Loading things on demand without Solid's Suspense (issue #17: the phone's whole journey within
 * 60 KB gzip). Solid's `lazy()` reads through `createResource`, and both bring `Suspense` and
 * its transitions: ~1.1 KB gzip that every phone downloads with Solid, although no page here
 * suspends (each shows its own "Loading…" and its own error). So the web app uses these two
 * instead; test/unit/web-async.test.ts keeps Solid's versions out of web/.
 *
 * - `lazy(load, fallback?)`: a component whose code is fetched the first time it is shown (or
 *   when `preload()` is called); `fallback` is shown meanwhile. A failed fetch throws into the
 *   nearest ErrorBoundary, and the next attempt fetches again.
 * - `createResource([source,] fetcher)`: the part of Solid's API the app uses. The fetcher runs
 *   when the resource is made and again whenever `source()` changes; a `source()` of false, null
 *   or undefined fetches nothing. `read()` is the value (it throws the error if the last fetch
 *   failed, as Solid's does), with `loading`, `error` and `latest`; `refetch()` and `mutate()`.
 *   An answer that arrives after a newer fetch started is ignored.
 */
import { type Accessor, type Component, createMemo, createSignal, type JSX, Show, untrack } from "solid-js";

// biome-ignore lint/suspicious/noExplicitAny: any props, as Solid's own lazy() takes
type AnyComponent = Component<any>;

export function lazy<T extends AnyComponent>(
  load: () => Promise<{ default: T }>,
  fallback?: () => JSX.Element,
): T & { preload: () => Promise<{ default: T }> } {
  let pending: Promise<{ default: T }> | undefined;
  let loaded: T | undefined;
  const preload = (): Promise<{ default: T }> => {
    if (!pending) {
      const current = load();
      pending = current;
      current.then(
        (module) => {
          loaded = module.default;
        },
        () => {
          // Try again next time (offline, a deploy in between).
          if (pending === current) pending = undefined;
        },
      );
    }
    return pending;
  };
  const wrapper = (props: Parameters<T>[0]): JSX.Element => {
    const [shown, setShown] = createSignal<T | undefined>(loaded);
    const [failed, setFailed] = createSignal<{ error: unknown }>();
    if (!loaded)
      preload().then(
        (module) => setShown(() => module.default),
        (error: unknown) => setFailed({ error }),
      );
    return Show({
      get when() {
        const failure = failed();
        if (failure) throw failure.error;
        return shown();
      },
      keyed: true,
      get fallback() {
        return fallback?.();
      },
      children: (Shown: T) => Shown(props),
    });
  };
  return Object.assign(wrapper as T, { preload });
}

export type Resource<T> = Accessor<T | undefined> & {
  readonly loading: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: whatever the fetcher threw, as Solid's Resource types it
  readonly error: any;
  readonly latest: T | undefined;
};

export interface ResourceActions<T> {
  refetch: () => Promise<T | undefined>;
  mutate: (value: T | undefined) => void;
}

type Source<S> = S | false | null | undefined;

export function createResource<T>(fetcher: () => T | Promise<T>): [Resource<T>, ResourceActions<T>];
export function createResource<T, S>(
  source: () => Source<S>,
  fetcher: (source: S) => T | Promise<T>,
): [Resource<T>, ResourceActions<T>];
export function createResource<T, S>(
  first: (() => Source<S>) | (() => T | Promise<T>),
  second?: (source: S) => T | Promise<T>,
): [Resource<T>, ResourceActions<T>] {
  const source = (second ? first : () => true) as () => Source<S>;
  const fetcher = (second ?? first) as (source: S) => T | Promise<T>;
  const [value, setValue] = createSignal<T>();
  const [error, setError] = createSignal<{ error: unknown }>();
  const [loading, setLoading] = createSignal(false);
  let latestFetch = 0;
  const fetch = (from: Source<S>): Promise<T | undefined> => {
    if (from === false || from === null || from === undefined) return Promise.resolve(untrack(value));
    const mine = ++latestFetch;
    setLoading(true);
    // The fetcher runs now, as Solid's does; what it throws counts as a failed fetch.
    return new Promise<T>((resolve) => resolve(fetcher(from))).then(
      (answer) => {
        if (mine !== latestFetch) return answer;
        setError(undefined);
        setValue(() => answer);
        setLoading(false);
        return answer;
      },
      (failure: unknown) => {
        if (mine === latestFetch) {
          setError({ error: failure });
          setLoading(false);
        }
        return undefined;
      },
    );
  };
  // Runs now and again when the source changes; the fetcher itself is not tracked.
  createMemo(() => {
    const from = source();
    untrack(() => void fetch(from));
  });
  const read = (() => {
    const failure = error();
    if (failure && !loading()) throw failure.error;
    return value();
  }) as Resource<T>;
  Object.defineProperties(read, {
    loading: { get: loading },
    error: { get: () => error()?.error },
    latest: { get: value },
  });
  return [
    read,
    {
      refetch: () => fetch(untrack(source)),
      mutate: (next) => setValue(() => next),
    },
  ];
}
