import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { describeBytes } from '../../shared';
import { useAppDispatch } from '../app/hooks';
import { attachFile, discardFile } from '../attachments/attachment-thunks';
import type { StoredFile } from '../attachments/file-store';

export type ChosenFile = Pick<StoredFile, 'id' | 'filename' | 'size' | 'contentType'>;

/**
 * The files a reply or note will carry, chosen with a button, dropped on the composer or
 * pasted into its text. Each is kept on this device at once (it waits there with its
 * message while offline), so the list survives until the message is written.
 */
export function useComposerFiles(caseId: string) {
  const dispatch = useAppDispatch();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [error, setError] = useState<string | null>(null);

  const add = async (list: Iterable<File>) => {
    setError(null);
    for (const file of list) {
      try {
        const { id, filename, size, contentType } = await dispatch(attachFile(caseId, file));
        setFiles((fs) => [...fs, { id, filename, size, contentType }]);
      } catch (err) {
        setError((err as Error).message);
      }
    }
  };
  const remove = (id: string) => {
    setFiles((fs) => fs.filter((f) => f.id !== id));
    void dispatch(discardFile(id));
  };
  return {
    files,
    error,
    add,
    remove,
    /** After the message is written: the files now belong to it. */
    clear: () => setFiles([]),
    /** A sent message taken back: its files are on the composer again. */
    restore: (again: ChosenFile[]) => setFiles(again),
    dropProps: {
      onDragOver: (e: DragEvent) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      },
      onDrop: (e: DragEvent) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        void add(e.dataTransfer.files);
      },
    },
    onPaste: (e: ClipboardEvent) => {
      const pasted = [...e.clipboardData.files];
      if (pasted.length === 0) return; // text is pasted as text
      e.preventDefault();
      void add(pasted);
    },
  };
}

export function ComposerFiles({
  label,
  composer,
}: {
  label: string;
  composer: ReturnType<typeof useComposerFiles>;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="composer-files">
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          if (e.target.files) void composer.add([...e.target.files]);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <span className="muted small"> or drop files here, or paste an image</span>
      {composer.files.length > 0 && (
        <ul className="attachments" aria-label="Files to send">
          {composer.files.map((f) => (
            <li key={f.id} className="file-chip">
              {f.filename} <span className="muted small">{describeBytes(f.size)}</span>{' '}
              <button
                type="button"
                className="link"
                onClick={() => composer.remove(f.id)}
                aria-label={`Remove ${f.filename}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {composer.error && (
        <p role="alert" className="error small">
          {composer.error}
        </p>
      )}
    </div>
  );
}
