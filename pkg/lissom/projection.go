package lissom

import (
	"fmt"
	"runtime"
	"sync"
)

// Projection holds the weights of a linear map y = W·x between two square
// sheets (pylissom: a torch.nn.Linear without bias, W of shape out×in) as
// connection fields: only the connections inside each neuron's circular
// field are stored, so memory and time grow with the number of connections,
// not with in×out. A radius-8 field on a 36×36 sheet holds about 200 of the
// 1296 inputs.
//
// The weights are stored by input unit ("outgoing" order): for input j, the
// output neurons that see it, grouped in runs of consecutive indices (one
// run per output row), with their weights. Apply then touches only the
// inputs that are non-zero, which makes the lateral settling of a sheet
// with a compact activity blob cost a small fraction of a dense product.
//
// Weights are stored as float32, as pylissom stores them: a large product
// is limited by memory bandwidth, and float32 storage took a 142×142
// forward pass from 135–160 ms to 48–65 ms on 2 cores (float64 weights).
// Products accumulate in float64.
//
// A Projection is immutable once built and safe for concurrent use.
type Projection struct {
	geo    geometry
	runPtr []int32 // runs of input j: runs[runPtr[j]:runPtr[j+1]]
	runs   []run
	valPtr []int // weights of input j start at vals[valPtr[j]], in run order
	vals   []float32
}

// run is a block of consecutive output neurons dst..dst+n−1.
type run struct{ dst, n int32 }

// In returns the number of input units (in_features).
func (p *Projection) In() int { return p.geo.inSide * p.geo.inSide }

// Out returns the number of output neurons (out_features).
func (p *Projection) Out() int { return p.geo.outSide * p.geo.outSide }

// InSide returns the side of the input sheet.
func (p *Projection) InSide() int { return p.geo.inSide }

// OutSide returns the side of the output sheet.
func (p *Projection) OutSide() int { return p.geo.outSide }

// Radius returns the radius of the circular fields (NoRadius for none).
func (p *Projection) Radius() float64 { return p.geo.radius }

// Connections returns the number of stored connections.
func (p *Projection) Connections() int { return len(p.vals) }

// weightFunc gives the weight of output i to input j, the unit at offset
// (dx, dy) = (x − μx, y − μy) from the neuron's centre.
type weightFunc func(i, j int, dx, dy float64) float64

// forRow calls f for every input unit in output neuron i's field, in input
// order.
func (g geometry) forRow(i int, f func(j int, dx, dy float64)) {
	a, b := i/g.outSide, i%g.outSide
	mx, my := g.centres[a], g.centres[b]
	for x := 0; x < g.inSide; x++ {
		dx := float64(x) - mx
		lo, hi := g.rowSpan(mx, my, x)
		for y := lo; y <= hi; y++ {
			f(x*g.inSide+y, dx, float64(y)-my)
		}
	}
}

// parallelFor runs f(lo, hi) over [0, n) split into chunks on all CPUs.
func parallelFor(n int, f func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}

// buildProjection stores w over the fields of g.
func buildProjection(g geometry, w weightFunc) *Projection {
	in := g.inSide * g.inSide
	runsOf := make([][]run, in)
	parallelFor(in, func(lo, hi int) {
		for j := lo; j < hi; j++ {
			x, y := j/g.inSide, j%g.inSide
			var rs []run
			for a := 0; a < g.outSide; a++ {
				if b0, b1 := g.outSpan(x, y, a); b0 <= b1 {
					rs = append(rs, run{dst: int32(a*g.outSide + b0), n: int32(b1 - b0 + 1)})
				}
			}
			runsOf[j] = rs
		}
	})
	p := &Projection{geo: g, runPtr: make([]int32, in+1), valPtr: make([]int, in+1)}
	nr, nv := 0, 0
	for j, rs := range runsOf {
		p.runPtr[j], p.valPtr[j] = int32(nr), nv
		nr += len(rs)
		for _, r := range rs {
			nv += int(r.n)
		}
	}
	p.runPtr[in], p.valPtr[in] = int32(nr), nv
	p.runs = make([]run, 0, nr)
	for _, rs := range runsOf {
		p.runs = append(p.runs, rs...)
	}
	p.vals = make([]float32, nv)
	parallelFor(in, func(lo, hi int) {
		for j := lo; j < hi; j++ {
			x, y := float64(j/g.inSide), float64(j%g.inSide)
			k := p.valPtr[j]
			for _, r := range p.runs[p.runPtr[j]:p.runPtr[j+1]] {
				for i := int(r.dst); i < int(r.dst+r.n); i++ {
					a, b := i/g.outSide, i%g.outSide
					p.vals[k] = float32(w(i, j, x-g.centres[a], y-g.centres[b]))
					k++
				}
			}
		}
	})
	return p
}

