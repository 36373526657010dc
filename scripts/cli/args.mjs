// args.mjs - a small strict option parser for the CLI: every command lists
// its options with a type; anything else is a usage error (exit 2).

// a decimal number, as in a link's settings (web/shared/hash-schema.js): no 0x10, 0b1, ' 5' or Infinity
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class UsageError extends Error {}

// spec: { name: 'string' | 'int' | 'number' | 'flag' }; defaults applied by the caller
export function parseArgs(argv, spec) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument '${a}'`);
    const name = a.slice(2);
    const type = spec[name];
    if (!type) throw new UsageError(`unknown option --${name}`);
    if (type === 'flag') { out[name] = true; continue; }
    if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
    const v = argv[++i];
    if (type === 'string') out[name] = v;
    else {
      const n = Number(v);
      if (!DECIMAL.test(v) || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got '${v}'`);
      if (type === 'int' && !Number.isInteger(n)) throw new UsageError(`--${name} must be an integer, got '${v}'`);
      out[name] = n;
    }
  }
  return out;
}

export function need(opts, name) {
  if (opts[name] === undefined) throw new UsageError(`--${name} is required`);
  return opts[name];
}

export function oneOf(value, list, name) {
  if (!list.includes(value)) throw new UsageError(`--${name} must be one of ${list.join(', ')}; got '${value}'`);
  return value;
}

export function range(value, lo, hi, name) {
  if (value < lo || value > hi) throw new UsageError(`--${name} must be in [${lo}, ${hi}], got ${value}`);
  return value;
}

export const ENGINE_KINDS = ['simd', 'scalar', 'auto'];

// --engine simd|scalar|auto (default auto); anything else is a usage error
export function engineKind(opts) {
  return oneOf(opts.engine ?? 'auto', ENGINE_KINDS, 'engine');
}
