package snn

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// Regulariser is the original's firing-rate penalty: with
// fr_h = Σ_{batch, steps} S_h / (BatchSize·Duration) (Hz),
//
//	reg = mean_h( c·(relu(fr_h − FRMin)/(FRMax − FRMin))² ) / NumHidden,
//
// c = ln(NumClasses), the loss of chance guessing. The code divides by
// NumHidden after the mean (the paper's text divides once); this is the
// code's form. BatchSize is the configured batch size, not the size of the
// batch at hand (they differ only for a short last batch).
type Regulariser struct {
	Off          bool    // no penalty
	FRMin, FRMax float64 // 100 Hz, 200 Hz
	BatchSize    int     // 128
	Duration     float64 // stimulus duration (s), 0.1
}

// DefaultRegulariser returns the original's settings.
func DefaultRegulariser() Regulariser {
	return Regulariser{FRMin: 100, FRMax: 200, BatchSize: 128, Duration: 0.1}
}

func (r Regulariser) validate() error {
	if r.Off {
		return nil
	}
	if !(r.FRMax > r.FRMin) || math.IsInf(r.FRMax-r.FRMin, 0) || r.BatchSize < 1 || !(r.Duration > 0) {
		return fmt.Errorf("snn: regulariser FRMin=%v FRMax=%v BatchSize=%d Duration=%v; expected FRMin < FRMax, BatchSize ≥ 1, Duration > 0",
			r.FRMin, r.FRMax, r.BatchSize, r.Duration)
	}
	return nil
}

// Loss holds the parts of a batch's loss.
type Loss struct {
	NLL, Reg, Total float64
}

// Gradient returns the loss of the samples of x listed in batch and its
// gradients with respect to W_ih and W_ho (surrogate gradients unless
// Smooth is set), as the original's loss.backward() computes them.
func (n *Net) Gradient(x Labelled, batch []int, reg Regulariser) (Loss, *mat.Dense, *mat.Dense, error) {
	if err := n.check(); err != nil {
		return Loss{}, nil, nil, err
	}
	if err := n.checkInput(x); err != nil {
		return Loss{}, nil, nil, err
	}
	if err := reg.validate(); err != nil {
		return Loss{}, nil, nil, err
	}
	if err := checkBatch(x, batch, n.NumClasses); err != nil {
		return Loss{}, nil, nil, err
	}
	e := newEngine(n.kernel(x.NumSteps()), len(batch), 0)
	loss := e.lossGrad(x, batch, reg)
	return loss, mat.NewDense(n.NumInputs, n.NumHidden, e.gwih), mat.NewDense(n.NumHidden, n.NumClasses, e.gwho), nil
}

func checkBatch(x Labelled, batch []int, classes int) error {
	if len(batch) == 0 {
		return fmt.Errorf("snn: empty batch")
	}
	for _, s := range batch {
		if s < 0 || s >= x.Len() {
			return fmt.Errorf("snn: sample %d out of range [0, %d)", s, x.Len())
		}
		if y := x.Label(s); y < 0 || y >= classes {
			return fmt.Errorf("snn: sample %d has label %d, expected a class in [0, %d)", s, y, classes)
		}
	}
	return nil
}

// gradChunk is the number of samples whose gradients are accumulated
// together before the chunks are summed in order.
const gradChunk = 16

// engine computes batch losses and gradients in parallel, reusing its
// buffers from batch to batch.
type engine struct {
	k       *kernel
	traces  []*trace
	workers int
	// gradient accumulators of each chunk of gradChunk samples, summed in
	// chunk order so that results do not depend on the number of workers
	wgih, wgho [][]float64
	gwih, gwho []float64
	gm         []float64 // batch × C: dL/dm
	rg         []float64 // H: dReg/dS
	losses     []float64 // per sample NLL
}

