import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';
import { Notice } from './notice';

/** The longest side of the selfie sent: enough to recognise a face, small enough for a weak signal. */
const MAX_SIDE = 480;

/**
 * The front camera's preview and one still, as a JPEG data URL. Without a camera (or permission) the
 * check-in goes on without a selfie: the server does not require one.
 */
export function Selfie({ photo, onPhoto }: { photo: string | null; onPhoto: (photo: string | null) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  /** The preview shows a picture: only then is there something to take. */
  const [playing, setPlaying] = useState(false);

  useEffect(() => () => stream?.getTracks().forEach((track) => track.stop()), [stream]);
  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
  }, [stream]);

  const open = async () => {
    try {
      setPlaying(false);
      setStream(await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 } }, audio: false }));
      onPhoto(null);
    } catch {
      setUnavailable(true);
    }
  };
  const take = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const scale = Math.min(1, MAX_SIDE / Math.max(v.videoWidth, v.videoHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(v.videoWidth * scale);
    canvas.height = Math.round(v.videoHeight * scale);
    canvas.getContext('2d')!.drawImage(v, 0, 0, canvas.width, canvas.height);
    onPhoto(canvas.toDataURL('image/jpeg', 0.7));
    setStream(null);
  };

  if (unavailable) return <Notice tone="warning">{t.checkIn.noCamera}</Notice>;
  return (
    <div className="selfie field">
      <span className="label">{t.checkIn.selfie}</span>
      {photo && <img src={photo} alt={t.checkIn.selfie} />}
      {stream && <video ref={video} autoPlay playsInline muted aria-label={t.checkIn.selfie} onPlaying={() => setPlaying(true)} />}
      <div className="actions">
        {stream ? (
          <button type="button" onClick={take} disabled={!playing}>
            {t.checkIn.takeSelfie}
          </button>
        ) : (
          <button type="button" onClick={() => void open()}>
            {photo ? t.checkIn.retake : t.checkIn.openCamera}
          </button>
        )}
      </div>
    </div>
  );
}
