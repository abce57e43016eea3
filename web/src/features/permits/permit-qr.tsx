import { useMemo } from 'react';
import QRCode from 'qrcode';

/**
 * A permit's signed token as a QR code, drawn as one SVG path from the
 * `qrcode` library's module matrix (synchronous, sharp at any size, printable,
 * no canvas), with the quiet zone the standard asks for (4 modules).
 */
export function PermitQr({ token, label, size = 220 }: { token: string; label: string; size?: number }) {
  const path = useMemo(() => {
    const { modules } = QRCode.create(token, { errorCorrectionLevel: 'M' });
    const n = modules.size;
    let d = '';
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) if (modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
    return { d, n: n + 8 };
  }, [token]);
  return (
    <svg className="permit-qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${path.n} ${path.n}`} shapeRendering="crispEdges">
      <rect width={path.n} height={path.n} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
