package plotting

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// AutoTicks places major ticks as matplotlib's default locator does
// (MaxNLocator with steps 1, 2, 2.5, 5, 10: the smallest nice step that
// gives at most Bins intervals over the axis range) and labels them as its
// ScalarFormatter: every label with the same number of decimals, a true
// minus sign, and values of 10⁶ and more or below 10⁻⁴ scaled by a power
// of ten shown at the end of the axis.
type AutoTicks struct {
	// Bins is the largest number of intervals. 0 means matplotlib's 'auto':
	// inside a figure, one interval per 3 (x axis) or 2 (y axis) tick-label
	// font sizes of axis length, between 1 and 9; outside a figure, 9.
	Bins int
}

// Ticks implements plot.Ticker. Only ticks inside [min, max] are returned.
func (t AutoTicks) Ticks(min, max float64) []plot.Tick {
	bins := t.Bins
	if bins <= 0 {
		bins = 9
	}
	if min > max {
		min, max = max, min
	}
	all := locateTicks(min, max, bins)
	if len(all) == 0 {
		return nil
	}
	oom := orderOfMagnitude(all, min, max)
	scaled := make([]float64, len(all))
	for i, v := range all {
		scaled[i] = v / math.Pow(10, float64(oom))
	}
	prec := tickPrecision(scaled)
	tol := 1e-10 * (max - min)
	var ts []plot.Tick
	for i, v := range all {
		if v < min-tol || v > max+tol {
			continue
		}
		ts = append(ts, plot.Tick{Value: v, Label: formatTick(scaled[i], prec)})
	}
	return ts
}

// multiplier returns the power of ten the tick labels on [min, max] are
// divided by, as matplotlib's offset text ("1e6", "1e−5"), or "".
func (t AutoTicks) multiplier(min, max float64) string {
	bins := t.Bins
	if bins <= 0 {
		bins = 9
	}
	if min > max {
		min, max = max, min
	}
	oom := orderOfMagnitude(locateTicks(min, max, bins), min, max)
	if oom == 0 {
		return ""
	}
	return "1e" + minus(strconv.Itoa(oom))
}

// orderOfMagnitude is the power of ten by which matplotlib's ScalarFormatter
// divides the labels: that of the largest |tick| in view when it is at least
// 10⁶ or at most 10⁻⁵, else 0.
func orderOfMagnitude(ticks []float64, min, max float64) int {
	big := 0.0
	for _, v := range ticks {
		if v >= min && v <= max {
			big = math.Max(big, math.Abs(v))
		}
	}
	if big == 0 || math.IsInf(big, 0) {
		return 0
	}
	oom := int(math.Floor(math.Log10(big)))
	if oom <= -5 || oom >= 6 {
		return oom
	}
	return 0
}

// niceTicks returns the ticks of locateTicks(min, max, bins) inside [min, max].
func niceTicks(min, max float64, bins int) []float64 {
	var out []float64
	tol := 1e-10 * (max - min)
	for _, v := range locateTicks(min, max, bins) {
		if v >= min-tol && v <= max+tol {
			out = append(out, v)
		}
	}
	return out
}

// locateTicks is matplotlib's MaxNLocator: with scale the power of ten
// below (max−min)/bins, it takes the smallest step of
// {1, 2, 2.5, 5, 10}×scale not below (max−min)/bins, falling back to smaller
// steps until at least two ticks fall inside the range. It returns the
// multiples of the step from the one at or below min to the one at or above
// max (so possibly one outside each end). For a large mean relative to the
// range, the ticks are computed relative to a power-of-ten offset to keep
// precision, as matplotlib does.
func locateTicks(min, max float64, bins int) []float64 {
	if math.IsNaN(min) || math.IsNaN(max) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		return nil
	}
	if bins < 1 {
		bins = 1
	}
	if max-min <= 1e-14*math.Max(math.Abs(min), math.Abs(max)) || max-min < 1e-300 {
		// Degenerate range: matplotlib widens it before locating.
		if min == 0 && max == 0 {
			min, max = -1e-13, 1e-13
		} else {
			min, max = min-1e-13*math.Abs(min), max+1e-13*math.Abs(max)
		}
		if !(max > min) {
			return []float64{min}
		}
	}
	dv := max - min
	mean := (max + min) / 2
	offset := 0.0
	if math.Abs(mean)/dv >= 100 {
		offset = math.Copysign(math.Pow(10, math.Floor(math.Log10(math.Abs(mean)))), mean)
	}
	scale := math.Pow(10, math.Floor(math.Log10(dv/float64(bins))))
	lo, hi := min-offset, max-offset
	raw := (hi - lo) / float64(bins)
	staircase := []float64{0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20}
	istep := len(staircase) - 1
	for i, s := range staircase {
		if s*scale >= raw {
			istep = i
			break
		}
	}
	var ticks []float64
	for i := istep; i >= 0; i-- {
		step := staircase[i] * scale
		best := math.Floor(lo/step) * step
		e := edgeInteger{step: step, offset: offset}
		low, high := e.le(lo-best), e.ge(hi-best)
		ticks = ticks[:0]
		inside := 0
		for k := low; k <= high; k++ {
			v := k*step + best
			if v >= lo && v <= hi {
				inside++
			}
			ticks = append(ticks, v)
		}
		if inside >= 2 {
			break
		}
	}
	out := make([]float64, len(ticks))
	for i, v := range ticks {
		v += offset
		if math.Abs(v) < 1e-9*dv {
			v = 0 // no "−0.0" or 1e-17 from rounding
		}
		out[i] = v
	}
	return out
}