func newEngine(k *kernel, batchSize, workers int) *engine {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, batchSize)
	e := &engine{k: k, workers: workers}
	e.traces = make([]*trace, batchSize)
	for i := range e.traces {
		e.traces[i] = newTrace(k.T, k.H, k.C)
	}
	chunks := (batchSize + gradChunk - 1) / gradChunk
	e.wgih = make([][]float64, chunks)
	e.wgho = make([][]float64, chunks)
	for w := range e.wgih {
		e.wgih[w] = make([]float64, len(k.wih))
		e.wgho[w] = make([]float64, len(k.who))
	}
	e.gwih = make([]float64, len(k.wih))
	e.gwho = make([]float64, len(k.who))
	e.gm = make([]float64, batchSize*k.C)
	e.rg = make([]float64, k.H)
	e.losses = make([]float64, batchSize)
	return e
}

// parallel runs f(worker, i) for i in [0, n) split in contiguous blocks.
func (e *engine) parallel(n int, f func(w, i int)) {
	var wg sync.WaitGroup
	per := (n + e.workers - 1) / e.workers
	for w := 0; w < e.workers; w++ {
		lo, hi := w*per, min((w+1)*per, n)
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				f(w, i)
			}
		}()
	}
	wg.Wait()
}

// lossGrad runs the batch forward, computes the loss, and backpropagates,
// leaving the gradients in e.gwih and e.gwho.
func (e *engine) lossGrad(x Labelled, batch []int, reg Regulariser) Loss {
	k := e.k
	B, T, H, C := len(batch), k.T, k.H, k.C
	// Forward pass and NLL of the log-softmax of each sample's mean output.
	e.parallel(B, func(_, b int) {
		tr := e.traces[b]
		k.forward(x, batch[b], tr)
		m := tr.m
		mx := m[argmax(m)]
		var z float64
		for _, v := range m {
			z += math.Exp(v - mx)
		}
		lse := mx + math.Log(z)
		y := x.Label(batch[b])
		e.losses[b] = lse - m[y]
		g := e.gm[b*C : b*C+C]
		for c, v := range m {
			g[c] = math.Exp(v-lse) / float64(B)
		}
		g[y] -= 1 / float64(B)
	})
	var loss Loss
	for _, l := range e.losses[:B] {
		loss.NLL += l
	}
	loss.NLL /= float64(B)
	// Firing-rate regulariser over the whole batch.
	clear(e.rg)
	if !reg.Off {
		c := math.Log(float64(C))
		width := reg.FRMax - reg.FRMin
		norm := float64(reg.BatchSize) * reg.Duration
		for j := 0; j < H; j++ {
			var cnt float64
			for b := 0; b < B; b++ {
				s := e.traces[b].s
				for t := 0; t < T; t++ {
					cnt += s[t*H+j]
				}
			}
			excess := math.Max(cnt/norm-reg.FRMin, 0) / width
			loss.Reg += c * excess * excess
			e.rg[j] = c / float64(H*H) * 2 * excess / width / norm
		}
		loss.Reg /= float64(H * H)
	}
	loss.Total = loss.NLL + loss.Reg
	// Backward pass, each chunk of samples into its own accumulators.
	chunks := (B + gradChunk - 1) / gradChunk
	e.parallel(chunks, func(_, c int) {
		gih, gho := e.wgih[c], e.wgho[c]
		clear(gih)
		clear(gho)
		for b := c * gradChunk; b < min((c+1)*gradChunk, B); b++ {
			e.backward(x, batch[b], e.traces[b], e.gm[b*C:b*C+C], gih, gho)
		}
	})
	copy(e.gwih, e.wgih[0])
	copy(e.gwho, e.wgho[0])
	for c := 1; c < chunks; c++ {
		for i, v := range e.wgih[c] {
			e.gwih[i] += v
		}
		for i, v := range e.wgho[c] {
			e.gwho[i] += v
		}
	}
	return loss
}

