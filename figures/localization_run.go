package figures

import (
	"errors"
	"math"

	"github.com/receptive-go/receptive/pkg/localization"
	"github.com/receptive-go/receptive/plotting"
)

// Run-level figures of notebook 04: each takes a training record
// (localization.Result) and draws one of the original's figures from it.

// RunReceptiveFields is figure 1: all snapshots sorted as the original
// (entropy sort of the last snapshot with the centre sort).
func RunReceptiveFields(res *localization.Result, numCols int) (*plotting.Figure, error) {
	if res == nil || len(res.Weights) == 0 {
		return nil, errors.New("figures: empty training record")
	}
	last := res.Weights[len(res.Weights)-1]
	return ReceptiveFields(res.Weights, res.Steps, localization.EntropySort(last, true), numCols)
}

// RunMetrics is figure 2: loss and accuracy (training-batch means over each
// interval), IPR and entropy of every unit at every snapshot.
func RunMetrics(res *localization.Result) (*plotting.Figure, error) {
	if res == nil || len(res.Weights) == 0 {
		return nil, errors.New("figures: empty training record")
	}
	var ipr, ent [][]float64
	for _, w := range res.Weights {
		ipr, ent = append(ipr, localization.IPR(w)), append(ent, localization.Entropy(w))
	}
	return Metrics(res.Steps, res.IntervalMeans(res.Loss), res.IntervalMeans(res.Accuracy), ipr, ent)
}

// Pruning compares, at every snapshot, the MSE and accuracy on x, y of the
// whole network with those of the localized units alone and the other
// ("oscillatory") units alone — the readout still dividing by K, as the
// original's pruning cell — and the accuracy of each group once the
// constant the pruned units contributed is re-fitted.
func Pruning(res *localization.Result, act localization.Activation, x, y []float64, localized []bool) (*plotting.Figure, error) {
	other := make([]bool, len(localized))
	for i, v := range localized {
		other[i] = !v
	}
	panels := map[string][]Curve{}
	for _, c := range []struct {
		label string
		keep  []bool
	}{{"all units", nil}, {"localized only", localized}, {"oscillatory only", other}} {
		l, a, err := res.EvaluateSnapshots(act, 0, x, y, c.keep)
		if err != nil {
			return nil, err
		}
		panels["MSE"] = append(panels["MSE"], Curve{Label: c.label, Y: l})
		panels["Accuracy"] = append(panels["Accuracy"], Curve{Label: c.label, Y: a})
	}
	for _, c := range []struct {
		label string
		keep  []bool
	}{{"localized only, offset re-fitted", localized}, {"oscillatory only, offset re-fitted", other}} {
		refit, err := res.RefitSnapshots(act, 0, x, y, c.keep)
		if err != nil {
			return nil, err
		}
		panels["Accuracy"] = append(panels["Accuracy"], Curve{Label: c.label, Y: refit})
	}
	return Compare(floats(res.Steps), "Training steps", panels, []string{"MSE", "Accuracy"})
}

// BiasComparison draws the training-batch loss and accuracy (means over
// each interval) of a run with the trainable first-layer bias and one
// without, and the final weights of the bias-free run sorted as figure 1.
func BiasComparison(withBias, noBias *localization.Result) (*plotting.Figure, error) {
	if withBias == nil || noBias == nil || len(noBias.Weights) == 0 {
		return nil, errors.New("figures: need both training records")
	}
	if len(withBias.Steps) != len(noBias.Steps) {
		return nil, errors.New("figures: the two runs have different snapshot steps")
	}
	fig, err := plotting.NewFigure(1, 3)
	if err != nil {
		return nil, err
	}
	fig.Width, fig.Height = 14, 4.5
	x := floats(withBias.Steps)
	for i, m := range []struct {
		name string
		get  func(*localization.Result) []float64
	}{
		{"Loss", func(r *localization.Result) []float64 { return r.IntervalMeans(r.Loss) }},
		{"Accuracy", func(r *localization.Result) []float64 { return r.IntervalMeans(r.Accuracy) }},
	} {
		ax := fig.Axes()[i]
		for j, r := range []*localization.Result{withBias, noBias} {
			label := []string{"with bias", "without bias (the seed's SimpleNet)"}[j]
			if err := ax.Line(x, m.get(r), plotting.Style{Label: label, Color: plotting.Tab10(j)}); err != nil {
				return nil, err
			}
		}
		ax.X.Label.Text = "Training steps"
		ax.Y.Label.Text = m.name
		ax.ShowLegend = true
	}
	last := noBias.Weights[len(noBias.Weights)-1]
	K, L := last.Dims()
	z, err := reorder(last, localization.EntropySort(last, true))
	if err != nil {
		return nil, err
	}
	ax := fig.Axes()[2]
	if _, err := ax.Imshow(z, K, L, plotting.ImshowOptions{Cmap: plotting.MustCmap("gray"), Aspect: -1}); err != nil {
		return nil, err
	}
	ax.Title.Text = "Final weights without bias"
	ax.X.Label.Text = "Input neurons"
	ax.Y.Label.Text = "Hidden neurons"
	return fig, nil
}

// SweepRun is the outcome of one run of a gain × ξ sweep.
type SweepRun struct {
	Gain, Xi1, Xi2 float64
	Seed           uint64
	Share          float64 // share of units with IPR above the threshold
	Accuracy       float64 // accuracy of the trained network
}

// SweepSummary groups runs by (gain, ξ1, ξ2), in order of first
// appearance, into the mean and standard deviation of the localized share
// and the mean accuracy over seeds.
func SweepSummary(runs []SweepRun) []SweepPoint {
	type key struct{ g, a, b float64 }
	var keys []key
	groups := map[key][]SweepRun{}
	for _, r := range runs {
		k := key{r.Gain, r.Xi1, r.Xi2}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	out := make([]SweepPoint, 0, len(keys))
	for _, k := range keys {
		g := groups[k]
		n := float64(len(g))
		var m, m2, acc float64
		for _, r := range g {
			m += r.Share / n
			m2 += r.Share * r.Share / n
			acc += r.Accuracy / n
		}
		out = append(out, SweepPoint{Gain: k.g, Xi1: k.a, Xi2: k.b, Share: m, SD: math.Sqrt(math.Max(m2-m*m, 0)), Accuracy: acc})
	}
	return out
}
