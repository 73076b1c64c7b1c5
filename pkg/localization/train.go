package localization

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Source fills a batch: x with len(y) inputs (row-major, len(y)×L) and y
// with their labels ±1. *nlgp.Sampler satisfies it.
type Source interface {
	Batch(x, y []float64) error
}

// workspace holds the buffers of one gradient evaluation, laid out unit by
// unit (K×N) so that both matrix products are of gonum's fastest kind
// (A·Bᵀ, dot products along rows).
type workspace struct {
	a, g []float64 // K×N pre-activations, then ∂loss/∂a
	xt   []float64 // L×N transposed inputs
	pred []float64
}

func (ws *workspace) resize(N, K, L int) {
	grow := func(v []float64, n int) []float64 {
		if cap(v) < n {
			return make([]float64, n)
		}
		return v[:n]
	}
	ws.a, ws.g, ws.xt, ws.pred = grow(ws.a, K*N), grow(ws.g, K*N), grow(ws.xt, L*N), grow(ws.pred, N)
}

// Gradient returns the mean squared error and accuracy of the batch x (N×L),
// y (N) and stores ∂loss/∂W in dW (K×L) and, if the network has a bias,
// ∂loss/∂b in db (length K).
//
// With a_nk = w_k·x_n + b_k and ŷ_n = (1/K)Σ_k φ(a_nk) + c,
// ∂loss/∂a_nk = (2/N)(ŷ_n − y_n)(1/K)φ'(a_nk) = G_nk, ∂loss/∂W = Gᵀx,
// ∂loss/∂b_k = Σ_n G_nk.
func (n *Network) Gradient(x, y []float64, dW *mat.Dense, db []float64) (loss, acc float64, err error) {
	K, L := n.Dims()
	if r, c := dW.Dims(); r != K || c != L {
		return 0, 0, fmt.Errorf("localization: gradient buffer is %d×%d, want K×L = %d×%d", r, c, K, L)
	}
	if n.B != nil && len(db) != K {
		return 0, 0, fmt.Errorf("localization: bias gradient buffer has length %d, want K = %d", len(db), K)
	}
	if len(y) == 0 || len(x) != len(y)*L {
		return 0, 0, fmt.Errorf("localization: batch of %d labels needs %d inputs of length %d, got %d values", len(y), len(y), L, len(x))
	}
	var ws workspace
	loss, acc = n.gradient(&ws, x, y, dW.RawMatrix(), db)
	return loss, acc, nil
}

func (n *Network) gradient(ws *workspace, x, y []float64, dW blas64.General, db []float64) (loss, acc float64) {
	K, L := n.Dims()
	N := len(y)
	ws.resize(N, K, L)
	// Aᵀ = W·Xᵀ + b, one row per unit.
	X := blas64.General{Rows: N, Cols: L, Stride: L, Data: x}
	At := blas64.General{Rows: K, Cols: N, Stride: N, Data: ws.a}
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, n.W.RawMatrix(), X, 0, At)
	clear(ws.pred)
	for k := 0; k < K; k++ {
		a, g := ws.a[k*N:(k+1)*N], ws.g[k*N:(k+1)*N]
		b := 0.0
		if n.B != nil {
			b = n.B[k]
		}
		for i, v := range a {
			h, dh := n.Act.apply(v + b)
			ws.pred[i] += h
			g[i] = dh
		}
	}
	invK := 1 / float64(K)
	for i := range ws.pred {
		ws.pred[i] = ws.pred[i]*invK + n.ReadoutBias
	}
	loss, acc = scores(ws.pred, y)
	// c_n = ∂loss/∂ŷ_n · ∂ŷ_n/∂h = (2/N)(ŷ_n − y_n)/K, reusing pred.
	c := ws.pred
	for i := range c {
		c[i] = 2 / float64(N) * (c[i] - y[i]) * invK
	}
	for k := 0; k < K; k++ {
		g := ws.g[k*N : (k+1)*N]
		s := 0.0
		for i := range g {
			g[i] *= c[i]
			s += g[i]
		}
		if n.B != nil {
			db[k] = s
		}
	}
	// ∂loss/∂W = Gᵀ·X, computed as Gt·(Xᵀ)ᵀ with Xᵀ stored row by row.
	for i := 0; i < N; i++ {
		for j, v := range x[i*L : (i+1)*L] {
			ws.xt[j*N+i] = v
		}
	}
	Gt := blas64.General{Rows: K, Cols: N, Stride: N, Data: ws.g}
	Xt := blas64.General{Rows: L, Cols: N, Stride: N, Data: ws.xt}
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, Gt, Xt, 0, dW)
	return loss, acc
}

// Settings configures training.
type Settings struct {
	Steps     int     // number of SGD steps (the original's num_epochs: one batch per step)
	BatchSize int     // examples per step
	LR        float64 // learning rate
	// EvalInterval is the number of steps between weight snapshots; 0 means
	// the original's min(500, max(Steps/10, 1)).
	EvalInterval int
	// Progress, if not nil, is called after every step with the number of
	// steps done and the total.
	Progress func(done, total int)
}

