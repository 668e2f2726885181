import { useEffect, useState } from 'react';
import { describeBytes, type Attachment } from '../../shared';
import { useAppDispatch } from '../app/hooks';
import { attachmentBytes } from '../attachments/attachment-thunks';
import { useModalDialog } from '../workspace/use-modal-dialog';
import { saveFile } from '../platform/save-file';

/** What a file list shows: a sent attachment, or a file still waiting on this device. */
export type ShownFile = Pick<Attachment, 'id' | 'caseId' | 'filename' | 'contentType' | 'size'> & {
  waiting?: boolean;
  error?: string;
};

// Pictures a browser shows safely as an <img> (never SVG: it is refused on upload anyway).
const SHOWN_INLINE = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
]);

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/plain': 'Text',
  'text/csv': 'CSV',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument presentation',
  'application/rtf': 'RTF',
};
export const typeName = (t: string) =>
  TYPE_NAMES[t] ?? (t.startsWith('image/') ? `${t.slice(6).toUpperCase()} image` : t);

/** A data: URL: the workspace's CSP allows those for images, and no blob: URL lingers. */
function asDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('unreadable'));
    r.readAsDataURL(blob);
  });
}

function useBytes(file: ShownFile, wanted: boolean) {
  const dispatch = useAppDispatch();
  const [state, setState] = useState<{ url: string | null; error: string | null }>({
    url: null,
    error: null,
  });
  const { id, caseId, filename, contentType, size } = file;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    dispatch(attachmentBytes({ id, caseId, filename, contentType, size }))
      .then(asDataUrl)
      .then((url) => live && setState({ url, error: null }))
      .catch((err: Error) => live && setState({ url: null, error: err.message }));
    return () => {
      live = false;
    };
  }, [dispatch, id, caseId, filename, contentType, size, wanted]);
  return state;
}

function ImageViewer({
  file,
  url,
  onClose,
}: {
  file: ShownFile;
  url: string;
  onClose: () => void;
}) {
  const ref = useModalDialog(true);
  return (
    <dialog ref={ref} className="dialog image-viewer" aria-label={file.filename} onClose={onClose}>
      <img src={url} alt={file.filename} />
      <div className="row">
        <span className="muted small">
          {file.filename} · {describeBytes(file.size)}
        </span>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}

function Thumbnail({ file }: { file: ShownFile }) {
  const { url, error } = useBytes(file, true);
  const [viewing, setViewing] = useState(false);
  if (error) return <FileChip file={file} />;
  return (
    <>
      <button
        type="button"
        className="thumbnail"
        onClick={() => setViewing(true)}
        disabled={!url}
        aria-label={`View ${file.filename}`}
      >
        {url ? <img src={url} alt="" /> : <span className="muted small">Loading…</span>}
      </button>
      {viewing && url && <ImageViewer file={file} url={url} onClose={() => setViewing(false)} />}
    </>
  );
}

function FileChip({ file }: { file: ShownFile }) {
  const dispatch = useAppDispatch();
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      saveFile(await dispatch(attachmentBytes(file)), file.filename);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <span className="file-chip">
      <button type="button" className="link" onClick={() => void download()}>
        {file.filename}
      </button>
      <span className="muted small">
        {' '}
        {typeName(file.contentType)} · {describeBytes(file.size)}
      </span>
      {error && (
        <span role="alert" className="error small">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}

/** A message's or note's files: pictures as thumbnails that open a viewer, others as chips. */
export function AttachmentList({ files }: { files: ShownFile[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="attachments" aria-label="Attachments">
      {files.map((f) => (
        <li key={f.id}>
          {f.error ? (
            <span className="file-chip">
              {f.filename} <span className="error small">not accepted: {f.error}</span>
            </span>
          ) : f.waiting ? (
            <span className="file-chip">
              {f.filename}{' '}
              <span className="muted small">{describeBytes(f.size)} · waiting to be sent</span>
            </span>
          ) : SHOWN_INLINE.has(f.contentType) ? (
            <Thumbnail file={f} />
          ) : (
            <FileChip file={f} />
          )}
        </li>
      ))}
    </ul>
  );
}
