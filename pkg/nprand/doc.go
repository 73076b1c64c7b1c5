// Package nprand reproduces the random streams of numpy's legacy
// numpy.random.RandomState (the generator behind np.random.seed, rand,
// randn, randint, shuffle and permutation) bit for bit, so that seeded
// Python originals can be reproduced exactly.
//
// The generator is gonum's mathext/prng.MT19937. Seeding with an integer
// follows numpy's legacy path (init_genrand, numpy/random/_mt19937.pyx
// _legacy_seeding), doubles are numpy's 53-bit random_sample
// ((a>>5)·2^26 + (b>>6))/2^53 from two consecutive 32-bit outputs, normals
// are the legacy polar Box–Muller (legacy_gauss in
// numpy/random/src/legacy/legacy-distributions.c) with its cached second
// value, and bounded integers use numpy's masked rejection sampling
// (random_interval in numpy/random/src/distributions/distributions.c and
// buffered_bounded_masked_uint32 for randint).
//
// Streams were checked against numpy 1.24 (testdata/gen_golden.py): raw
// words, doubles, integers, shuffles, permutations and normal deviates are
// identical. Normal deviates need numpy's libm logarithm to the last bit, so
// the package carries glibc's logarithm (the x86-64 FMA variant of ARM's
// optimized-routines algorithm); Go's math.Log differs from it in about 3%
// of the deviates. 200 000 deviates were compared with numpy.
// RandomState is not safe for concurrent use.
package nprand
