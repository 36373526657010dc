#!/usr/bin/env python3
"""check_programs.py - the ground-truth test of the learning-to-execute generator.

Usage: python3 tests/l2e/check_programs.py /path/to/l2e_dump

The C generator (src/data/l2e.c) computes every target itself with int64
arithmetic. Here the real Python 3 runs each generated program ('#' -> newline,
'@' dropped) and must print exactly the target without its final '.'. The
script also checks the operation frequencies (1/6 each), the 42-symbol
vocabulary, the literal ranges, the train/val/test disjointness, and the
addition and copy tasks. It builds nothing: it only runs the given l2e_dump
(tests/c/l2e_dump.c). Standard library only. Exit code 1 on any failure; the
last line is "N passed, N failed".
"""
import ast
import contextlib
import io
import json
import random
import re
import subprocess
import sys

# The spec's 42 symbols in the generator's token order (see src/data/l2e.h).
VOCAB = " #()*+-.:;<=>@0123456789abcdefghijlnoprstx"
OPS = ["pair", "mul", "identity", "var", "loop", "if"]
TARGET_RE = re.compile(r"^-?[0-9]+\.$")

# Adjacent seeds of rng.h's SplitMix64 are the same stream shifted by one draw,
# so seeds are drawn far apart (60-bit) from a fixed meta-seed.
_meta = random.Random(20141016)


def fresh_seed():
    return _meta.getrandbits(60)


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}: {detail}")
        return ok


