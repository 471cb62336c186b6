import { useWatermark } from '../hooks/use-watermark';

/** The tenant's watermark over every signed-in page; renders nothing itself (the node lives on the body). */
export function PageWatermark({ label }: { label: string | null | undefined }) {
  useWatermark(label);
  return null;
}
