package localization

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// IPR returns the inverse participation ratio Σ_i w_i⁴/(Σ_i w_i²)² of every
// row of w (viz_box.ipr): 1/L for a flat row, 1 for a single non-zero weight.
func IPR(w mat.Matrix) []float64 {
	r, _ := w.Dims()
	out := make([]float64, r)
	for k := range out {
		var s2, s4 float64
		for _, v := range row(w, k) {
			v2 := v * v
			s2 += v2
			s4 += v2 * v2
		}
		out[k] = s4 / (s2 * s2)
	}
	return out
}

// PositionMeanVar returns, for every row, the mean Σ i·p_i and variance
// Σ i²·p_i − mean² of the position distribution p_i = w_i²/Σ_j w_j²
// (viz_box.position_mean_var).
func PositionMeanVar(w mat.Matrix) (mean, variance []float64) {
	r, _ := w.Dims()
	mean, variance = make([]float64, r), make([]float64, r)
	for k := range mean {
		wr := row(w, k)
		tot := 0.0
		for _, v := range wr {
			tot += v * v
		}
		var first, second float64
		for i, v := range wr {
			p := v * v / tot
			first += float64(i) * p
			second += float64(i*i) * p
		}
		mean[k], variance[k] = first, second-first*first
	}
	return mean, variance
}

// EntropyBins are the histogram bins of [EntropyWith]; [DefaultEntropyBins]
// are compute_entropy's defaults.
type EntropyBins struct {
	Low, Upp, Delta float64 // edges numpy.arange(Low, Upp, Delta)
	Base            float64 // logarithm base of the entropy
}

// DefaultEntropyBins returns compute_entropy's bins: edges arange(−10, 10, 0.1), base 2.
func DefaultEntropyBins() EntropyBins { return EntropyBins{Low: -10, Upp: 10, Delta: 0.1, Base: 2} }

// edges returns numpy.arange(low, upp, delta) as numpy computes it: length
// ⌈(upp−low)/delta⌉, values low + i·((low+delta) − low).
func (b EntropyBins) edges() []float64 {
	n := int(math.Ceil((b.Upp - b.Low) / b.Delta))
	d := (b.Low + b.Delta) - b.Low
	xs := make([]float64, max(n, 0))
	for i := range xs {
		xs[i] = b.Low + float64(i)*d
	}
	return xs
}

// Entropy returns the Shannon entropy in bits of each row's weight histogram
// with compute_entropy's bins ([DefaultEntropyBins]).
func Entropy(w mat.Matrix) []float64 { return EntropyWith(w, DefaultEntropyBins()) }

// EntropyWith computes the entropy of each row's weight histogram as
// conv_emergence.compute_entropy does (Ingrosso & Goldt, sgoldt/conv_emerge;
// copied into leonlufkin/Localization), including its quirks, which are
// harmless for |w| < Upp − Delta: with edges e_0…e_{n−1}, bins
// [e_i, e_{i+1}) for i < n−1 hold counts, the bin below e_0 is overwritten by
// the first regular bin (weights below Low are dropped), bin n−1 stays empty
// and the last bin counts w ≥ e_{n−1}. The counts are normalised and
// H = −Σ p log p / log Base (scipy.stats.entropy).
func EntropyWith(w mat.Matrix, b EntropyBins) []float64 {
	xs := b.edges()
	r, _ := w.Dims()
	out := make([]float64, r)
	count := make([]float64, len(xs)+1)
	for k := range out {
		clear(count)
		for _, v := range row(w, k) {
			if v >= xs[len(xs)-1] {
				count[len(count)-1]++
				continue
			}
			// first edge above v: v lies in [xs[i−1], xs[i])
			i := sort.SearchFloat64s(xs, v)
			if i < len(xs) && xs[i] == v {
				i++
			}
			if i >= 1 && i <= len(xs)-1 {
				count[i-1]++
			}
		}
		tot := 0.0
		for _, c := range count {
			tot += c
		}
		h := 0.0
		for _, c := range count {
			if c > 0 {
				p := c / tot
				h -= p * math.Log(p)
			}
		}
		out[k] = h / math.Log(b.Base)
	}
	return out
}

// argsort returns the indices that sort key ascending; ties keep index order
// (numpy's default quicksort may order tied rows differently).
func argsort(key []float64) []int {
	idx := make([]int, len(key))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return key[idx[a]] < key[idx[b]] })
	return idx
}

// EntropySort returns the row order of viz_box.entropy_sort: ascending
// entropy (localized rows first). With centerSort, the first ⌊K/2⌋ rows are
// reordered by their "centre" mean_i(|w_i|·i) — a magnitude-weighted index
// divided by L, not a normalised centre of mass — so localized fields line up
// along a diagonal.
func EntropySort(w mat.Matrix, centerSort bool) []int {
	order := argsort(Entropy(w))
	if centerSort {
		half := len(order) / 2
		_, L := w.Dims()
		centres := make([]float64, half)
		for j, k := range order[:half] {
			s := 0.0
			for i, v := range row(w, k) {
				s += math.Abs(v) * float64(i)
			}
			centres[j] = s / float64(L)
		}
		sub := argsort(centres)
		head := make([]int, half)
		for j, s := range sub {
			head[j] = order[s]
		}
		copy(order, head)
	}
	return order
}

