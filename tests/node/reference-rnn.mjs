// reference-rnn.mjs - an independent float64 implementation of PyTorch's
// nn.RNN (one layer) + nn.Linear + CrossEntropyLoss(mean), forward and
// backward, written from PyTorch's documented equations
//   h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh),  y_t = W_fc h_t + b_fc
// in PyTorch's own layout (W_ih [H,V], W_hh [H,H], fc.weight [V,H]).
// Inputs are one-hot token ids x[t][b], targets y[t][b].
export function referenceLossAndGrads(sd, nonlinearity, x, y, T, B) {
  const Wih = sd['rnn.weight_ih_l0'], Whh = sd['rnn.weight_hh_l0'], bih = sd['rnn.bias_ih_l0'], bhh = sd['rnn.bias_hh_l0'];
  const Wfc = sd['fc.weight'], bfc = sd['fc.bias'];
  const H = Whh.length, V = Wfc.length;
  const g = nonlinearity === 'tanh' ? Math.tanh : (a) => Math.max(0, a);
  const dg = nonlinearity === 'tanh' ? (h) => 1 - h * h : (h) => (h > 0 ? 1 : 0);
  const zeros = (r, c) => Array.from({ length: r }, () => new Float64Array(c));
  const grads = { Wih: zeros(H, V), Whh: zeros(H, H), bih: new Float64Array(H), bhh: new Float64Array(H), Wfc: zeros(V, H), bfc: new Float64Array(V) };
  let loss = 0;
  const N = T * B;
  for (let b = 0; b < B; b++) {
    const hs = [new Float64Array(H)], dys = [];
    for (let t = 0; t < T; t++) {
      const tok = x[t * B + b], hp = hs[t], h = new Float64Array(H);
      for (let i = 0; i < H; i++) {
        let a = Wih[i][tok] + bih[i] + bhh[i];
        for (let j = 0; j < H; j++) a += Whh[i][j] * hp[j];
        h[i] = g(a);
      }
      hs.push(h);
      const logits = new Float64Array(V);
      let mx = -Infinity;
      for (let v = 0; v < V; v++) { let s = bfc[v]; for (let i = 0; i < H; i++) s += Wfc[v][i] * h[i]; logits[v] = s; mx = Math.max(mx, s); }
      let z = 0;
      for (let v = 0; v < V; v++) z += Math.exp(logits[v] - mx);
      const target = y[t * B + b];
      loss += -(logits[target] - mx - Math.log(z)) / N;
      const dy = new Float64Array(V);
      for (let v = 0; v < V; v++) dy[v] = (Math.exp(logits[v] - mx) / z - (v === target ? 1 : 0)) / N;
      dys.push(dy);
    }
    let dnext = new Float64Array(H);
    for (let t = T - 1; t >= 0; t--) {
      const h = hs[t + 1], hp = hs[t], dy = dys[t], dh = Float64Array.from(dnext);
      for (let v = 0; v < V; v++) { grads.bfc[v] += dy[v]; for (let i = 0; i < H; i++) { grads.Wfc[v][i] += dy[v] * h[i]; dh[i] += Wfc[v][i] * dy[v]; } }
      const da = dh.map((d, i) => d * dg(h[i]));
      const tok = x[t * B + b];
      dnext = new Float64Array(H);
      for (let i = 0; i < H; i++) {
        grads.bih[i] += da[i]; grads.bhh[i] += da[i]; grads.Wih[i][tok] += da[i];
        for (let j = 0; j < H; j++) { grads.Whh[i][j] += da[i] * hp[j]; dnext[j] += Whh[i][j] * da[i]; }
      }
    }
  }
  return { loss, grads };
}
