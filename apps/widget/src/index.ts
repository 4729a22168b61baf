import { WidgetApp } from './app';
import { Locale, pickLocale } from './i18n';

/**
 * Loader: `<script src="https://support.example/widget.js" data-site-key="…" async>`.
 * Replays calls queued before it loaded (`window.ConciergeQueue`), then exposes
 * `window.Concierge`. Everything else stays inside this closure and the shadow root.
 */

type Call = [string, ...unknown[]];
interface ConciergeApi {
  open(): void;
  close(): void;
  identify(customerId: string, identitySignature: string): Promise<void>;
  setLocale(locale: string): void;
  track(name: string, props?: Record<string, unknown>): void;
}

declare global {
  interface Window {
    Concierge?: ConciergeApi | Record<string, unknown>;
    ConciergeQueue?: Call[] | { push(call: Call): void };
    __conciergeLoaded?: boolean;
  }
}

/** Replaced by the server when it serves the file (see src/storefront/widget-bundle.ts). */
const SERVER_CONFIG: unknown = '__CONCIERGE_SERVER_CONFIG__';

function serverConfig(): { themeColor?: string; title?: string } {
  return typeof SERVER_CONFIG === 'object' && SERVER_CONFIG ? SERVER_CONFIG : {};
}

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector('script[data-site-key],script[src*="widget.js"]');
}

function start(): void {
  if (window.__conciergeLoaded) return;
  window.__conciergeLoaded = true;
  const script = findScript();
  const baseUrl = (script?.dataset.server ?? new URL(script?.src ?? location.href).origin).replace(
    /\/$/,
    '',
  );
  const color = script?.dataset.themeColor ?? serverConfig().themeColor ?? '#4f46e5';
  const mount = () => {
    const host = document.createElement('concierge-widget');
    document.body.append(host);
    const app = new WidgetApp(host, {
      baseUrl,
      siteKey: script?.dataset.siteKey ?? '',
      locale: pickLocale(script?.dataset.locale, document.documentElement.lang, navigator.language),
      themeColor: /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#4f46e5',
      title: script?.dataset.title ?? serverConfig().title,
    });
    const api: ConciergeApi = {
      open: () => app.open(),
      close: () => app.close(),
      identify: (id, sig) => app.identify(id, sig),
      setLocale: (l) => app.setLocale(pickLocale(l) as Locale),
      track: (name, props) => app.track(name, props),
    };
    const run = ([method, ...args]: Call) => {
      const fn = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
      if (typeof fn === 'function') fn(...args);
      else console.warn(`Concierge: unknown method ${String(method)}`);
    };
    const queued = Array.isArray(window.ConciergeQueue) ? window.ConciergeQueue : [];
    window.Concierge = api;
    window.ConciergeQueue = { push: run };
    queued.forEach(run);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

start();