// backward accumulates one sample's gradients by backpropagation through
// time: with G_k = ∂L/∂U_k = gm/T + α·G_{k+1},
//
//	∂L/∂W_ho += S_t ⊗ G_{t+1}
//	∂L/∂S_t   = W_ho·G_{t+1} + ∂reg/∂S − (α·V_t + h_t)·∂L/∂V_{t+1}
//	∂L/∂V_t   = α·(1 − S_t)·∂L/∂V_{t+1} + ∂L/∂S_{t+1}·σ'(V_t − 1)
//	∂L/∂h_t   = (1 − S_t)·∂L/∂V_{t+1},   ∂L/∂W_ih += x_t ⊗ ∂L/∂h_t
//
// for t = T−2 … 0, from ∂L/∂V_{T−1} = 0 and ∂L/∂S_{T−1} = ∂reg/∂S.
func (e *engine) backward(x Labelled, sample int, tr *trace, gm, gwih, gwho []float64) {
	k := e.k
	T, H, C, a := k.T, k.H, k.C, k.alpha
	var buf [4 * 64]float64
	var gV, gS, gh, q []float64
	if H <= 64 {
		gV, gS, gh, q = buf[0:H], buf[64:64+H], buf[128:128+H], buf[192:192+H]
	} else {
		gV, gS, gh, q = make([]float64, H), make([]float64, H), make([]float64, H), make([]float64, H)
	}
	// Every G_k is gm/T times the scalar g_k = 1 + α·g_{k+1} (g_{T−1} = 1),
	// so W_ho·G_{t+1} = g_{t+1}·q with q = W_ho·gm/T, and the W_ho gradient
	// is (Σ_t g_{t+1}·S_t) ⊗ gm/T, accumulated in wsum.
	who := k.who
	invT := 1 / float64(T)
	for j := 0; j < H; j++ {
		var o float64
		for c, w := range who[j*C : j*C+C] {
			o += w * gm[c]
		}
		q[j] = o * invT
	}
	var ws [64]float64 // Σ_t g_{t+1}·S_t per hidden unit
	wsum := ws[:0]
	if H <= 64 {
		wsum = ws[:H]
	} else {
		wsum = make([]float64, H)
	}
	copy(gS, e.rg)
	g := 1.0
	for t := T - 2; t >= 0; t-- {
		// g holds g_{t+1}.
		st := tr.s[t*H : t*H+H]
		vt, pt := tr.v[t*H:t*H+H], tr.pre[t*H:t*H+H]
		for j := 0; j < H; j++ {
			sj := st[j]
			wsum[j] += g * sj
			gvn := gV[j]
			keep := 1 - sj
			gh[j] = keep * gvn
			gsNext := gS[j]
			gS[j] = g*q[j] + e.rg[j] - pt[j]*gvn
			gV[j] = a*keep*gvn + gsNext*k.surrogate(vt[j]-1)
		}
		k.accumulate(x.Row(sample, t), gh, gwih)
		g = 1 + a*g
	}
	for j := 0; j < H; j++ {
		if wsum[j] == 0 {
			continue
		}
		gr := gwho[j*C : j*C+C]
		for c := range gr {
			gr[c] += wsum[j] * gm[c] * invT
		}
	}
}

// accumulate adds x_t ⊗ gh to the W_ih gradient, eight hidden units at a
// time with gh in registers.
func (k *kernel) accumulate(row []uint64, gh, gwih []float64) {
	H := k.H
	j0 := 0
	for ; j0+8 <= H; j0 += 8 {
		g0, g1, g2, g3, g4, g5, g6, g7 := gh[j0], gh[j0+1], gh[j0+2], gh[j0+3], gh[j0+4], gh[j0+5], gh[j0+6], gh[j0+7]
		for w, word := range row {
			for word != 0 {
				i := w<<6 + bits.TrailingZeros64(word)
				word &= word - 1
				o := i*H + j0
				r := gwih[o : o+8 : o+8]
				r[0] += g0
				r[1] += g1
				r[2] += g2
				r[3] += g3
				r[4] += g4
				r[5] += g5
				r[6] += g6
				r[7] += g7
			}
		}
	}
	if j0 == H {
		return
	}
	rest := gh[j0:]
	for w, word := range row {
		for word != 0 {
			i := w<<6 + bits.TrailingZeros64(word)
			word &= word - 1
			r := gwih[i*H+j0 : i*H+H]
			for j, g := range rest {
				r[j] += g
			}
		}
	}
}
