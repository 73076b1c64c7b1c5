package figures

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"

	"github.com/receptive-go/receptive/pkg/localization"
	"github.com/receptive-go/receptive/plotting"
)

// Figures of notebook 04 (leonlufkin/Localization @ 89921cd, viz_nlgp.ipynb).

// reorder returns the rows of w in the given order as a row-major slice.
func reorder(w *mat.Dense, order []int) ([]float64, error) {
	K, L := w.Dims()
	if order == nil {
		order = make([]int, K)
		for i := range order {
			order[i] = i
		}
	}
	if len(order) != K {
		return nil, fmt.Errorf("figures: ordering of %d rows for %d hidden units", len(order), K)
	}
	out := make([]float64, 0, K*L)
	for _, k := range order {
		if k < 0 || k >= K {
			return nil, fmt.Errorf("figures: row %d out of range [0, %d)", k, K)
		}
		out = append(out, w.RawRowView(k)...)
	}
	return out, nil
}

func checkSnapshots(snaps []*mat.Dense, steps []int) error {
	if len(snaps) == 0 {
		return errors.New("figures: no weight snapshots")
	}
	if len(steps) != len(snaps) {
		return fmt.Errorf("figures: %d snapshots but %d steps", len(snaps), len(steps))
	}
	K, L := snaps[0].Dims()
	for i, s := range snaps {
		if k, l := s.Dims(); k != K || l != L {
			return fmt.Errorf("figures: snapshot %d is %d×%d, the first is %d×%d", i, k, l, K, L)
		}
	}
	return nil
}

func noTicks(ax *plotting.Axes, x, y bool) {
	if x {
		ax.X.Tick.Marker = plot.ConstantTicks(nil)
	}
	if y {
		ax.Y.Tick.Marker = plot.ConstantTicks(nil)
	}
}

// ReceptiveFields draws the weight matrices of all snapshots side by side
// in gray, rows in the given order (from localization.EntropySort with the
// centre sort, for the original's figure), one colour scale over all
// snapshots, each labelled with its training step, as viz_box's
// plot_receptive_fields does with numCols panels per row. The original
// labels snapshot i with interval·i (0…900 for snapshots taken after steps
// 100…1000); the labels here are the steps after which they were taken.
func ReceptiveFields(snaps []*mat.Dense, steps []int, order []int, numCols int) (*plotting.Figure, error) {
	if err := checkSnapshots(snaps, steps); err != nil {
		return nil, err
	}
	if numCols <= 0 {
		numCols = len(snaps)
	}
	rows := (len(snaps) + numCols - 1) / numCols
	fig, err := plotting.NewFigure(rows, numCols)
	if err != nil {
		return nil, err
	}
	K, L := snaps[0].Dims()
	fig.Width = 1.6 * float64(numCols)
	fig.Height = float64(rows) * (1.6*float64(K)/float64(L) + 1)
	fig.DPI = 80
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range snaps {
		lo, hi = math.Min(lo, mat.Min(s)), math.Max(hi, mat.Max(s))
	}
	gray := plotting.MustCmap("gray")
	axes := fig.Axes()
	for i, s := range snaps {
		z, err := reorder(s, order)
		if err != nil {
			return nil, err
		}
		ax := axes[i]
		if _, err := ax.Imshow(z, K, L, plotting.ImshowOptions{Cmap: gray, Vmin: lo, Vmax: hi}); err != nil {
			return nil, err
		}
		ax.X.Label.Text = strconv.Itoa(steps[i])
		noTicks(ax, true, i > 0)
		if i == 0 {
			ax.Y.Label.Text = "Hidden neurons"
		}
	}
	for _, ax := range axes[len(snaps):] {
		ax.Hidden = true
	}
	return fig, nil
}

// lines draws one line per column of ys (ys[t][k] is series k at x[t]).
func lines(ax *plotting.Axes, x []float64, ys [][]float64) error {
	if len(ys) != len(x) {
		return fmt.Errorf("figures: %d x values for %d points", len(x), len(ys))
	}
	if len(ys) == 0 {
		return errors.New("figures: no points")
	}
	for k := range ys[0] {
		y := make([]float64, len(ys))
		for t := range ys {
			y[t] = ys[t][k]
		}
		if err := ax.Line(x, y, plotting.Style{}); err != nil {
			return err
		}
	}
	return nil
}

