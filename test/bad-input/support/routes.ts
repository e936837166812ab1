import type { Composition } from '../../../server/compose.js';

export interface RouteInfo {
  method: string;
  /** Express path with its `:params`, e.g. `/api/meetings/:meetingId/agenda`. */
  path: string;
  params: string[];
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string | string[];
}

const join = (prefix: string, path: string) =>
  `${prefix.replace(/\/$/, '')}/${path.replace(/^\//, '')}`.replace(/\/$/, '') || '/';

function walk(stack: Layer[], prefix: string, out: RouteInfo[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths)
        for (const [method, on] of Object.entries(layer.route.methods))
          if (on && method !== '_all') {
            const full = join(prefix, path);
            out.push({
              method: method.toUpperCase(),
              path: full,
              params: [...full.matchAll(/:(\w+)/g)].map((m) => m[1] as string),
            });
          }
    } else if (layer.handle?.stack) {
      const raw = Array.isArray(layer.rawPath) ? layer.rawPath[0] : layer.rawPath;
      walk(layer.handle.stack, join(prefix, typeof raw === 'string' ? raw : '/'), out);
    }
  }
}

/**
 * Every route the running service registers under /api, read from the routers' own stacks,
 * so a new route is in the bad-input suite without anyone listing it.
 */
export function apiRoutes(composition: Composition): RouteInfo[] {
  const out: RouteInfo[] = [];
  for (const feature of composition.features) {
    if (!feature.path.startsWith('/api')) continue;
    const handler = feature.handler as { stack?: Layer[] };
    if (handler.stack) walk(handler.stack, feature.path, out);
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `path` with each `:param` replaced by `values[param]` (or `fallback`). */
export function fill(route: RouteInfo, values: Record<string, string>, fallback: string): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(values[name] ?? fallback),
  );
}
