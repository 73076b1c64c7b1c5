package localization

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
)

// Job is one training run of TrainMany: a network drawn with Options from
// a PCG source seeded with (Seed, 1), trained with Settings on batches from
// Source. Each job needs its own Source (samplers are not safe for
// concurrent use).
type Job struct {
	Options  Options
	Settings Settings
	Seed     uint64
	Source   Source
}

// Run is the outcome of one Job.
type Run struct {
	Net    *Network
	Result *Result
}

// TrainMany runs jobs on up to workers goroutines (a sweep over settings or
// seeds) and returns their runs in the order of jobs. progress, if not nil,
// is called (from any goroutine, one call at a time) after each run with the
// number of runs done; the jobs' own Settings.Progress are not called. The
// first error cancels the remaining runs.
func TrainMany(ctx context.Context, jobs []Job, workers int, progress func(done, total int)) ([]Run, error) {
	if workers <= 0 {
		return nil, fmt.Errorf("localization: number of workers must be positive, got %d", workers)
	}
	jobs = append([]Job(nil), jobs...) // the caller's jobs stay untouched
	for i, j := range jobs {
		if j.Source == nil {
			return nil, fmt.Errorf("localization: job %d has no data source", i)
		}
		if _, err := j.Settings.interval(); err != nil {
			return nil, fmt.Errorf("localization: job %d: %w", i, err)
		}
		// Per-run progress callbacks would be called concurrently: dropped.
		jobs[i].Settings.Progress = nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	runs := make([]Run, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range min(workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				n, err := New(j.Options, rand.NewPCG(j.Seed, 1))
				if err == nil {
					var res *Result
					res, err = Train(ctx, n, j.Source, j.Settings)
					runs[i] = Run{Net: n, Result: res}
				}
				if err != nil {
					errs[i] = fmt.Errorf("job %d: %w", i, err)
					cancel()
					continue
				}
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(jobs))
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range jobs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return runs, err
	}
	return runs, ctx.Err()
}
