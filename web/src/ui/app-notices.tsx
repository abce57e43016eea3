import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useOnline } from '../lib/use-online.ts';

const HOUR = 3_600_000;

/**
 * The installable app's two notices, under the header of every page: a new
 * version is ready (the pilgrim reloads when it suits them, never in the middle
 * of a form), and the device is offline (pages show what it kept).
 *
 * Registers the service worker (web/src/sw/service-worker.ts) once the page
 * has loaded, so it never competes with the first screen for the network;
 * looks for a new version every hour while online.
 */
export function AppNotices() {
  const { t } = useTranslation();
  const online = useOnline();
  const queryClient = useQueryClient();
  const { needRefresh: [needRefresh], updateServiceWorker } = useRegisterSW({
    immediate: false,
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

  // The first worker takes the page after its reads went to the network: read them again through it, so they are kept.
  useEffect(() => {
    const sw = navigator.serviceWorker;
    if (!sw || sw.controller) return;
    const reread = () => void queryClient.refetchQueries({ type: 'active' });
    sw.addEventListener('controllerchange', reread, { once: true });
    return () => sw.removeEventListener('controllerchange', reread);
  }, [queryClient]);

  // One live region, always there, so that what appears in it is announced.
  return (
    <div className="app-notices" role="status">
      {!online && <p className="app-notice">{t('pwa.offline')}</p>}
      {needRefresh && (
        <p className="app-notice update">
          <span>{t('pwa.updateReady')}</span>{' '}
          <button type="button" className="secondary small" onClick={reload}>{t('pwa.reload')}</button>
        </p>
      )}
    </div>
  );
}
