"""Independent reference for errata's SeededGenerator (xoshiro256** seeded by SplitMix64).

Writes generator.json with raw outputs and bounded draws for fixed seeds. Follows the
published reference C code (https://prng.di.unimi.it/xoshiro256starstar.c and
splitmix64.c) and Lemire's bounded draw (ACM TOMACS 2019); 64-bit values are hex strings.

Run: python3 generator.py > generator.json
"""
import json

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def splitmix64(state):
    state = (state + GOLDEN) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed, stream=0):
        # Stream k starts the SplitMix64 sequence 4k outputs after the seed.
        state = (seed + 4 * stream * GOLDEN) & MASK
        self.s = []
        for _ in range(4):
            state, value = splitmix64(state)
            self.s.append(value)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def below(self, bound):
        product = self.next() * bound
        low = product & MASK
        if low < bound:
            threshold = (2**64 - bound) % bound
            while low < threshold:
                product = self.next() * bound
                low = product & MASK
        return product >> 64


def raw(seed, stream, count):
    g = Xoshiro256StarStar(seed, stream)
    return {"seed": f"{seed:x}", "stream": stream, "outputs": [f"{g.next():016x}" for _ in range(count)]}


def bounded(seed, bound, count):
    g = Xoshiro256StarStar(seed)
    return {"seed": f"{seed:x}", "bound": f"{bound:x}", "draws": [f"{g.below(bound):x}" for _ in range(count)]}


print(json.dumps({
    "raw": [raw(0, 0, 6), raw(42, 0, 6), raw(42, 1, 4), raw(12345, 3, 4), raw(MASK, 2, 4)],
    "bounded": [
        bounded(7, 1, 4),
        bounded(7, 10, 12),
        bounded(7, 1000003, 8),
        # Bounds just above 2^63 reject about half of all products, exercising the loop.
        bounded(7, (1 << 63) + 12345, 12),
        bounded(99, MASK, 6),
    ],
}, indent=1))
