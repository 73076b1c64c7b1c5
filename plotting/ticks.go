package plotting

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// AutoTicks places major ticks as matplotlib's default locator
// (MaxNLocator with nbins 'auto' ≈ 9 and steps 1, 2, 2.5, 5, 10) and labels
// them with the shortest decimal that tells them apart.
type AutoTicks struct {
	// Bins is the largest number of intervals; 0 means 8.
	Bins int
}

// Ticks implements plot.Ticker.
func (t AutoTicks) Ticks(min, max float64) []plot.Tick {
	bins := t.Bins
	if bins <= 0 {
		bins = 8
	}
	vals := niceTicks(min, max, bins)
	return labelled(vals, nil)
}

// niceTicks returns multiples of a 1/2/2.5/5×10^k step covering [min, max]
// with at most bins intervals, keeping those inside the range.
func niceTicks(min, max float64, bins int) []float64 {
	if !(max > min) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		if min == max && !math.IsNaN(min) && !math.IsInf(min, 0) {
			return []float64{min}
		}
		return nil
	}
	raw := (max - min) / float64(bins)
	scale := math.Pow(10, math.Floor(math.Log10(raw)))
	var step float64
	for _, s := range []float64{1, 2, 2.5, 5, 10} {
		step = s * scale
		lo := math.Floor(min/step+1e-9) * step
		hi := math.Ceil(max/step-1e-9) * step
		if math.Round((hi-lo)/step) <= float64(bins) {
			break
		}
	}
	var out []float64
	eps := step * 1e-9
	for k := math.Ceil(min/step - 1e-9); ; k++ {
		v := k * step
		if v > max+eps {
			break
		}
		if math.Abs(v) < eps {
			v = 0
		}
		out = append(out, v)
	}
	return out
}

// FixedTicks returns a ticker with the given positions and labels; labels
// may be nil, then each position is formatted with the fewest digits that
// represent it (as matplotlib's ScalarFormatter for round values).
func FixedTicks(vals []float64, labels []string) plot.Ticker {
	ts := labelled(vals, labels)
	return plot.ConstantTicks(ts)
}

func labelled(vals []float64, labels []string) []plot.Tick {
	prec := tickPrecision(vals)
	ts := make([]plot.Tick, len(vals))
	for i, v := range vals {
		ts[i].Value = v
		if labels != nil {
			if i < len(labels) {
				ts[i].Label = labels[i]
			}
			continue
		}
		ts[i].Label = formatTick(v, prec)
	}
	return ts
}

// tickPrecision is the number of decimals needed to show every value to
// within 1e-9 of its magnitude (at most 6).
func tickPrecision(vals []float64) int {
	prec := 0
	for _, v := range vals {
		for p := prec; p <= 6; p++ {
			s := strconv.FormatFloat(v, 'f', p, 64)
			back, _ := strconv.ParseFloat(s, 64)
			if math.Abs(back-v) <= 1e-9*math.Max(1, math.Abs(v)) {
				prec = p
				break
			}
			if p == 6 {
				prec = 6
			}
		}
	}
	return prec
}

func formatTick(v float64, prec int) string {
	if math.Abs(v) >= 1e6 || (v != 0 && math.Abs(v) < 1e-4) {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if s == "-0" || (len(s) > 1 && s[0] == '-' && allZero(s[1:])) {
		s = s[1:]
	}
	// matplotlib uses a true minus sign.
	if len(s) > 0 && s[0] == '-' {
		s = "\u2212" + s[1:]
	}
	return s
}

func allZero(s string) bool {
	for _, r := range s {
		if r != '0' && r != '.' {
			return false
		}
	}
	return true
}

// noLabels keeps the tick marks of a ticker and drops its labels (for shared axes).
type noLabels struct{ plot.Ticker }

func (n noLabels) Ticks(min, max float64) []plot.Tick {
	ts := n.Ticker.Ticks(min, max)
	for i := range ts {
		ts[i].Label = ""
	}
	return ts
}
