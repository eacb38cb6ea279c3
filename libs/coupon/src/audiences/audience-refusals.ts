import { DomainRefusal } from '@app/core';

/** An upload with lines that are not openids: refused whole, naming the lines (a 400). */
export class InvalidMembers extends DomainRefusal {
  constructor(
    readonly invalidCount: number,
    readonly invalidLines: { line: number; reason: string }[],
  ) {
    super(
      'invalid',
      `${invalidCount} line(s) are not openids (first at line ${invalidLines[0]?.line}); nothing was changed`,
      { invalidCount, invalidLines },
    );
  }
}