def dump(binary, task, length, nesting, count, seed, split="any"):
    args = [binary, task, str(length), str(nesting), str(count), str(seed), split]
    res = subprocess.run(args, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {res.returncode}: {res.stderr.strip()}")
    return [json.loads(line) for line in res.stdout.splitlines()]


def run_python(source):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<l2e>", "exec"), {"__builtins__": __builtins__})
    return out.getvalue()


def as_python(text):
    return text.replace("#", "\n").replace("@", "")


def fnv1a32(text):
    h = 2166136261
    for b in text.encode("ascii"):
        h ^= b
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def ops_from_text(inp, nesting):
    """Counts each operation from the program text alone (a second opinion on
    the dump's "ops" field): '*' only comes from mul, ' if ' from if, a line
    ending in ';' from var, 'for' from loop; every '+'/'-' is binary (literals
    are positive) and belongs to a pair, a var or a loop's '+='/'-='."""
    loops = inp.count("for x in range(")
    var = sum(1 for line in inp.split("#") if line.endswith(";"))
    plus_minus = inp.count("+") + inp.count("-")
    counts = {
        "pair": plus_minus - var - loops,
        "mul": inp.count("*"),
        "var": var,
        "loop": loops,
        "if": inp.count(" if "),
    }
    counts["identity"] = nesting - sum(counts.values())
    return counts


def program_problem(s, length, nesting):
    """None if the sample is right, else a short description of what is wrong."""
    inp, target = s["input"], s["target"]
    if not TARGET_RE.match(target):
        return f"target form {target!r}"
    if not inp.endswith(")@") or inp.count("@") != 1:
        return "input does not end with ')@'"
    if not inp.split("#")[-1].startswith("print("):
        return "last line is not print(...)"
    if s["length"] != length or s["nesting"] != nesting or len(s["ops"]) != nesting:
        return "length/nesting/ops fields"
    try:
        printed = run_python(as_python(inp))
        printed_pretty = run_python(s["pretty"])
    except Exception as e:  # a generated program must never fail to run
        return f"python raised {e!r}"
    if printed != target[:-1] + "\n":
        return f"python printed {printed!r}, target {target!r}"
    if printed_pretty != printed:
        return f"pretty form printed {printed_pretty!r}"
    limit = 10 ** length
    for k in re.findall(r"range\((\d+)\)", inp):
        if not 1 <= int(k) <= 4 * length:
            return f"loop count {k} outside [1, {4 * length}]"
    for lit in re.findall(r"\d+", inp):
        if not 1 <= int(lit) <= limit:
            return f"literal {lit} outside [1, {limit}]"
    assigned = re.findall(r"(?:^|#)([a-j])=", inp)
    if len(assigned) != len(set(assigned)):
        return f"variable reused: {assigned}"
    from_text = ops_from_text(inp, nesting)
    from_dump = {op: s["ops"].count(op) for op in OPS}
    if from_text != from_dump:
        return f"ops field {from_dump} disagrees with the text {from_text}"
    return None


def check_programs(binary, rep, op_counts, used_chars):
    """Every (length, nesting) in 1..6 x 1..4, several seeds each."""
    seeds_per_config, per_seed = 5, 250
    total = 0
    for length in range(1, 7):
        for nesting in range(1, 5):
            bad = []
            for _ in range(seeds_per_config):
                for s in dump(binary, "program", length, nesting, per_seed, fresh_seed()):
                    total += 1
                    problem = program_problem(s, length, nesting)
                    if problem:
                        bad.append(f"{s['input']} -> {s['target']}: {problem}")
                    for op in s["ops"]:
                        op_counts[op] = op_counts.get(op, 0) + 1
                    used_chars.update(s["input"] + s["target"])
            rep.check(f"programs L={length} N={nesting}", not bad, f"{len(bad)} bad, first: {bad[:1]}")
    print(f"ran {total} programs (L 1..6 x N 1..4) with python3: outputs compared with targets")


def check_extremes(binary, rep):
    """The int64 bound is tightest at L=9, N=6: Python's unbounded ints must agree."""
    biggest = 0
    for length, nesting in [(9, 6), (9, 5), (8, 6), (7, 6), (9, 1)]:
        samples = dump(binary, "program", length, nesting, 300, fresh_seed())
        bad = [s for s in samples if program_problem(s, length, nesting)]
        biggest = max([biggest] + [abs(int(s["target"][:-1])) for s in samples])
        longest = max(len(s["input"]) for s in samples)
        rep.check(f"extreme programs L={length} N={nesting}", not bad, f"first: {bad[:1]}")
        rep.check(f"input bound L={length} N={nesting}", longest <= 276, f"input of {longest} characters")
    print(f"largest |target| seen at the extremes: {biggest:.3e} (int64 max 9.22e18)")


def check_op_frequencies(rep, op_counts):
    n = sum(op_counts.values())
    chi = sum((op_counts.get(op, 0) - n / 6) ** 2 / (n / 6) for op in OPS)
    shares = " ".join(f"{op} {op_counts.get(op, 0) / n:.3f}" for op in OPS)
    print(f"operation shares over {n} steps: {shares} (chi-square {chi:.1f}, df 5)")
    for op in OPS:
        share = op_counts.get(op, 0) / n
        rep.check(f"op share {op}", abs(share - 1 / 6) < 0.02, f"{share:.3f}")
    # df 5: p = 0.001 at 20.5
    rep.check("op chi-square", chi < 25.0, f"{chi:.1f}")


def operand_slots(inp, second):
    """Where the first operation's result (an if-expression, the only IfExp in
    the program) sits among the operands of the second operation."""
    stmts = ast.parse(as_python(inp)).body
    expr = stmts[-1].value.args[0]  # print(<expr>)
    if second == "pair":
        cands = [expr.left, expr.right]
    elif second == "if":
        cands = [expr.test.left, expr.test.comparators[0], expr.body, expr.orelse]
    elif second == "var":  # v=<a>; ... (v+<b>)
        cands = [stmts[-2].value, expr.right]
    else:  # loop: v=<a> / for x in range(k):v+=<b> / print(v)
        cands = [stmts[-3].value, stmts[-2].body[0].value]
    return [i for i, node in enumerate(cands) if isinstance(node, ast.IfExp)]


def check_operand_slots(binary, rep):
    """The previous expression goes to a uniformly random operand slot."""
    counts = {op: {} for op in ["pair", "var", "loop", "if"]}
    for s in dump(binary, "program", 3, 2, 30000, fresh_seed()):
        first, second = s["ops"]
        if first != "if" or second not in counts:
            continue
        slots = operand_slots(s["input"], second)
        if len(slots) != 1:
            rep.check("operand slot found", False, f"{s['input']}: slots {slots}")
            return
        counts[second][slots[0]] = counts[second].get(slots[0], 0) + 1
    for op, by_slot in counts.items():
        k = 4 if op == "if" else 2
        n = sum(by_slot.values())
        shares = [by_slot.get(i, 0) / n for i in range(k)] if n else [0.0] * k
        print(f"previous expression in operand slot of {op}: " + " ".join(f"{x:.2f}" for x in shares) + f" (n={n})")
        rep.check(f"operand slot uniform {op}", n > 500 and all(abs(x - 1 / k) < 0.06 for x in shares),
                  f"shares {shares}, n {n}")


def check_vocab(binary, rep, used_chars):
    res = subprocess.run([binary, "vocab"], capture_output=True, text=True, check=False)
    vocab = json.loads(res.stdout)["vocab"] if res.returncode == 0 else ""
    rep.check("vocab order", vocab == VOCAB, repr(vocab))
    rep.check("vocab 42 distinct", len(VOCAB) == 42 and len(set(vocab)) == 42, f"{len(set(vocab))}")
    extra = sorted(used_chars - set(VOCAB))
    rep.check("characters within the vocab", not extra, f"outside: {extra}")
    unused = sorted(set(VOCAB) - used_chars)
    rep.check("every vocab symbol produced", not unused, f"never produced: {unused}")


def check_splits(binary, rep):
    """Programs of different splits never coincide; small levels repeat
    programs within a split, which is what makes this check meaningful."""
    names = ["train", "val", "test"]
    configs = [("program", 1, 1), ("program", 1, 2), ("program", 2, 1), ("program", 2, 2),
               ("program", 3, 1), ("program", 4, 3), ("program", 6, 4), ("addition", 1, 1),
               ("addition", 2, 1), ("copy", 2, 1), ("copy", 3, 1)]
    for task, length, nesting in configs:
        sets = []
        wrong = []
        for k, name in enumerate(names):
            samples = dump(binary, task, length, nesting, 400, fresh_seed(), name)
            for s in samples:
                if fnv1a32(s["input"]) % 3 != k or s["split"] != k:
                    wrong.append(s["input"])
            sets.append({s["input"] for s in samples})
        overlap = (sets[0] & sets[1]) | (sets[0] & sets[2]) | (sets[1] & sets[2])
        sizes = "/".join(str(len(x)) for x in sets)
        rep.check(f"split hash {task} L={length} N={nesting}", not wrong, f"{len(wrong)} wrong, e.g. {wrong[:1]}")
        rep.check(f"splits disjoint {task} L={length} N={nesting}", not overlap,
                  f"shared: {sorted(overlap)[:3]} (distinct per split {sizes})")
        if (task, length, nesting) == ("program", 1, 1):
            print(f"splits at program L=1 N=1: {sizes} distinct programs of 400 drawn per split, none shared")


def check_addition_and_copy(binary, rep):
    bad = []
    for length in range(1, 10):
        for s in dump(binary, "addition", length, 1, 100, fresh_seed()):
            m = re.fullmatch(r"print\((\d+)\+(\d+)\)@", s["input"])
            ok = m and len(m.group(1)) == length and len(m.group(2)) == length
            ok = ok and m.group(1)[0] != "0" and m.group(2)[0] != "0" and TARGET_RE.match(s["target"])
            if not ok or run_python(as_python(s["input"])) != s["target"][:-1] + "\n":
                bad.append(f"{s['input']} -> {s['target']}")
    rep.check("addition runs to its target", not bad, f"first: {bad[:1]}")
    bad = []
    for length in range(1, 31):
        for s in dump(binary, "copy", length, 1, 40, fresh_seed()):
            ok = re.fullmatch(r"[0-9]+@", s["input"]) and len(s["input"]) == length + 1
            if not ok or s["target"] != s["input"][:-1] + ".":
                bad.append(f"{s['input']} -> {s['target']}")
    rep.check("copy target is the input digits", not bad, f"first: {bad[:1]}")


def check_determinism_and_args(binary, rep):
    seed = fresh_seed()
    a = dump(binary, "program", 5, 3, 100, seed, "val")
    b = dump(binary, "program", 5, 3, 100, seed, "val")
    c = dump(binary, "program", 5, 3, 100, fresh_seed(), "val")
    rep.check("same seed, same samples", a == b)
    rep.check("other seed, other samples", sum(x != y for x, y in zip(a, c)) > 90)
    for length, nesting in [(0, 1), (10, 1), (1, 0), (1, 7)]:
        res = subprocess.run([binary, "program", str(length), str(nesting), "1", "1"], capture_output=True,
                             text=True, check=False)
        rep.check(f"rejects L={length} N={nesting}", res.returncode == 1 and "invalid argument" in res.stderr,
                  f"exit {res.returncode}, stderr {res.stderr.strip()!r}")


def check_lengths(binary, rep):
    for (length, nesting), (lo, hi, spec) in {(6, 3): (52, 66, 59), (1, 1): (16, 22, 19)}.items():
        lens = sorted(len(s["input"]) for s in dump(binary, "program", length, nesting, 5000, fresh_seed()))
        mean = sum(lens) / len(lens)
        p99 = lens[int(0.99 * len(lens))]
        print(f"input length L={length} N={nesting}: mean {mean:.1f} (spec ~{spec}), 99th percentile {p99}")
        rep.check(f"mean input length L={length} N={nesting}", lo < mean < hi, f"{mean:.1f}")


def main():
    if len(sys.argv) != 2:
        print("usage: check_programs.py /path/to/l2e_dump", file=sys.stderr)
        return 2
    binary = sys.argv[1]
    rep = Report()
    op_counts, used_chars = {}, set()
    try:
        check_programs(binary, rep, op_counts, used_chars)
        check_extremes(binary, rep)
        check_op_frequencies(rep, op_counts)
        check_operand_slots(binary, rep)
        check_vocab(binary, rep, used_chars)
        check_splits(binary, rep)
        check_addition_and_copy(binary, rep)
        check_determinism_and_args(binary, rep)
        check_lengths(binary, rep)
    except (OSError, RuntimeError, ValueError, SyntaxError, AttributeError, IndexError) as e:
        rep.check("l2e_dump runs", False, str(e))
    print(f"{rep.passed} passed, {rep.failed} failed")
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main())
