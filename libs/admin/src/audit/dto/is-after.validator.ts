import { registerDecorator, type ValidationArguments } from 'class-validator';

/** The ISO time must be strictly later than the sibling field `other` (when both are set). */
export function IsAfter(other: string): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      options: { message: `$property must be later than ${other}` },
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const start = (args.object as Record<string, unknown>)[other];
          if (typeof value !== 'string' || typeof start !== 'string') return true;
          return Date.parse(value) > Date.parse(start);
        },
      },
    });
  };
}
