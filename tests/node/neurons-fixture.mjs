// neurons-fixture.mjs - a hand-wired char model for the neurons tests (Node
// and browser): H = 6 tanh units, weights set through the engine's PyTorch
// JSON import. Unit QUOTE_UNIT is a latch wired to track "inside quotes"
// with curly quotes: “ drives it to +1, ” to −1, and its own recurrent
// weight holds the value in between (h = tanh(5 h − 2 + U x) with U(“) = 10,
// U(”) = −10, else 0: outside it stays near −1, inside near +1). Unit SPACE_UNIT fires
// on a space. The other units get small deterministic noise weights.
export const QUOTE_UNIT = 3;
export const SPACE_UNIT = 0;
export const H = 6;
export const VOCAB = Array.from(new Set(Array.from('\n !"(),.:?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzáâãçéêíóôõú“”'))).sort(
  (a, b) => a.codePointAt(0) - b.codePointAt(0));
export const QUOTED_TEXT = 'Ela disse “oi, tudo bem?” e ele (sem pressa) disse “tchau”. Fim, “sim” e “não”.';

function noise(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 0.6;
}

// The model as PyTorch JSON (weight_ih [H][V], weight_hh [H][H], fc.weight [V][H]).
export function quoteModelJson() {
  const rnd = noise(7), V = VOCAB.length;
  const ih = Array.from({ length: H }, () => Array.from({ length: V }, rnd));
  const hh = Array.from({ length: H }, () => Array.from({ length: H }, rnd));
  const bias = Array.from({ length: H }, () => 0);
  for (let v = 0; v < V; v++) { ih[QUOTE_UNIT][v] = 0; ih[SPACE_UNIT][v] = -1; }
  for (let j = 0; j < H; j++) { hh[QUOTE_UNIT][j] = 0; hh[SPACE_UNIT][j] = 0; hh[j][QUOTE_UNIT] = j === QUOTE_UNIT ? 5 : 0; }
  ih[QUOTE_UNIT][VOCAB.indexOf('“')] = 10;
  ih[QUOTE_UNIT][VOCAB.indexOf('”')] = -10;
  bias[QUOTE_UNIT] = -2;
  ih[SPACE_UNIT][VOCAB.indexOf(' ')] = 3;
  const fc = Array.from({ length: V }, () => Array.from({ length: H }, rnd));
  return JSON.stringify({
    format: 'pytorch-rnn', vocab: VOCAB, unk_index: null, nonlinearity: 'tanh', hidden_size: H,
    state_dict: { 'rnn.weight_ih_l0': ih, 'rnn.weight_hh_l0': hh, 'rnn.bias_ih_l0': bias,
      'rnn.bias_hh_l0': Array(H).fill(0), 'fc.weight': fc, 'fc.bias': Array(V).fill(0) },
  });
}

// The same model as a .rnn model file (what the widget's "load a model file" reads).
export function quoteModelFile(eng) {
  const lm = eng.importPytorch(quoteModelJson(), null, { hidden: H, batch: 1, seq: 16 });
  try { return lm.save(); } finally { lm.free(); }
}
