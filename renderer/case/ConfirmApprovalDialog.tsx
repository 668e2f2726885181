import { LIMITS } from '../../shared';
import { TextAnswerDialog } from '../components/TextAnswerDialog';

/**
 * The second look before approving what cannot be undone by a click (an account
 * restriction, a referral to law enforcement): what is approved, in words, and an optional
 * comment kept on the case's history.
 */
export function ConfirmApprovalDialog({
  what,
  onConfirm,
  onClose,
}: {
  what: string;
  onConfirm: (comment: string) => void;
  onClose: () => void;
}) {
  return (
    <TextAnswerDialog
      title={`Approve: ${what}?`}
      label="Comment (optional)"
      maxLength={LIMITS.reason}
      confirm="Confirm approval"
      onConfirm={onConfirm}
      onClose={onClose}
    >
      It takes effect as soon as it reaches the service, and the person concerned is affected at
      once.
    </TextAnswerDialog>
  );
}
