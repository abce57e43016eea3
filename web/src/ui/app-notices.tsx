import { useEffect, useState } from 'react';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useOnline } from '../lib/use-online.ts';

const HOUR = 3_600_000;
const QUIET_MS = 1000;

/**
 * The installable app's two notices, under the header of every page: the
 * device is offline (pages show what it kept), and a new version is ready
 * (the pilgrim reloads when it suits them, never in the middle of a form).
 * One live region, always there, so that what appears in it is announced.
 */
export function AppNotices() {
  const { t } = useTranslation();
  const online = useOnline();
  const queryClient = useQueryClient();
  const firstScreenDone = useFirstScreenDone();

  // The first worker takes the page after its reads went to the network: read them again through it, so they are kept.
  useEffect(() => {
    const sw = navigator.serviceWorker;
    if (!sw || sw.controller) return;
    const reread = () => void queryClient.refetchQueries({ type: 'active' });
    sw.addEventListener('controllerchange', reread, { once: true });
    return () => sw.removeEventListener('controllerchange', reread);
  }, [queryClient]);

  return (
    <div className="app-notices" role="status">
      {!online && <p className="app-notice">{t('pwa.offline')}</p>}
      {firstScreenDone && <UpdateNotice />}
    </div>
  );
}

/**
 * Registers the service worker (web/src/sw/service-worker.ts), looks for a new
 * version every hour while online, and offers it when it waits.
 */
function UpdateNotice() {
  const { t } = useTranslation();
  const { needRefresh: [needRefresh], updateServiceWorker } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => navigator.onLine && void registration.update(), HOUR);
    },
    // The page reloads below, once the new worker has taken it: the plugin would not when the page had no worker at first.
    onNeedReload: () => undefined,
  });
  const reload = () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    void updateServiceWorker(true);
  };
  if (!needRefresh) return null;
  return (
    <p className="app-notice update">
      <span>{t('pwa.updateReady')}</span>{' '}
      <button type="button" className="secondary small" onClick={reload}>{t('pwa.reload')}</button>
    </p>
  );
}

/**
 * Whether the first screen is done: the page has loaded and no API read has
 * been in flight for a second. The worker registers only then, so that its
 * download of the whole app (half a megabyte) never competes with the first
 * screen on a slow link.
 */
function useFirstScreenDone(): boolean {
  const fetching = useIsFetching();
  const [loaded, setLoaded] = useState(() => document.readyState === 'complete');
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (loaded) return;
    const onLoad = () => setLoaded(true);
    window.addEventListener('load', onLoad, { once: true });
    return () => window.removeEventListener('load', onLoad);
  }, [loaded]);
  useEffect(() => {
    if (done || !loaded || fetching > 0) return;
    const id = window.setTimeout(() => setDone(true), QUIET_MS);
    return () => window.clearTimeout(id);
  }, [done, loaded, fetching]);
  return done;
}
