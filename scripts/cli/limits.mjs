// limits.mjs - command-line values checked against the engine's own limits
// (eng.contract, reported by src/api_describe.c): the CLI keeps no copy of a
// range, an enum or a default. A value out of range is a usage error (exit 2)
// that names the option and the engine's range.
import { UsageError } from './args.mjs';

// '[1, 2048]', '(0, 100]', ...
export function rangeText(p) {
  return `${p.minOpen ? '(' : '['}${p.min}, ${p.max}${p.maxOpen ? ')' : ']'}`;
}

export function inRange(p, v) {
  return (p.minOpen ? v > p.min : v >= p.min) && (p.maxOpen ? v < p.max : v <= p.max);
}

// value of option --flag for the engine parameter p (contract.*.params[name])
export function param(p, value, flag) {
  if (p.type === 'enum') {
    if (!p.values.includes(value)) throw new UsageError(`--${flag} must be one of ${p.values.join(', ')}; got '${value}'`);
    return value;
  }
  if (p.type === 'int' && !Number.isInteger(value)) throw new UsageError(`--${flag} must be an integer, got ${value}`);
  // a float parameter is a C float in the engine: 1e-50 is 0 there
  if (!inRange(p, p.type === 'float' ? Math.fround(value) : value)) throw new UsageError(`--${flag} must be in ${rangeText(p)}, got ${value}`);
  return value;
}
