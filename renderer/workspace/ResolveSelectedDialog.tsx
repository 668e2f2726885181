import { LIMITS } from '../../shared';
import { TextAnswerDialog } from '../components/TextAnswerDialog';
import { count } from '../format';

/**
 * Resolving many cases at once is the bulk change hardest to take back (each must be
 * reopened by hand), so it asks for the summary every case will carry and says how many.
 */
export function ResolveSelectedDialog({
  selected,
  onConfirm,
  onClose,
}: {
  selected: number;
  onConfirm: (summary: string) => void;
  onClose: () => void;
}) {
  return (
    <TextAnswerDialog
      title={`Resolve ${count(selected, 'case')}?`}
      label="Resolution summary"
      required="Summarise the resolution."
      maxLength={LIMITS.longText}
      confirm="Resolve cases"
      onConfirm={onConfirm}
      onClose={onClose}
    >
      Each case is resolved with this summary, as if resolved on its own; the service refuses any
      with an action awaiting approval or an appeal not yet decided.
    </TextAnswerDialog>
  );
}
