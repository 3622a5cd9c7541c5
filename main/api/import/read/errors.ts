import { DomainError } from '../../common/errors';

/** A file that cannot be read as a register (not a spreadsheet, damaged, too large): the message says what to do. */
export class ImportFileError extends DomainError {
  constructor(message: string) {
    super('DOMAIN', message, 'IMPORT_FILE_UNREADABLE');
  }
}
