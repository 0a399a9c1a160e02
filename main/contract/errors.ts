// Errors are messages (messages.ts) thrown as one class. Both transports send the message itself, `{ code, params,
// field? }`; the kind below only picks the HTTP status and tells the renderer how to react (a stale answer
// re-reads the card, a conflict keeps the user's text). Imports nothing but its sibling: the preload bundles it.
import { formatMessage, type Message, type MessageCode } from './messages';

export type ErrorKind = 'bad-request' | 'stale' | 'not-found' | 'conflict' | 'unavailable' | 'internal';

/** Codes whose kind is not 'bad-request' (the default: the request itself was refused). */
const KINDS: Partial<Record<MessageCode, ErrorKind>> = {
  'api.internal': 'internal',
  'api.hostUnreachable': 'internal',
  'api.unexpectedReply': 'internal',
  'testClock.off': 'not-found',
  'study.staleAnswer': 'stale',
  'study.cardNotFound': 'not-found',
  'preset.notFound': 'not-found',
  'preset.nameTaken': 'conflict',
  'optimizer.unknownJob': 'not-found',
  'proof.unknownCard': 'not-found',
  'proof.notCodingCard': 'not-found',
  'mock.notFound': 'not-found',
  'mock.finished': 'conflict',
  'mock.alreadyAnswered': 'conflict',
  'db.notOpen': 'unavailable',
  'db.notSqlite': 'unavailable',
  'db.cannotOpen': 'unavailable',
  'db.integrity': 'unavailable',
  'db.unreadable': 'unavailable',
  'db.newerSchema': 'unavailable',
  'db.unknownBackup': 'not-found',
  'db.missing': 'unavailable',
  'db.readOnly': 'unavailable',
  'db.diskFull': 'unavailable',
  'db.noProblem': 'conflict',
  'notes.cannotRead': 'not-found',
  'notes.previewGone': 'not-found',
  'notes.imageGone': 'not-found',
  'notes.targetIsOther': 'conflict',
  'notes.targetChanged': 'conflict',
  'image.cannotSave': 'conflict',
  'folder.cannotCopy': 'conflict',
  'edit.deckNotLoaded': 'not-found',
  'edit.cardNotFound': 'not-found',
  'edit.cardNotInFile': 'not-found',
  'edit.fileChanged': 'conflict',
  'edit.fileChangedMeanwhile': 'conflict',
  'edit.cardChanged': 'conflict',
  'edit.cannotRead': 'conflict',
  'edit.cannotWrite': 'conflict',
  'edit.cannotKeepCopy': 'conflict',
  'edit.undoPopFailed': 'conflict',
  'edit.undoFileChanged': 'conflict',
  'edit.exportExists': 'conflict',
  'edit.cannotCopyImage': 'conflict',
};

export const errorKind = (code: MessageCode): ErrorKind => KINDS[code] ?? 'bad-request';

/** What the main process throws for anything the user should read; `message` is the English wording (logs, CLI). */
export class AppError extends Error {
  constructor(readonly problem: Message) {
    super(formatMessage(problem));
    this.name = 'AppError';
  }

  get kind(): ErrorKind {
    return errorKind(this.problem.code);
  }
}
