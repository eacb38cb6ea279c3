import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The lint refuses an HTTP exception in coupon (it raises domain refusals; the edges speak HTTP),
 * and only there. Linted through the repository's own eslint.config.mjs, on stdin under the path
 * of a real file (typed linting needs a file the TypeScript project knows).
 */
const ROOT = join(__dirname, '..', '..');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface Message {
  ruleId: string | null;
  message: string;
}

function lint(asFile: string, code: string): Promise<Message[]> {
  return new Promise((resolve, reject) => {
    const args = [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', asFile];
    const child = execFile(process.execPath, args, { cwd: ROOT }, (err, stdout) => {
      // Exit code 1: problems found; anything else means eslint itself broke.
      if (err && err.code !== 1) return reject(new Error(`eslint broke: ${err.message}`));
      resolve((JSON.parse(stdout) as { messages: Message[] }[])[0].messages);
    });
    child.stdin?.end(code);
  });
}

const SOURCE = `import { BadRequestException, Injectable } from '@nestjs/common';
@Injectable()
export class Refuser {
  refuse(): never {
    throw new BadRequestException('no');
  }
}
`;

describe('HTTP exceptions stay at the edges (eslint)', () => {
  jest.setTimeout(60_000);

  it('fails coupon code that imports one, naming the import', async () => {
    const found = await lint('libs/coupon/src/coupons/coupon-record.ts', SOURCE);
    expect(found).toEqual([
      expect.objectContaining({
        ruleId: 'no-restricted-imports',
        message: expect.stringContaining("'BadRequestException'") as string,
      }),
    ]);
  });

  it('lets the admin edge use them', async () => {
    expect(await lint('libs/admin/src/common/api-admin-auth.decorator.ts', SOURCE)).toEqual([]);
  });
});