// MeanSort returns the rows ordered by position mean (viz_box.mean_sort).
func MeanSort(w mat.Matrix) []int {
	m, _ := PositionMeanVar(w)
	return argsort(m)
}

// VarSort returns the rows ordered by position variance (viz_box.var_sort).
func VarSort(w mat.Matrix) []int {
	_, v := PositionMeanVar(w)
	return argsort(v)
}

// HalfMaxWidth returns, for every row, the number of contiguous inputs
// around the largest |w_i| whose weights have its sign and at least half its
// magnitude: the width at half maximum of a localized bump (or dip).
func HalfMaxWidth(w mat.Matrix) []int {
	r, _ := w.Dims()
	out := make([]int, r)
	for k := range out {
		wr := row(w, k)
		p := 0
		for i, v := range wr {
			if math.Abs(v) > math.Abs(wr[p]) {
				p = i
			}
		}
		half := wr[p] / 2
		in := func(v float64) bool {
			if half >= 0 {
				return v >= half
			}
			return v <= half
		}
		lo, hi := p, p
		for lo > 0 && in(wr[lo-1]) {
			lo--
		}
		for hi < len(wr)-1 && in(wr[hi+1]) {
			hi++
		}
		out[k] = hi - lo + 1
	}
	return out
}

// Localized returns the rows whose IPR exceeds threshold (the original
// prunes with IPR > 0.1).
func Localized(w mat.Matrix, threshold float64) []bool {
	ipr := IPR(w)
	out := make([]bool, len(ipr))
	for k, v := range ipr {
		out[k] = v > threshold
	}
	return out
}

// Share returns the fraction of true entries of mask.
func Share(mask []bool) float64 {
	n := 0
	for _, m := range mask {
		if m {
			n++
		}
	}
	return float64(n) / float64(len(mask))
}

// AbsStats returns the largest and the mean |w_i| of every row.
func AbsStats(w mat.Matrix) (maxAbs, meanAbs []float64) {
	r, _ := w.Dims()
	maxAbs, meanAbs = make([]float64, r), make([]float64, r)
	for k := range maxAbs {
		wr := row(w, k)
		for _, v := range wr {
			a := math.Abs(v)
			maxAbs[k] = math.Max(maxAbs[k], a)
			meanAbs[k] += a
		}
		meanAbs[k] /= float64(len(wr))
	}
	return maxAbs, meanAbs
}

// row returns row k of w as a slice (a view for *mat.Dense).
func row(w mat.Matrix, k int) []float64 {
	if d, ok := w.(mat.RawMatrixer); ok {
		raw := d.RawMatrix()
		return raw.Data[k*raw.Stride : k*raw.Stride+raw.Cols]
	}
	_, c := w.Dims()
	out := make([]float64, c)
	for i := range out {
		out[i] = w.At(k, i)
	}
	return out
}

// Exemplars picks six units to show as the original's rows 0–5 were: units
// at positions 0, 2, 3 and 5 are localized (mask true), those at 1 and 4
// are not; within each group the lowest unit indices are taken.
func Exemplars(mask []bool) ([]int, error) {
	var loc, osc []int
	for k, m := range mask {
		if m {
			loc = append(loc, k)
		} else {
			osc = append(osc, k)
		}
	}
	if len(loc) < 4 || len(osc) < 2 {
		return nil, fmt.Errorf("localization: need 4 localized and 2 other units, have %d and %d", len(loc), len(osc))
	}
	return []int{loc[0], osc[0], loc[1], loc[2], osc[1], loc[3]}, nil
}

// Units returns the indices where mask equals want.
func Units(mask []bool, want bool) []int {
	var out []int
	for k, m := range mask {
		if m == want {
			out = append(out, k)
		}
	}
	return out
}

// BestOffset returns the constant c that maximises the accuracy of
// sign(pred + c) against labels y (±1), and that accuracy: how well the
// predictions separate the classes once a lost constant (such as the
// contribution of pruned units) is restored.
func BestOffset(pred, y []float64) (offset, acc float64, err error) {
	if len(pred) != len(y) || len(y) == 0 {
		return 0, 0, fmt.Errorf("localization: %d predictions for %d labels", len(pred), len(y))
	}
	idx := argsort(pred)
	// Threshold below all points: everything predicted +1.
	correct := 0
	for _, v := range y {
		if v > 0 {
			correct++
		}
	}
	best, bestAt := correct, math.Inf(-1)
	for j, i := range idx {
		// move point i to the −1 side
		if y[i] > 0 {
			correct--
		} else {
			correct++
		}
		if j+1 < len(idx) && pred[idx[j+1]] == pred[i] {
			continue
		}
		if correct > best {
			best = correct
			if j+1 < len(idx) {
				bestAt = (pred[i] + pred[idx[j+1]]) / 2
			} else {
				bestAt = math.Inf(1)
			}
		}
	}
	switch {
	case math.IsInf(bestAt, -1):
		offset = 1 - pred[idx[0]] // all +1
	case math.IsInf(bestAt, 1):
		offset = -1 - pred[idx[len(idx)-1]] // all −1
	default:
		offset = -bestAt
	}
	return offset, float64(best) / float64(len(y)), nil
}
