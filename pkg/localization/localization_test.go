package localization

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/receptive-go/receptive/internal/refdata"
	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

type netStep struct {
	Pred []float64 `json:"pred"`
	Loss float64   `json:"loss"`
	Acc  float64   `json:"acc"`
	DW   []float64 `json:"dw"`
	DB   []float64 `json:"db"`
}

// golden holds numpy/scipy/torch values made by testdata/gen_golden.py.
type golden struct {
	Metrics struct {
		K, L              int
		W                 []float64 `json:"w"`
		EdgesSample       []float64 `json:"edges_sample"`
		EdgesLen          int       `json:"edges_len"`
		IPR               []float64 `json:"ipr"`
		PosMean           []float64 `json:"pos_mean"`
		PosVar            []float64 `json:"pos_var"`
		Entropy           []float64 `json:"entropy"`
		EntropySort       []int     `json:"entropy_sort"`
		EntropyCenterSort []int     `json:"entropy_center_sort"`
		MeanSort          []int     `json:"mean_sort"`
		VarSort           []int     `json:"var_sort"`
	} `json:"metrics"`
	Net struct {
		K, L, N     int
		LR          float64     `json:"lr"`
		ReadoutBias float64     `json:"readout_bias"`
		W0          []float64   `json:"w0"`
		B0          []float64   `json:"b0"`
		X           [][]float64 `json:"x"`
		Y           [][]float64 `json:"y"`
		Cases       []struct {
			Act    string    `json:"act"`
			Bias   bool      `json:"bias"`
			Steps  []netStep `json:"steps"`
			WFinal []float64 `json:"w_final"`
			BFinal []float64 `json:"b_final"`
		} `json:"cases"`
	} `json:"net"`
}

func loadGolden(t testing.TB) golden {
	t.Helper()
	var g golden
	refdata.JSON(t, "testdata/golden.json", &g)
	return g
}

func near(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if !scalar.EqualWithinAbsOrRel(got[i], want[i], tol, tol) {
			t.Errorf("%s[%d] = %.17g, reference %.17g", what, i, got[i], want[i])
		}
	}
}

func sameInts(t *testing.T, what string, got, want []int) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s = %v, reference %v", what, got, want)
		}
	}
}

// Sums of 40 terms in a different order than numpy's pairwise sums: 1e-13.
const metricTol = 1e-13

func TestMetricsMatchNumpy(t *testing.T) {
	g := loadGolden(t).Metrics
	w := mat.NewDense(g.K, g.L, g.W)
	xs := DefaultEntropyBins().edges()
	if len(xs) != g.EdgesLen {
		t.Fatalf("%d entropy edges, numpy.arange gives %d", len(xs), g.EdgesLen)
	}
	for i, j := range []int{0, 1, 57, 100, len(xs) - 1} {
		if xs[j] != g.EdgesSample[i] {
			t.Errorf("edge %d = %.17g, numpy %.17g", j, xs[j], g.EdgesSample[i])
		}
	}
	near(t, "IPR", IPR(w), g.IPR, metricTol)
	m, v := PositionMeanVar(w)
	near(t, "position mean", m, g.PosMean, metricTol)
	near(t, "position variance", v, g.PosVar, 1e-11) // second − first²: cancellation
	near(t, "entropy", Entropy(w), g.Entropy, metricTol)
	sameInts(t, "entropy sort", EntropySort(w, false), g.EntropySort)
	sameInts(t, "entropy sort with centre sort", EntropySort(w, true), g.EntropyCenterSort)
	sameInts(t, "mean sort", MeanSort(w), g.MeanSort)
	sameInts(t, "var sort", VarSort(w), g.VarSort)
}

func TestMetricLimits(t *testing.T) {
	flat := mat.NewDense(1, 40, nil)
	for i := 0; i < 40; i++ {
		flat.Set(0, i, 0.3)
	}
	one := mat.NewDense(1, 40, nil)
	one.Set(0, 7, -2)
	if got := IPR(flat)[0]; math.Abs(got-1.0/40) > 1e-15 {
		t.Errorf("IPR of a flat row = %g, want 1/40", got)
	}
	if got := IPR(one)[0]; got != 1 {
		t.Errorf("IPR of a one-hot row = %g, want 1", got)
	}
	if got := Entropy(flat)[0]; got != 0 {
		t.Errorf("entropy of a constant row = %g, want 0 bits", got)
	}
	bump := mat.NewDense(1, 40, nil)
	for i := 0; i < 40; i++ {
		bump.Set(0, i, -0.5*math.Exp(-float64((i-20)*(i-20))/(2*2.1*2.1)))
	}
	// A Gaussian of sd 2.1 has full width at half maximum 2.355·2.1 ≈ 4.9:
	// five inputs (16…22 minus the ends below half) — 18…22.
	if got := HalfMaxWidth(bump)[0]; got != 5 {
		t.Errorf("half-maximum width of a Gaussian dip of sd 2.1 = %d inputs, want 5", got)
	}
	mx, mn := AbsStats(bump)
	if mx[0] != 0.5 || mn[0] <= 0 || mn[0] >= 0.5 {
		t.Errorf("abs stats %g %g", mx[0], mn[0])
	}
}