func floats(v []int) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

// Metrics draws the original's 2×2 panel of loss, accuracy, IPR and entropy
// against training steps. loss and acc are one value per snapshot (the
// original plotted zeros there; here they are the training-batch means over
// each interval), ipr and entropy one row per snapshot with a value per unit.
func Metrics(steps []int, loss, acc []float64, ipr, entropy [][]float64) (*plotting.Figure, error) {
	fig, err := plotting.NewFigure(2, 2)
	if err != nil {
		return nil, err
	}
	fig.Width, fig.Height = 10, 5
	x := floats(steps)
	for i, m := range []struct {
		label string
		ys    [][]float64
	}{
		{"Loss", column(loss)}, {"Accuracy", column(acc)}, {"IPR", ipr}, {"Entropy", entropy},
	} {
		ax := fig.Axes()[i]
		if err := lines(ax, x, m.ys); err != nil {
			return nil, fmt.Errorf("figures: %s: %w", m.label, err)
		}
		ax.X.Label.Text = "Training steps"
		ax.Y.Label.Text = m.label
	}
	return fig, nil
}

func column(v []float64) [][]float64 {
	out := make([][]float64, len(v))
	for i, x := range v {
		out[i] = []float64{x}
	}
	return out
}

func positions(L int) []float64 {
	x := make([]float64, L)
	for i := range x {
		x[i] = float64(i)
	}
	return x
}

// rows returns rows idx of w as series over input positions.
func rowsOf(w *mat.Dense, idx []int) ([][]float64, error) {
	K, L := w.Dims()
	ys := make([][]float64, L)
	for i := range ys {
		ys[i] = make([]float64, len(idx))
	}
	for j, k := range idx {
		if k < 0 || k >= K {
			return nil, fmt.Errorf("figures: unit %d out of range [0, %d)", k, K)
		}
		for i, v := range w.RawRowView(k) {
			ys[i][j] = v
		}
	}
	return ys, nil
}

// SelectedFields draws the original's 3×1 figure for six units of the final
// weights w: the six rows as a gray image, the localized ones as lines and
// the oscillatory ones as lines (y from −1 to 1). six lists the units shown
// (the original showed rows 0–5); localized and oscillatory are positions
// in six (the original: 0, 2, 3, 5 and 1, 4).
func SelectedFields(w *mat.Dense, six []int, localized, oscillatory []int) (*plotting.Figure, error) {
	fig, err := plotting.NewFigure(3, 1)
	if err != nil {
		return nil, err
	}
	fig.Width, fig.Height = 10, 5
	z, err := reorder(subRows(w, six), nil)
	if err != nil {
		return nil, err
	}
	_, L := w.Dims()
	axes := fig.Axes()
	if _, err := axes[0].Imshow(z, len(six), L, plotting.ImshowOptions{Cmap: plotting.MustCmap("gray")}); err != nil {
		return nil, err
	}
	for i, sel := range [][]int{localized, oscillatory} {
		units := make([]int, len(sel))
		for j, p := range sel {
			if p < 0 || p >= len(six) {
				return nil, fmt.Errorf("figures: position %d out of the %d selected units", p, len(six))
			}
			units[j] = six[p]
		}
		ys, err := rowsOf(w, units)
		if err != nil {
			return nil, err
		}
		if err := lines(axes[i+1], positions(L), ys); err != nil {
			return nil, err
		}
		axes[i+1].SetLimits(math.NaN(), math.NaN(), -1, 1)
	}
	return fig, nil
}

// subRows returns the rows idx of w as a new matrix (rows out of range are
// reported by the caller's reorder).
func subRows(w *mat.Dense, idx []int) *mat.Dense {
	K, L := w.Dims()
	out := mat.NewDense(max(len(idx), 1), L, nil)
	for j, k := range idx {
		if k >= 0 && k < K {
			out.SetRow(j, w.RawRowView(k))
		}
	}
	return out
}

