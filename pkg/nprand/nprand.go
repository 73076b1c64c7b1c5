package nprand

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext/prng"
)

// RandomState is numpy's legacy RandomState: an MT19937 generator plus the
// cached second normal deviate of the polar Box–Muller method.
type RandomState struct {
	mt       *prng.MT19937
	hasGauss bool
	gauss    float64
}

// New returns a RandomState seeded like numpy.random.RandomState(seed).
func New(seed uint32) *RandomState {
	r := &RandomState{mt: prng.NewMT19937()}
	r.Seed(seed)
	return r
}

// Seed resets the state like np.random.seed(seed) for an integer seed,
// including dropping any cached normal deviate.
func (r *RandomState) Seed(seed uint32) {
	r.mt.Seed(uint64(seed))
	r.hasGauss = false
	r.gauss = 0
}

// Uint32 returns the next raw 32-bit output of the Mersenne Twister.
func (r *RandomState) Uint32() uint32 { return r.mt.Uint32() }

// Uint64 returns two raw outputs, the first in the high bits, like
// rand.Source; it lets a RandomState serve as a math/rand/v2 source.
func (r *RandomState) Uint64() uint64 { return r.mt.Uint64() }

// Float64 returns numpy's random_sample(): a double in [0, 1) with 53
// random bits built from two consecutive 32-bit outputs.
func (r *RandomState) Float64() float64 {
	a := r.mt.Uint32() >> 5
	b := r.mt.Uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) / 9007199254740992.0
}

// Fill fills dst with consecutive random_sample() values, the order numpy
// uses for np.random.rand(n) (and, in C order, for any shape).
func (r *RandomState) Fill(dst []float64) {
	for i := range dst {
		dst[i] = r.Float64()
	}
}

// Uniform returns numpy's legacy uniform(low, high) = low + (high−low)·u.
func (r *RandomState) Uniform(low, high float64) float64 {
	return low + (high-low)*r.Float64()
}

// Normal returns a standard normal deviate exactly as numpy's legacy
// standard_normal / randn: the polar Box–Muller method, returning the
// second deviate of a pair from a cache on the next call.
func (r *RandomState) Normal() float64 {
	if r.hasGauss {
		r.hasGauss = false
		g := r.gauss
		r.gauss = 0
		return g
	}
	var x1, x2, r2 float64
	for {
		x1 = 2*r.Float64() - 1
		x2 = 2*r.Float64() - 1
		r2 = x1*x1 + x2*x2
		if r2 < 1 && r2 != 0 {
			break
		}
	}
	f := math.Sqrt(-2 * log(r2) / r2)
	r.gauss = f * x1
	r.hasGauss = true
	return f * x2
}

// interval returns a uniform integer in [0, max] by numpy's masked
// rejection (random_interval), for max < 2^32.
func (r *RandomState) interval(max uint32) uint32 {
	if max == 0 {
		return 0
	}
	mask := max
	mask |= mask >> 1
	mask |= mask >> 2
	mask |= mask >> 4
	mask |= mask >> 8
	mask |= mask >> 16
	for {
		v := r.mt.Uint32() & mask
		if v <= max {
			return v
		}
	}
}

// Randint returns numpy's legacy randint(low, high): a uniform integer in
// [low, high). It returns an error when high ≤ low or the range does not
// fit in 32 bits (numpy would switch to 64-bit draws there).
func (r *RandomState) Randint(low, high int64) (int64, error) {
	if high <= low {
		return 0, fmt.Errorf("nprand: Randint needs low < high, got low=%d high=%d", low, high)
	}
	rng := uint64(high - low - 1)
	if rng > math.MaxUint32 {
		return 0, fmt.Errorf("nprand: Randint range %d exceeds 2^32, expected a smaller range", high-low)
	}
	if rng == math.MaxUint32 {
		return low + int64(r.mt.Uint32()), nil
	}
	return low + int64(r.interval(uint32(rng))), nil
}

// ShuffleInts shuffles x in place exactly as numpy's legacy shuffle of a
// 1-D array (Fisher–Yates from the end, j = random_interval(i)).
// It panics if len(x) ≥ 2^32.
func (r *RandomState) ShuffleInts(x []int) {
	r.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
}

// Shuffle performs numpy's legacy shuffle order on n items, calling swap
// for each exchange (numpy swaps even when i == j; swap is called then too).
func (r *RandomState) Shuffle(n int, swap func(i, j int)) {
	if uint64(n) > math.MaxUint32 {
		panic("nprand: Shuffle length exceeds 2^32")
	}
	for i := n - 1; i > 0; i-- {
		j := int(r.interval(uint32(i)))
		swap(i, j)
	}
}

// Permutation returns numpy's legacy permutation(n): a shuffled 0…n−1.
func (r *RandomState) Permutation(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.ShuffleInts(p)
	return p
}
