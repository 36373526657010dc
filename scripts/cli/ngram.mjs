// ngram.mjs - `rnn ngram`: the bits per character of an interpolated
// Kneser-Ney n-gram model counted by the engine on --train and measured on
// --data (each character of --data predicted from the characters of --data
// before it, the first ones from the shorter context they have). The same
// number the playground draws as its n-gram reference line.
import { parseArgs, need, range } from './args.mjs';
import { readText } from './files.mjs';

export const NGRAM_USAGE = '  ngram   --train FILE --data FILE [--order 5] [--json]   (Kneser-Ney n-gram bits/char, orders 1..6)\n';

export async function ngramMain(argv, io, loadEngine) {
  const o = parseArgs(argv, { order: 'int', train: 'string', data: 'string', json: 'flag', engine: 'string' });
  const order = range(o.order ?? 5, 1, 6, 'order');
  const trainFile = need(o, 'train'), dataFile = need(o, 'data');
  const train = readText(trainFile), data = readText(dataFile);
  if (!train.length) throw new Error(`${trainFile} is empty: nothing to count`);
  if (!data.length) throw new Error(`${dataFile} is empty: nothing to predict`);
  const eng = await loadEngine(o.engine || 'auto');
  const r = eng.ngramText(train, data, order);
  io.stdout.write(o.json
    ? JSON.stringify({ order: r.order, bpc: r.bpc, chars: r.chars }) + '\n'
    : `${r.bpc.toFixed(4)} bits/char over ${r.chars} predicted characters (order ${r.order} Kneser-Ney, ${r.vocab} symbols)\n`);
  return 0;
}