// edgeInteger counts steps from an origin with a tolerance for the
// rounding error of the subtraction (matplotlib's _Edge_integer).
type edgeInteger struct{ step, offset float64 }

func (e edgeInteger) closeTo(ms, edge float64) bool {
	tol := 1e-10
	if e.offset > 0 {
		digits := math.Log10(e.offset / e.step)
		tol = math.Min(0.4999, math.Max(1e-10, math.Pow(10, digits-12)))
	}
	return math.Abs(ms-edge) < tol
}

// le returns the largest number of steps not above x.
func (e edgeInteger) le(x float64) float64 {
	d, m := floorDivmod(x, e.step)
	if e.closeTo(m/e.step, 1) {
		return d + 1
	}
	return d
}

// ge returns the smallest number of steps not below x.
func (e edgeInteger) ge(x float64) float64 {
	d, m := floorDivmod(x, e.step)
	if e.closeTo(m/e.step, 0) {
		return d
	}
	return d + 1
}

// floorDivmod is Python's divmod for floats: the floor of x/y and the
// remainder with the sign of y.
func floorDivmod(x, y float64) (float64, float64) {
	mod := math.Mod(x, y)
	div := (x - mod) / y
	if mod != 0 && (y < 0) != (mod < 0) {
		mod += y
		div--
	}
	fl := math.Floor(div)
	if div-fl > 0.5 {
		fl++
	}
	return fl, mod
}

// FixedTicks returns a ticker with the given positions and labels; labels
// may be nil, then the positions are formatted as matplotlib's
// ScalarFormatter does (all with the same, smallest sufficient, number of
// decimals, and a true minus sign).
func FixedTicks(vals []float64, labels []string) plot.Ticker {
	ts := labelled(vals, labels)
	return plot.ConstantTicks(ts)
}

// labelled pairs vals with labels, formatting the values when labels is nil.
func labelled(vals []float64, labels []string) []plot.Tick {
	prec := tickPrecision(vals)
	// A tick that is zero up to rounding in a set of larger ticks (arange's
	// −2.2e−16 among −1 … 1) is labelled 0, as ScalarFormatter does.
	scale := 0.0
	for _, v := range vals {
		if !math.IsInf(v, 0) && !math.IsNaN(v) {
			scale = math.Max(scale, math.Abs(v))
		}
	}
	ts := make([]plot.Tick, len(vals))
	for i, v := range vals {
		ts[i].Value = v
		if labels != nil {
			if i < len(labels) {
				ts[i].Label = labels[i]
			}
			continue
		}
		if math.Abs(v) < 1e-8*scale {
			v = 0
		}
		ts[i].Label = formatTick(v, prec)
	}
	return ts
}

// tickPrecision is the number of decimals matplotlib's ScalarFormatter
// gives the labels of ticks at vals: the fewest that round every value to
// within a thousandth of the order of magnitude of their spread.
func tickPrecision(vals []float64) int {
	var fin []float64
	for _, v := range vals {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			fin = append(fin, v)
		}
	}
	if len(fin) == 0 {
		return 0
	}
	lo, hi, big := fin[0], fin[0], 0.0
	for _, v := range fin {
		lo, hi, big = math.Min(lo, v), math.Max(hi, v), math.Max(big, math.Abs(v))
	}
	span := hi - lo
	if span == 0 {
		span = big
	}
	if span == 0 {
		span = 1
	}
	oom := int(math.Floor(math.Log10(span)))
	thresh := 1e-3 * math.Pow(10, float64(oom))
	sig := max(0, 3-oom)
	for ; sig >= 0; sig-- {
		p := math.Pow(10, float64(sig))
		worst := 0.0
		for _, v := range fin {
			worst = math.Max(worst, math.Abs(v-math.Round(v*p)/p))
		}
		if !(worst < thresh) {
			break
		}
	}
	return min(sig+1, 15)
}

// formatTick formats v with prec decimals and a true minus sign; values
// that this would show as 0 although they are not, and values of 10⁶ and
// more, are written in scientific notation ("2.5e−5").
func formatTick(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return minus(strconv.FormatFloat(v, 'g', -1, 64))
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if math.Abs(v) >= 1e6 || (v != 0 && allZero(strings.TrimPrefix(s, "-"))) {
		return sci(v)
	}
	if s[0] == '-' && allZero(s[1:]) {
		s = s[1:]
	}
	return minus(s)
}

// sci writes v as matplotlib writes numbers in scientific notation: a
// shortest mantissa and a bare exponent, "1e6", "−2.5e−5".
func sci(v float64) string {
	s := strconv.FormatFloat(v, 'e', -1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	n, _ := strconv.Atoi(exp)
	return minus(mant + "e" + strconv.Itoa(n))
}

// minus replaces ASCII hyphen-minus signs by the true minus sign U+2212.
func minus(s string) string { return strings.ReplaceAll(s, "-", "\u2212") }

func allZero(s string) bool {
	for _, r := range s {
		if r != '0' && r != '.' {
			return false
		}
	}
	return true
}