// checkVec returns an error unless len(v) == n.
func checkVec(what string, v []float64, n int) error {
	if len(v) != n {
		return fmt.Errorf("lissom: %s has %d values, want %d", what, len(v), n)
	}
	return nil
}

// parallelWork is the number of multiply–adds above which Apply splits the
// output sheet between goroutines.
const parallelWork = 1 << 17

// Apply sets dst = W·x. Inputs equal to zero are skipped. dst must have
// Out() values and x In() values; dst and x must not overlap.
func (p *Projection) Apply(dst, x []float64) error {
	if err := checkVec("input", x, p.In()); err != nil {
		return err
	}
	if err := checkVec("output", dst, p.Out()); err != nil {
		return err
	}
	p.apply(dst, x)
	return nil
}

func (p *Projection) apply(dst, x []float64) {
	clear(dst)
	work := 0
	for j, v := range x {
		if v != 0 {
			work += p.valPtr[j+1] - p.valPtr[j]
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if work < parallelWork || workers < 2 {
		p.scatter(dst, x, 0, len(dst))
		return
	}
	// Split the output sheet into bands of whole rows; each goroutine adds
	// the runs that fall into its band.
	rows := p.geo.outSide
	workers = min(workers, rows)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo := (rows * w / workers) * rows
		hi := (rows * (w + 1) / workers) * rows
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.scatter(dst, x, lo, hi)
		}()
	}
	wg.Wait()
}

// scatter adds x[j]·W[:, j] for every non-zero x[j] to the outputs in
// [lo, hi), which must be whole output rows.
func (p *Projection) scatter(dst, x []float64, lo, hi int) {
	for j, v := range x {
		if v == 0 {
			continue
		}
		k := p.valPtr[j]
		for _, r := range p.runs[p.runPtr[j]:p.runPtr[j+1]] {
			n := int(r.n)
			if d := int(r.dst); d >= lo && d < hi {
				axpy32(dst[d:d+n], v, p.vals[k:k+n])
			}
			k += n
		}
	}
}

// each calls f(i, j, w) for every stored connection.
func (p *Projection) each(f func(i, j int, w float64)) {
	for j := 0; j < p.In(); j++ {
		k := p.valPtr[j]
		for _, r := range p.runs[p.runPtr[j]:p.runPtr[j+1]] {
			for i := int(r.dst); i < int(r.dst+r.n); i++ {
				f(i, j, float64(p.vals[k]))
				k++
			}
		}
	}
}

// Dense returns W as a row-major out×in slice (W[i*In()+j] is the weight of
// output i to input j), zero outside the fields. It is meant for small
// projections (plots, tests): a 36×36 to 36×36 projection gives 1.7 million
// values.
func (p *Projection) Dense() []float64 {
	in := p.In()
	w := make([]float64, p.Out()*in)
	p.each(func(i, j int, v float64) { w[i*in+j] = v })
	return w
}

// Row returns the weights of output neuron i to every input unit (one row of
// Dense), or an error if i is out of range.
func (p *Projection) Row(i int) ([]float64, error) {
	if i < 0 || i >= p.Out() {
		return nil, fmt.Errorf("lissom: neuron %d out of range [0, %d)", i, p.Out())
	}
	row := make([]float64, p.In())
	p.geo.forRow(i, func(j int, _, _ float64) {
		k := p.valPtr[j]
		for _, r := range p.runs[p.runPtr[j]:p.runPtr[j+1]] {
			if i >= int(r.dst) && i < int(r.dst+r.n) {
				row[j] = float64(p.vals[k+i-int(r.dst)])
				return
			}
			k += int(r.n)
		}
	})
	return row, nil
}

// RowStats returns, for each output neuron, its number of connections and
// the sum of its weights.
func (p *Projection) RowStats() (counts []int, sums []float64) {
	counts, sums = make([]int, p.Out()), make([]float64, p.Out())
	p.each(func(i, _ int, v float64) {
		counts[i]++
		sums[i] += v
	})
	return counts, sums
}

// axpy32 adds a·w to y (len(w) == len(y)).
func axpy32(y []float64, a float64, w []float32) {
	w = w[:len(y)]
	for m, wv := range w {
		y[m] += a * float64(wv)
	}
}
