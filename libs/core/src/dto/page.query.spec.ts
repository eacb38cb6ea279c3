import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQuery, PageSize } from './page.query';

/** A keyset-paged query: pageSize without page. */
class Keyset {
  @PageSize()
  pageSize = 20;
}

const errors = (cls: new () => object, query: Record<string, string>) =>
  validateSync(plainToInstance(cls, query)).map((e) => e.property);

describe('PageQuery / PageSize', () => {
  it('defaults to page 1 of 20', () => {
    expect(plainToInstance(PageQuery, {})).toEqual({ page: 1, pageSize: 20 });
    expect(plainToInstance(Keyset, {})).toEqual({ pageSize: 20 });
  });

  it('takes query strings as integers, pageSize at most 100', () => {
    expect(plainToInstance(PageQuery, { page: '3', pageSize: '100' })).toEqual({
      page: 3,
      pageSize: 100,
    });
    expect(errors(PageQuery, { pageSize: '101' })).toEqual(['pageSize']);
    expect(errors(Keyset, { pageSize: '0' })).toEqual(['pageSize']);
    expect(errors(PageQuery, { page: '0' })).toEqual(['page']);
    expect(errors(PageQuery, { page: '1.5' })).toEqual(['page']);
  });
});
