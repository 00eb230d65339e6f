import { t } from '../i18n';
import { fileToDataUrl } from './file-to-data-url';

export type EvidenceType = 'image/jpeg' | 'image/png' | 'application/pdf';
/** An activity's evidence as the platform takes it, with the file's name to show. */
export interface Evidence {
  contentType: EvidenceType;
  dataBase64: string;
  name: string;
}

const TYPES: readonly string[] = ['image/jpeg', 'image/png', 'application/pdf'];
const MAX_BYTES = 2 * 1024 * 1024;
/** A phone's photo above this is made smaller before it travels over a weak signal. */
const SHRINK_ABOVE = 600 * 1024;
/** Enough to read a document or see the work in a photo. */
const MAX_SIDE = 1600;

export class EvidenceRefused extends Error {}

function fromDataUrl(dataUrl: string, name: string): Evidence {
  const [head, data] = dataUrl.split(',', 2);
  return { contentType: head.slice(5, head.indexOf(';')) as EvidenceType, dataBase64: data, name };
}

/** A large photo redrawn at most MAX_SIDE wide or high as a JPEG, or null when the browser cannot read it. */
async function shrunk(file: File): Promise<string | null> {
  try {
    const image = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    image.close();
    return canvas.toDataURL('image/jpeg', 0.8);
  } catch {
    return null;
  }
}

/** The chosen file as evidence, or EvidenceRefused saying why it cannot be (its type, its size). */
export async function readEvidence(file: File): Promise<Evidence> {
  if (!TYPES.includes(file.type)) throw new EvidenceRefused(t.activities.evidenceType);
  if (file.type !== 'application/pdf' && file.size > SHRINK_ABOVE) {
    const smaller = await shrunk(file);
    if (smaller) return fromDataUrl(smaller, file.name);
  }
  if (file.size > MAX_BYTES) throw new EvidenceRefused(t.activities.evidenceTooBig);
  return fromDataUrl(await fileToDataUrl(file), file.name);
}
