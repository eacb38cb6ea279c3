import { DomainRefusal } from '@app/core';
import type { ShareTokenProblem } from './share-token';

/** A share link that is not ours, no longer valid, or points nowhere (details.reason says which). */
export class ShareLinkRefusal extends DomainRefusal {
  constructor(readonly reason: ShareTokenProblem | 'UNKNOWN_LINK') {
    super(
      reason === 'UNKNOWN_LINK' ? 'not_found' : 'invalid',
      reason === 'EXPIRED' ? 'share link has expired' : 'share link is invalid',
      { reason },
    );
  }
}
