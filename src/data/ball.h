// ball.h - ball trajectories on a small grid, for the "em que direção a bola
// irá?" widget: one frame cannot tell the direction, a sequence can.
//
// A G x G grid (G in 3..BALL_MAX_GRID), a ball in one cell per frame, moving
// one cell per frame in one of D directions (D = 4: up, right, down, left;
// D = 8 adds the diagonals up-right, down-right, down-left, up-left) for T
// frames (2..BALL_MAX_FRAMES). The start cell and the direction are uniform
// and independent. The grid wraps around (a torus: leaving by the right edge
// enters at the left, like Pac-Man), so the ball never bounces and the cell
// of any single frame is uniform over the grid whatever the direction: a
// model that sees one frame can only guess (accuracy 1/D), while two
// consecutive frames determine the direction (G >= 3 keeps +1 and -1 apart).
// Frame t is the one-hot vector of the cell (row * G + col) over G*G inputs.
// Label: the direction index above (0..D-1).
#ifndef RNN_BALL_H
#define RNN_BALL_H
#include "../rng.h"
#include "../status.h"

#define BALL_MAX_GRID 16
#define BALL_MAX_FRAMES 64

typedef struct {
    int grid, frames, dirs;
} ball_config;

rnn_status ball_check(const ball_config *c);
// One trajectory: cells[frames] (row * grid + col) and its direction label.
void ball_generate(const ball_config *c, rnn_rng *r, int *cells, int *label);
// Row and column steps of direction d (for the docs and the tests).
void ball_step(int d, int *drow, int *dcol);
#endif
