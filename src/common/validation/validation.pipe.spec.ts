import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { createValidationPipe } from './validation.pipe';

class AllOptional {
  @IsOptional() @IsIn(['a', 'b'])
  pick?: string;
}

class WithRequired {
  @IsString()
  q!: string;
}

class WithDefault {
  @IsOptional() @IsString()
  order: string = 'newest';
}

const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype, data: undefined });

describe('createValidationPipe: empty queries', () => {
  it('answers an empty query with a fresh instance, every time', async () => {
    const pipe = createValidationPipe();
    const full = jest.spyOn(ValidationPipe.prototype, 'transform');
    const first = await pipe.transform({}, query(AllOptional));
    const second = await pipe.transform(Object.create(null), query(AllOptional));
    // Only the first empty query walked the class's metadata.
    expect(full).toHaveBeenCalledTimes(1);
    full.mockRestore();
    expect(first).toBeInstanceOf(AllOptional);
    expect(second).toBeInstanceOf(AllOptional);
    expect(second).not.toBe(first);
    expect(second).toEqual(new AllOptional());
  });

  it('still refuses an empty query that lacks a required parameter, every time', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) await expect(pipe.transform({}, query(WithRequired))).rejects.toBeInstanceOf(DomainError);
  });

  it('keeps the defaults a class gives an empty query', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) expect(await pipe.transform({}, query(WithDefault))).toEqual(Object.assign(new WithDefault(), { order: 'newest' }));
  });

  it('validates a non-empty query in full after an empty one', async () => {
    const pipe = createValidationPipe();
    await pipe.transform({}, query(AllOptional));
    await expect(pipe.transform({ pick: 'c' }, query(AllOptional))).rejects.toBeInstanceOf(DomainError);
    await expect(pipe.transform({ colour: 'blue' }, query(AllOptional))).rejects.toBeInstanceOf(DomainError);
    expect(await pipe.transform({ pick: 'a' }, query(AllOptional))).toEqual(Object.assign(new AllOptional(), { pick: 'a' }));
  });
});
