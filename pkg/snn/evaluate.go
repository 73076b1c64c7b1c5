package snn

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// SpikeEvent is one hidden spike: recorded step and hidden unit.
type SpikeEvent struct{ Step, Unit int }

// Evaluation holds the network's responses to every sample of a data set.
type Evaluation struct {
	N, NumHidden, NumClasses, NumSteps int

	// Output holds the mean output potentials (no softmax), N × NumClasses.
	Output []float64
	// HiddenCounts holds each hidden unit's spike count over the NumSteps
	// recorded steps, N × NumHidden.
	HiddenCounts []int
	// Predicted is the argmax of each sample's outputs (first maximum).
	Predicted []int
	// HiddenSpikes holds the hidden spikes of the first EvalOptions.Record
	// samples.
	HiddenSpikes [][]SpikeEvent
}

// EvalOptions tunes Evaluate.
type EvalOptions struct {
	Record   int                   // number of leading samples whose hidden spikes are kept
	Progress func(done, total int) // called from one goroutine as chunks finish; may be nil
	Workers  int                   // parallel workers; 0 means GOMAXPROCS
}

// Evaluate runs the network on every sample of x. It stops early with
// ctx's error when ctx is cancelled.
func (n *Net) Evaluate(ctx context.Context, x Spikes, opt EvalOptions) (*Evaluation, error) {
	if err := n.check(); err != nil {
		return nil, err
	}
	if err := n.checkInput(x); err != nil {
		return nil, err
	}
	if opt.Record < 0 {
		return nil, fmt.Errorf("snn: Record = %d, expected ≥ 0", opt.Record)
	}
	N, T, H, C := x.Len(), x.NumSteps(), n.NumHidden, n.NumClasses
	k := n.kernel(T)
	ev := &Evaluation{
		N: N, NumHidden: H, NumClasses: C, NumSteps: T,
		Output:       make([]float64, N*C),
		HiddenCounts: make([]int, N*H),
		Predicted:    make([]int, N),
		HiddenSpikes: make([][]SpikeEvent, min(opt.Record, N)),
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const chunk = 256
	jobs := make(chan int)
	done := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := newTrace(T, H, C)
			for start := range jobs {
				end := min(start+chunk, N)
				for s := start; s < end; s++ {
					k.forward(x, s, tr)
					copy(ev.Output[s*C:], tr.m)
					cnt := ev.HiddenCounts[s*H : s*H+H]
					for t := 0; t < T; t++ {
						for j, v := range tr.s[t*H : t*H+H] {
							if v == 1 {
								cnt[j]++
								if s < len(ev.HiddenSpikes) {
									ev.HiddenSpikes[s] = append(ev.HiddenSpikes[s], SpikeEvent{t, j})
								}
							}
						}
					}
					ev.Predicted[s] = argmax(tr.m)
				}
				done <- end - start
			}
		}()
	}
	go func() {
		defer close(jobs)
		for start := 0; start < N; start += chunk {
			select {
			case jobs <- start:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	finished := 0
	for d := range done {
		finished += d
		if opt.Progress != nil {
			opt.Progress(finished, N)
		}
	}
	if finished < N {
		return nil, ctx.Err()
	}
	return ev, nil
}

func argmax(v []float64) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}
