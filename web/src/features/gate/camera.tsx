import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import jsQR from 'jsqr';

const EVERY_MS = 120;
const SAME_CODE_MS = 4000;
const MAX_WIDTH = 640;

/**
 * The device's camera (getUserMedia, the back camera on a phone) read by
 * jsQR: a frame every ~120 ms, scaled to at most 640 px wide, decoded on the
 * main thread (no worker, so nothing the page's CSP refuses). The same code
 * held in front of the camera is reported once every few seconds, not on
 * every frame.
 */
export function CameraScanner({ onRead }: { onRead: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const read = useRef(onRead);
  read.current = onRead;

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    let last = { text: '', at: 0 };
    const tick = () => {
      const v = video.current;
      if (stopped || !v || !ctx) return;
      if (v.readyState >= 2 && v.videoWidth > 0) {
        const scale = Math.min(1, MAX_WIDTH / v.videoWidth);
        canvas.width = Math.round(v.videoWidth * scale);
        canvas.height = Math.round(v.videoHeight * scale);
        ctx.drawImage(v, 0, 0, canvas.width, canvas.height);
        const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        const now = performance.now();
        if (code?.data && (code.data !== last.text || now - last.at > SAME_CODE_MS)) {
          last = { text: code.data, at: now };
          read.current(code.data);
        } else if (code?.data) last.at = now;
      }
      timer = window.setTimeout(tick, EVERY_MS);
    };
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem(t('gate.camera.insecure'));
        setOn(false);
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped) return stream.getTracks().forEach((tr) => tr.stop());
        const v = video.current!;
        v.srcObject = stream;
        await v.play();
        tick();
      } catch (e) {
        const name = e instanceof DOMException ? e.name : '';
        setProblem(name === 'NotAllowedError' ? t('gate.camera.denied') : name === 'NotFoundError' || name === 'OverconstrainedError' ? t('gate.camera.none') : t('gate.camera.failed'));
        setOn(false);
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [on, t]);

  return (
    <div className="camera">
      {problem && <p className="field-error" role="alert">{problem}</p>}
      <button type="button" className={on ? 'secondary' : 'primary'} aria-pressed={on} onClick={() => { setProblem(null); setOn((x) => !x); }}>
        {on ? t('gate.camera.stop') : t('gate.camera.start')}
      </button>
      {on && <video ref={video} className="camera-view" muted playsInline aria-label={t('gate.camera.view')} />}
    </div>
  );
}