// sliceSource serves fixed batches in turn.
type sliceSource struct {
	x, y [][]float64
	i    int
}

func (s *sliceSource) Batch(x, y []float64) error {
	copy(x, s.x[s.i])
	copy(y, s.y[s.i])
	s.i++
	return nil
}

func goldenNet(t *testing.T, g golden, act string, bias bool) *Network {
	a, err := ParseActivation(act)
	if err != nil {
		t.Fatal(err)
	}
	n := &Network{W: mat.NewDense(g.Net.K, g.Net.L, append([]float64(nil), g.Net.W0...)), Act: a, ReadoutBias: g.Net.ReadoutBias}
	if bias {
		n.B = append([]float64(nil), g.Net.B0...)
	}
	return n
}

// TestGradientAndSGDMatchTorch checks predictions, loss, accuracy, the
// gradients and three SGD steps against torch autograd and torch.optim.SGD
// in float64, for every activation with and without bias.
func TestGradientAndSGDMatchTorch(t *testing.T) {
	g := loadGolden(t)
	for _, c := range g.Net.Cases {
		n := goldenNet(t, g, c.Act, c.Bias)
		for s, want := range c.Steps {
			pred, err := n.Predict(g.Net.X[s], nil)
			if err != nil {
				t.Fatal(err)
			}
			near(t, c.Act+" prediction", pred, want.Pred, 1e-14)
			dW := mat.NewDense(g.Net.K, g.Net.L, nil)
			db := make([]float64, g.Net.K)
			loss, acc, err := n.Gradient(g.Net.X[s], g.Net.Y[s], dW, db)
			if err != nil {
				t.Fatal(err)
			}
			near(t, c.Act+" loss", []float64{loss, acc}, []float64{want.Loss, want.Acc}, 1e-14)
			near(t, c.Act+" dW", dW.RawMatrix().Data, want.DW, 1e-13)
			if c.Bias {
				near(t, c.Act+" db", db, want.DB, 1e-13)
			}
			// one SGD step by hand, as Train does
			for i, v := range dW.RawMatrix().Data {
				n.W.RawMatrix().Data[i] -= g.Net.LR * v
			}
			for k := range n.B {
				n.B[k] -= g.Net.LR * db[k]
			}
		}
		near(t, c.Act+" W after 3 steps", n.W.RawMatrix().Data, c.WFinal, 1e-13)
		// The same three steps through Train.
		n2 := goldenNet(t, g, c.Act, c.Bias)
		res, err := Train(context.Background(), n2, &sliceSource{x: g.Net.X, y: g.Net.Y},
			Settings{Steps: 3, BatchSize: g.Net.N, LR: g.Net.LR, EvalInterval: 1})
		if err != nil {
			t.Fatal(err)
		}
		near(t, c.Act+" Train W", n2.W.RawMatrix().Data, c.WFinal, 1e-13)
		if c.Bias {
			near(t, c.Act+" Train b", n2.B, c.BFinal, 1e-13)
		}
		if len(res.Weights) != 3 || res.Steps[2] != 3 || len(res.Loss) != 3 {
			t.Errorf("%s: %d snapshots at %v, %d losses; want 3 at 1,2,3", c.Act, len(res.Weights), res.Steps, len(res.Loss))
		}
		near(t, c.Act+" Train losses", res.Loss, []float64{c.Steps[0].Loss, c.Steps[1].Loss, c.Steps[2].Loss}, 1e-14)
	}
}

// TestGradientFiniteDifferences compares Gradient with central differences
// on a larger random network (step 1e-6: error O(h²)·φ”' ≈ 1e-12 against
// gradients of order 1e-3, so a relative 1e-6 tolerance).
func TestGradientFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, act := range []Activation{Tanh, Sigmoid, ReLU} {
		n, err := New(Options{Hidden: 9, Inputs: 13, Act: act, Bias: true, Init: LeCunNormal}, rand.NewPCG(1, uint64(act)))
		if err != nil {
			t.Fatal(err)
		}
		for k := range n.B {
			n.B[k] = 0.2 * rng.NormFloat64()
		}
		N := 11
		x, y := make([]float64, N*13), make([]float64, N)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		for i := range y {
			y[i] = float64(2*rng.IntN(2) - 1)
		}
		loss := func() float64 {
			p, _ := n.Predict(x, nil)
			l, _ := scores(p, y)
			return l
		}
		dW, db := mat.NewDense(9, 13, nil), make([]float64, 9)
		if _, _, err := n.Gradient(x, y, dW, db); err != nil {
			t.Fatal(err)
		}
		const h = 1e-6
		check := func(what string, p *float64, g float64) {
			old := *p
			*p = old + h
			lp := loss()
			*p = old - h
			lm := loss()
			*p = old
			fd := (lp - lm) / (2 * h)
			if math.Abs(fd-g) > 1e-6*math.Max(1e-3, math.Abs(g)) {
				t.Errorf("%v %s: analytic %g, finite difference %g", act, what, g, fd)
			}
		}
		w := n.W.RawMatrix().Data
		for i := range w {
			check("dW", &w[i], dW.RawMatrix().Data[i])
		}
		for k := range n.B {
			check("db", &n.B[k], db[k])
		}
	}
}

