import FindMyWay, { type HTTPMethod } from 'find-my-way';

/**
 * Which methods the API serves at a concrete path, so that a wrong method is
 * answered 405 with `Allow` instead of a bare 404. Fed from the route table;
 * the web app's catch-all is left out (it would match every path).
 */
export function createMethodIndex() {
  const router = FindMyWay();
  const methods = new Set<HTTPMethod>();
  return {
    add(method: string, url: string) {
      if (url.includes('*')) return;
      router.on(method as HTTPMethod, url, () => {});
      methods.add(method as HTTPMethod);
    },
    at: (path: string): string[] => [...methods].filter((m) => router.find(m, path) !== null).sort(),
  };
}