// FieldsOverTraining draws the original's 6×1 figure: for each unit of
// units, its weights at every snapshot overlaid (sharing both axes, y from
// −1 to 1).
func FieldsOverTraining(snaps []*mat.Dense, units []int) (*plotting.Figure, error) {
	if len(snaps) == 0 || len(units) == 0 {
		return nil, errors.New("figures: no snapshots or no units")
	}
	fig, err := plotting.NewFigure(len(units), 1)
	if err != nil {
		return nil, err
	}
	fig.Width, fig.Height = 10, 2*float64(len(units))
	fig.ShareX, fig.ShareY = true, true
	_, L := snaps[0].Dims()
	for i, k := range units {
		ys := make([][]float64, L)
		for p := range ys {
			ys[p] = make([]float64, len(snaps))
			for t, s := range snaps {
				if k < 0 || k >= s.RawMatrix().Rows {
					return nil, fmt.Errorf("figures: unit %d out of range", k)
				}
				ys[p][t] = s.At(k, p)
			}
		}
		ax := fig.Axes()[i]
		if err := lines(ax, positions(L), ys); err != nil {
			return nil, err
		}
		ax.SetLimits(math.NaN(), math.NaN(), -1, 1)
	}
	return fig, nil
}

// UnitsPerSnapshot draws the original's 10×1 figure: for each snapshot, the
// weights of units overlaid (sharing both axes, y from −1 to 1).
func UnitsPerSnapshot(snaps []*mat.Dense, units []int) (*plotting.Figure, error) {
	if len(snaps) == 0 || len(units) == 0 {
		return nil, errors.New("figures: no snapshots or no units")
	}
	fig, err := plotting.NewFigure(len(snaps), 1)
	if err != nil {
		return nil, err
	}
	fig.Width, fig.Height = 10, 1.6*float64(len(snaps))
	fig.ShareX, fig.ShareY = true, true
	_, L := snaps[0].Dims()
	for t, s := range snaps {
		ys, err := rowsOf(s, units)
		if err != nil {
			return nil, err
		}
		ax := fig.Axes()[t]
		if err := lines(ax, positions(L), ys); err != nil {
			return nil, err
		}
		ax.SetLimits(math.NaN(), math.NaN(), -1, 1)
	}
	return fig, nil
}

// Magnitudes draws the original's 1×2 figure: the largest and the mean |w|
// of every unit against the training step of each snapshot.
func Magnitudes(snaps []*mat.Dense, steps []int) (*plotting.Figure, error) {
	if err := checkSnapshots(snaps, steps); err != nil {
		return nil, err
	}
	fig, err := plotting.NewFigure(1, 2)
	if err != nil {
		return nil, err
	}
	fig.Width, fig.Height = 12, 4
	mx, mn := make([][]float64, len(snaps)), make([][]float64, len(snaps))
	for t, s := range snaps {
		mx[t], mn[t] = localization.AbsStats(s)
	}
	x := floats(steps)
	for i, m := range []struct {
		label string
		ys    [][]float64
	}{{"Max weight magnitude", mx}, {"Mean weight magnitude", mn}} {
		ax := fig.Axes()[i]
		if err := lines(ax, x, m.ys); err != nil {
			return nil, err
		}
		ax.X.Label.Text = "Training steps"
		ax.Y.Label.Text = m.label
	}
	return fig, nil
}

// PreactivationHistograms draws, as the original's pruning section, the
// histograms (30 bins, alpha 0.5) of the pre-activations w_k·x + b_k of the
// chosen units over examples of class −1 (left) and +1 (right), pooled over
// the units, under title.
func PreactivationHistograms(pre *mat.Dense, units []int, y []float64, title string) (*plotting.Figure, error) {
	N, K := pre.Dims()
	if len(y) != N {
		return nil, fmt.Errorf("figures: %d pre-activation rows but %d labels", N, len(y))
	}
	if len(units) == 0 {
		return nil, errors.New("figures: no units to histogram")
	}
	fig, err := plotting.NewFigure(1, 2)
	if err != nil {
		return nil, err
	}
	fig.Width, fig.Height = 12, 4
	fig.Title = title
	for i, cls := range []float64{-1, 1} {
		var data []float64
		for n := 0; n < N; n++ {
			if y[n] != cls {
				continue
			}
			for _, k := range units {
				if k < 0 || k >= K {
					return nil, fmt.Errorf("figures: unit %d out of range [0, %d)", k, K)
				}
				data = append(data, pre.At(n, k))
			}
		}
		ax := fig.Axes()[i]
		ax.Title.Text = fmt.Sprintf("y = %g", cls)
		if len(data) == 0 {
			continue
		}
		if _, _, err := ax.Hist(data, plotting.HistOptions{Bins: 30, Style: plotting.Style{Alpha: 0.5, Color: plotting.Tab10(i)}}); err != nil {
			return nil, err
		}
	}
	return fig, nil
}