func TestInitialisationScales(t *testing.T) {
	// Sample sd of 100×40 = 4000 weights: relative sd error ≈ 1/√8000 ≈ 1.1%;
	// 5% is > 4 sd.
	for _, c := range []struct {
		init Init
		want float64
	}{
		{TorchNormal, 1 / math.Sqrt(40)},
		{LeCunNormal, 1 / math.Sqrt(40)},  // the truncation correction restores 1/√fan_in
		{XavierNormal, 1 / math.Sqrt(70)}, // 2/(K+L)
	} {
		n, err := New(Options{Hidden: 100, Inputs: 40, Init: c.init}, rand.NewPCG(3, 4))
		if err != nil {
			t.Fatal(err)
		}
		var s2, mx float64
		for _, v := range n.W.RawMatrix().Data {
			s2 += v * v
			mx = math.Max(mx, math.Abs(v))
		}
		sd := math.Sqrt(s2 / 4000)
		if math.Abs(sd/c.want-1) > 0.05 {
			t.Errorf("%v: weight sd %g, want %g", c.init, sd, c.want)
		}
		if c.init != TorchNormal && mx > 2*c.want/truncNormalSD+1e-12 {
			t.Errorf("%v: |w| = %g beyond the truncation at 2 sd", c.init, mx)
		}
	}
}

// TestBiasFreeNetworkIsOdd checks the symmetry that keeps the seed's
// configuration at chance: without bias (and readout bias 0) a tanh network
// satisfies ŷ(−x) = −ŷ(x) exactly.
func TestBiasFreeNetworkIsOdd(t *testing.T) {
	n, _ := New(Options{Hidden: 20, Inputs: 10, Act: Tanh, Init: TorchNormal}, rand.NewPCG(7, 8))
	rng := rand.New(rand.NewPCG(9, 10))
	x := make([]float64, 10)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	neg := make([]float64, 10)
	for i := range x {
		neg[i] = -x[i]
	}
	p, _ := n.Predict(x, nil)
	q, _ := n.Predict(neg, nil)
	if p[0] != -q[0] {
		t.Errorf("ŷ(x) = %g, ŷ(−x) = %g; want exact negatives", p[0], q[0])
	}
}

