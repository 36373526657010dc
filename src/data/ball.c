// ball.c - straight-line trajectories on a wrapping grid (see ball.h).
#include "ball.h"

// up, right, down, left, then up-right, down-right, down-left, up-left
static const int DROW[8] = {-1, 0, 1, 0, -1, 1, 1, -1};
static const int DCOL[8] = {0, 1, 0, -1, 1, 1, -1, -1};

void ball_step(int d, int *drow, int *dcol) { *drow = DROW[d & 7]; *dcol = DCOL[d & 7]; }

rnn_status ball_check(const ball_config *c) {
    if (c->grid < 3 || c->grid > BALL_MAX_GRID) return rnn_fail(RNN_E_ARG, "ball grid %d not in 3..%d", c->grid, BALL_MAX_GRID);
    if (c->frames < 2 || c->frames > BALL_MAX_FRAMES)
        return rnn_fail(RNN_E_ARG, "ball frames %d not in 2..%d", c->frames, BALL_MAX_FRAMES);
    if (c->dirs != 4 && c->dirs != 8) return rnn_fail(RNN_E_ARG, "ball directions %d (4 or 8)", c->dirs);
    return RNN_OK;
}

void ball_generate(const ball_config *c, rnn_rng *r, int *cells, int *label) {
    const int G = c->grid;
    const int d = (int)rnn_rng_range(r, 0, c->dirs - 1);
    int row = (int)rnn_rng_range(r, 0, G - 1), col = (int)rnn_rng_range(r, 0, G - 1);
    for (int t = 0; t < c->frames; t++) {
        cells[t] = row * G + col;
        row = (row + DROW[d] + G) % G;
        col = (col + DCOL[d] + G) % G;
    }
    *label = d;
}
