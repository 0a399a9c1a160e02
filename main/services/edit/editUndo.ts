// Undo of edits: the step's files are put back only when each still holds what the edit wrote (a file changed
// since, in another editor or by a later edit, refuses the whole undo and changes nothing).
import type { EditOutcome } from '../../contract/api';
import { AppError } from '../../contract/errors';
import { message } from '../../contract/messages';
import { restoreQueues } from '../../storage/editStore';
import { removeCreated } from '../deckImages';
import { reverseStep, type UndoStep } from '../undoLog';
import { readIfExists } from './fileText';
import type { FileChange, FileTransactions } from './fileTransaction';

export function editUndo(tx: FileTransactions) {
  function popStep(): UndoStep | undefined {
    try {
      return tx.history().pop();
    } catch (error) {
      throw new AppError(message('edit.undoPopFailed', { reason: (error as Error).message }));
    }
  }

  function undo(): EditOutcome {
    const step = popStep();
    if (!step) return tx.outcome(message('done.nothingToUndo'), [], null);
    const done = message('done.undone', { label: step.label });
    if (step.kind === 'queues') {
      restoreQueues(tx.context().db, step.queues);
      return tx.outcome(done, step.queues.map((q) => q.cardId), null);
    }
    const reverse: FileChange[] = [];
    for (const file of [...step.files].reverse()) {
      const edit = reverseStep(file, readIfExists(file.path));
      if (!edit) throw new AppError(message('edit.undoFileChanged', { label: step.label, file: file.path }));
      reverse.push(edit);
    }
    try {
      tx.writeChanges(reverse);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(message('edit.undoFailed', { label: step.label, problem: error.problem }));
    }
    if (step.created) removeCreated(step.created.files, step.created.folders);
    tx.context().resync();
    return tx.outcome(done, [], null);
  }

  return { undo, nextUndo: (): string | null => tx.history().label() };
}
