import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { t } from '../i18n';

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/**
 * An activity's evidence, fetched with the user's token (a plain link would carry none) and handed to
 * the browser as a file to open or keep.
 */
export function EvidenceLink({ activityId }: { activityId: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  const download = async () => {
    setFailed(null);
    try {
      const blob = await unwrap(api.GET('/api/v1/trk/activities/{id}/evidence', { params: { path: { id: activityId } }, parseAs: 'blob' }));
      const url = URL.createObjectURL(blob as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `bukti-${activityId}.${EXTENSION[(blob as Blob).type] ?? 'bin'}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (problem) {
      setFailed(problem instanceof Error ? problem.message : t.common.error);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void download()}>
        {t.activities.evidenceLink}
      </button>
      {failed && (
        <span className="error-message" role="alert">
          {failed}
        </span>
      )}
    </>
  );
}
