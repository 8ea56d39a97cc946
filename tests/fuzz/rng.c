/*
 * tests/fuzz/rng.c - the fuzzer's PRNG: xorshift32, reseeded for every
 * call from the run's seed and the call's number (rng_seed), so that call
 * i of a run is the same whichever worker makes it and whenever: one call
 * can be replayed on its own.
 *
 * Entry points (fuzz.h): rng_seed, rnd, rnd_below, one_in.  Called by
 * call.c (gen_call seeds it), by the generators (args.c, paths.c,
 * structs.c) and by worker.c (the fault countdown, drawn after the
 * arguments).
 */
#include "fuzz.h"

static uint32_t rng_state;

/* A good 32-bit mixer (Chris Wellons' lowbias32). */
static uint32_t hash32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	x ^= x >> 16;
	return x;
}

/* Seed the PRNG for call @call of the run with seed @seed. */
void rng_seed(uint32_t seed, uint32_t call)
{
	rng_state = hash32(hash32(seed) ^ (call * 0x9e3779b9u + 0x7f4a7c15u));
	if (!rng_state)
		rng_state = 1;
}

uint32_t rnd(void)
{
	uint32_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return rng_state = x;
}

uint32_t rnd_below(uint32_t n)
{
	return rnd() % n;
}

int one_in(uint32_t n)
{
	return rnd_below(n) == 0;
}