// Curve is one labelled line of a comparison figure.
type Curve struct {
	Label string
	Y     []float64
}

// Compare draws, for each panel, labelled curves against x with a legend:
// the pruning and the bias/no-bias comparisons of the notebook.
func Compare(x []float64, xlabel string, panels map[string][]Curve, order []string) (*plotting.Figure, error) {
	fig, err := plotting.NewFigure(1, len(order))
	if err != nil {
		return nil, err
	}
	fig.Width, fig.Height = 6*float64(len(order)), 4
	for i, name := range order {
		ax := fig.Axes()[i]
		for j, c := range panels[name] {
			if len(c.Y) != len(x) {
				return nil, fmt.Errorf("figures: curve %q has %d points for %d x values", c.Label, len(c.Y), len(x))
			}
			if err := ax.Line(x, c.Y, plotting.Style{Label: c.Label, Color: plotting.Tab10(j)}); err != nil {
				return nil, err
			}
		}
		ax.X.Label.Text = xlabel
		ax.Y.Label.Text = name
		ax.ShowLegend = true
	}
	return fig, nil
}

// Gray shows one weight matrix in gray with rows in order, titled.
func Gray(w *mat.Dense, order []int, title string) (*plotting.Figure, error) {
	z, err := reorder(w, order)
	if err != nil {
		return nil, err
	}
	K, L := w.Dims()
	fig, ax := plotting.NewSingle()
	fig.Width, fig.Height = 4, 7
	if _, err := ax.Imshow(z, K, L, plotting.ImshowOptions{Cmap: plotting.MustCmap("gray")}); err != nil {
		return nil, err
	}
	ax.Title.Text = title
	ax.X.Label.Text = "Input neurons"
	ax.Y.Label.Text = "Hidden neurons"
	return fig, nil
}

// SweepPoint is the share of localized units for one (gain, ξ) setting,
// mean and standard deviation over seeds.
type SweepPoint struct {
	Gain, Xi1, Xi2 float64
	Share, SD      float64
	Accuracy       float64
}

// Sweep draws the share of localized units against the gain (log axis),
// one line with error bars per ξ pair.
func Sweep(points []SweepPoint) (*plotting.Figure, error) {
	if len(points) == 0 {
		return nil, errors.New("figures: empty sweep")
	}
	fig, err := plotting.NewFigure(1, 2)
	if err != nil {
		return nil, err
	}
	fig.Width, fig.Height = 12, 4.5
	type key struct{ a, b float64 }
	var keys []key
	groups := map[key][]SweepPoint{}
	for _, p := range points {
		k := key{p.Xi1, p.Xi2}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	for j, k := range keys {
		var x, y, e, acc []float64
		for _, p := range groups[k] {
			x, y, e, acc = append(x, math.Log10(p.Gain)), append(y, p.Share), append(e, p.SD), append(acc, p.Accuracy)
		}
		st := plotting.Style{Label: fmt.Sprintf("ξ = %g / %g", k.a, k.b), Color: plotting.Tab10(j), Marker: "o"}
		if err := fig.Axes()[0].ErrorBar(x, y, e, st); err != nil {
			return nil, err
		}
		if err := fig.Axes()[1].Line(x, acc, st); err != nil {
			return nil, err
		}
	}
	for i, lab := range []string{"Share of units with IPR > 0.1", "Accuracy"} {
		ax := fig.Axes()[i]
		ax.X.Label.Text = "log10 gain"
		ax.Y.Label.Text = lab
		ax.ShowLegend = true
		ax.Grid = true
	}
	fig.Axes()[0].AxHLine(0, plotting.Style{Color: color.Gray{Y: 128}, Width: 0.8})
	return fig, nil
}