// FiguresSettings returns the training run behind the seed's figures:
// 1000 steps of batch 100 at learning rate 1, snapshots every 100 steps.
func FiguresSettings() Settings {
	return Settings{Steps: 1000, BatchSize: 100, LR: 1}
}

// interval returns the snapshot interval after validation.
func (s Settings) interval() (int, error) {
	if s.Steps <= 0 {
		return 0, fmt.Errorf("localization: number of steps must be positive, got %d", s.Steps)
	}
	if s.BatchSize <= 0 {
		return 0, fmt.Errorf("localization: batch size must be positive, got %d", s.BatchSize)
	}
	if math.IsNaN(s.LR) || math.IsInf(s.LR, 0) || s.LR <= 0 {
		return 0, fmt.Errorf("localization: learning rate must be a positive finite number, got %g", s.LR)
	}
	iv := s.EvalInterval
	if iv == 0 {
		iv = min(500, max(s.Steps/10, 1))
	}
	if iv < 0 {
		return 0, fmt.Errorf("localization: snapshot interval must be positive, got %d", iv)
	}
	if iv > s.Steps {
		return 0, fmt.Errorf("localization: snapshot interval %d is larger than the run of %d steps", iv, s.Steps)
	}
	return iv, nil
}

// Result is the record of a training run.
type Result struct {
	Interval  int          // steps between snapshots
	Steps     []int        // step after which each snapshot was taken (interval, 2·interval, …)
	Weights   []*mat.Dense // first-layer weights at each snapshot (K×L)
	Biases    [][]float64  // first-layer biases at each snapshot (nil without bias)
	InitialW  *mat.Dense   // weights before training
	Loss      []float64    // training-batch MSE of every step, before its update
	Accuracy  []float64    // training-batch accuracy of every step, before its update
	FinalLoss float64      // mean Loss over the last interval
	FinalAcc  float64      // mean Accuracy over the last interval
}

// IntervalMeans returns the mean of v over each snapshot interval, one value
// per snapshot (as the torch script prints its progress).
func (r *Result) IntervalMeans(v []float64) []float64 {
	out := make([]float64, len(r.Steps))
	prev := 0
	for i, s := range r.Steps {
		sum := 0.0
		for _, x := range v[prev:s] {
			sum += x
		}
		out[i] = sum / float64(s-prev)
		prev = s
	}
	return out
}

// Train runs plain SGD on the mean squared error, updating n in place, one
// fresh batch from src per step (the original's online EpochSampler and the
// torch script's NLGPLoader both draw every example once). Snapshots of the
// weights are taken after steps interval, 2·interval, … and after the last
// step. Cancelling ctx stops the run between steps with ctx's error and the
// record so far.
func Train(ctx context.Context, n *Network, src Source, s Settings) (*Result, error) {
	iv, err := s.interval()
	if err != nil {
		return nil, err
	}
	if src == nil {
		return nil, errors.New("localization: nil data source")
	}
	K, L := n.Dims()
	x, y := make([]float64, s.BatchSize*L), make([]float64, s.BatchSize)
	dW := mat.NewDense(K, L, nil)
	var db []float64
	if n.B != nil {
		db = make([]float64, K)
	}
	res := &Result{Interval: iv, InitialW: mat.DenseCopyOf(n.W),
		Loss: make([]float64, 0, s.Steps), Accuracy: make([]float64, 0, s.Steps)}
	var ws workspace
	w, g := n.W.RawMatrix(), dW.RawMatrix()
	for step := 1; step <= s.Steps; step++ {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if err := src.Batch(x, y); err != nil {
			return res, err
		}
		loss, acc := n.gradient(&ws, x, y, g, db)
		if math.IsNaN(loss) || math.IsInf(loss, 0) {
			return res, fmt.Errorf("localization: loss diverged (%g) at step %d; lower the learning rate", loss, step)
		}
		res.Loss, res.Accuracy = append(res.Loss, loss), append(res.Accuracy, acc)
		// SGD: θ ← θ − lr·∇θ (optax.sgd / torch.optim.SGD without momentum).
		for r := 0; r < K; r++ {
			wr, gr := w.Data[r*w.Stride:r*w.Stride+L], g.Data[r*g.Stride:r*g.Stride+L]
			for i, v := range gr {
				wr[i] -= s.LR * v
			}
		}
		for k, v := range db {
			n.B[k] -= s.LR * v
		}
		if step%iv == 0 || step == s.Steps {
			res.Steps = append(res.Steps, step)
			res.Weights = append(res.Weights, mat.DenseCopyOf(n.W))
			if n.B != nil {
				res.Biases = append(res.Biases, append([]float64(nil), n.B...))
			}
		}
		if s.Progress != nil {
			s.Progress(step, s.Steps)
		}
	}
	from := s.Steps - iv
	for i := from; i < s.Steps; i++ {
		res.FinalLoss += res.Loss[i] / float64(iv)
		res.FinalAcc += res.Accuracy[i] / float64(iv)
	}
	return res, nil
}