func TestBadInput(t *testing.T) {
	src := rand.NewPCG(1, 1)
	for _, o := range []Options{
		{Hidden: 0, Inputs: 40}, {Hidden: 10, Inputs: -1},
		{Hidden: 10, Inputs: 4, InitScale: math.NaN()}, {Hidden: 10, Inputs: 4, Act: 7},
		{Hidden: 10, Inputs: 4, Init: 9},
	} {
		if _, err := New(o, src); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	n, _ := New(FiguresOptions(), src)
	for _, s := range []Settings{
		{Steps: 0, BatchSize: 1, LR: 1}, {Steps: 10, BatchSize: 0, LR: 1},
		{Steps: 10, BatchSize: 1, LR: math.NaN()}, {Steps: 10, BatchSize: 1, LR: 1, EvalInterval: 11},
	} {
		if _, err := Train(context.Background(), n, &sliceSource{}, s); err == nil {
			t.Errorf("%+v: no error", s)
		}
	}
	if _, err := n.Predict(make([]float64, 39), nil); err == nil {
		t.Error("input of the wrong length: no error")
	}
	if _, err := n.Predict(make([]float64, 40), make([]bool, 3)); err == nil {
		t.Error("keep mask of the wrong length: no error")
	}
	if _, _, err := n.Evaluate(make([]float64, 80), make([]float64, 3), nil); err == nil {
		t.Error("label count mismatch: no error")
	}
}

type cancelSource struct{ cancel func() }

func (c cancelSource) Batch(x, y []float64) error {
	c.cancel()
	return nil
}

func TestTrainCancels(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n, _ := New(Options{Hidden: 3, Inputs: 4}, rand.NewPCG(1, 2))
	res, err := Train(ctx, n, cancelSource{cancel}, Settings{Steps: 100, BatchSize: 2, LR: 0.1})
	if err != context.Canceled || len(res.Loss) != 1 {
		t.Errorf("err %v after %d steps; want context.Canceled after 1", err, len(res.Loss))
	}
}

// BenchmarkEntropy10Snapshots is compute_entropy over the ten 100×40
// snapshots the notebook plots.
func BenchmarkEntropy10Snapshots(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	snaps := make([]*mat.Dense, 10)
	for i := range snaps {
		d := make([]float64, 4000)
		for j := range d {
			d[j] = 0.2 * rng.NormFloat64()
		}
		snaps[i] = mat.NewDense(100, 40, d)
	}
	for b.Loop() {
		for _, s := range snaps {
			Entropy(s)
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	g := loadGolden(t)
	n := goldenNet(t, g, "tanh", true)
	res, err := Train(context.Background(), n, &sliceSource{x: g.Net.X, y: g.Net.Y},
		Settings{Steps: 3, BatchSize: g.Net.N, LR: g.Net.LR, EvalInterval: 2})
	if err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/run.npz"
	if err := Save(path, res); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Interval != 2 || len(back.Steps) != 2 || back.Steps[0] != 2 || back.Steps[1] != 3 {
		t.Fatalf("loaded interval %d steps %v, saved 2 and [2 3]", back.Interval, back.Steps)
	}
	for i := range res.Weights {
		if !mat.Equal(res.Weights[i], back.Weights[i]) {
			t.Errorf("snapshot %d differs after a round trip", i)
		}
		near(t, "bias", back.Biases[i], res.Biases[i], 0)
	}
	near(t, "loss", back.Loss, res.Loss, 0)
	if back.FinalAcc != res.FinalAcc || back.FinalLoss != res.FinalLoss {
		t.Errorf("final %g %g, saved %g %g", back.FinalLoss, back.FinalAcc, res.FinalLoss, res.FinalAcc)
	}
	if _, err := Load(t.TempDir() + "/missing.npz"); err == nil {
		t.Error("missing file: no error")
	}
}

func TestBestOffset(t *testing.T) {
	pred := []float64{-0.9, -0.8, -0.7, -0.6, -0.5, -0.4}
	y := []float64{-1, -1, -1, 1, 1, 1}
	c, acc, err := BestOffset(pred, y)
	if err != nil || acc != 1 || math.Abs(c-0.65) > 1e-12 {
		t.Errorf("offset %g accuracy %g err %v; want 0.65 and 1", c, acc, err)
	}
	// with the offset applied, every sign is right
	for i, p := range pred {
		if (p+c > 0) != (y[i] > 0) {
			t.Errorf("point %d misclassified after the offset", i)
		}
	}
	if _, acc, _ := BestOffset([]float64{1, 2}, []float64{-1, -1}); acc != 1 {
		t.Errorf("all-negative labels: accuracy %g, want 1", acc)
	}
	if _, _, err := BestOffset([]float64{1}, nil); err == nil {
		t.Error("length mismatch: no error")
	}
	if six, err := Exemplars([]bool{true, false, true, true, false, true, true}); err != nil || six[0] != 0 || six[1] != 1 || six[4] != 4 || six[5] != 5 {
		t.Errorf("exemplars %v err %v", six, err)
	}
	if _, err := Exemplars([]bool{true, true}); err == nil {
		t.Error("too few units: no error")
	}
}

// TestTrainManyMatchesSerial checks that parallel runs give exactly the
// serial results, in job order.
func TestTrainManyMatchesSerial(t *testing.T) {
	g := loadGolden(t)
	set := Settings{Steps: 3, BatchSize: g.Net.N, LR: 0.5, EvalInterval: 1}
	opt := Options{Hidden: 4, Inputs: g.Net.L, Bias: true}
	var jobs []Job
	for s := uint64(0); s < 5; s++ {
		jobs = append(jobs, Job{Options: opt, Settings: set, Seed: s, Source: &sliceSource{x: g.Net.X, y: g.Net.Y}})
	}
	calls := 0
	runs, err := TrainMany(context.Background(), jobs, 3, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if calls != 5 {
		t.Errorf("progress called %d times, want 5", calls)
	}
	for s, r := range runs {
		n, _ := New(opt, rand.NewPCG(uint64(s), 1))
		if _, err := Train(context.Background(), n, &sliceSource{x: g.Net.X, y: g.Net.Y}, set); err != nil {
			t.Fatal(err)
		}
		if !mat.Equal(n.W, r.Net.W) {
			t.Errorf("job %d: parallel weights differ from a serial run", s)
		}
	}
	if _, err := TrainMany(context.Background(), jobs, 0, nil); err == nil {
		t.Error("zero workers: no error")
	}
}
