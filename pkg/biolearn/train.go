package biolearn

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// Source gives training patterns, e.g. a *mnist.Sampler.
type Source interface {
	// Next returns a pattern (InputDim values), its label and its index in
	// the data set (both only recorded).
	Next() (v []float64, label, index int)
}

// TrainConfig is the schedule of the original's training loop.
type TrainConfig struct {
	// Presentations is the number of patterns shown (300).
	Presentations int
	// TMax and TMin bound the presentation time: pattern i (from 0) is
	// shown for TMax − (TMax−TMin)/Presentations·i, from 25 down to 5.0667.
	TMax, TMin float64
}

// DefaultTrainConfig is the original's schedule: 300 presentations, the
// presentation time falling linearly from 25 towards 5.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Presentations: 300, TMax: 25, TMin: 5}
}

// Validate reports a schedule out of range.
func (c TrainConfig) Validate() error {
	switch {
	case c.Presentations <= 0:
		return fmt.Errorf("biolearn: %d presentations; expected at least one", c.Presentations)
	case math.IsNaN(c.TMax) || math.IsNaN(c.TMin) || math.IsInf(c.TMax, 0) || math.IsInf(c.TMin, 0):
		return fmt.Errorf("biolearn: presentation times %v…%v must be finite", c.TMax, c.TMin)
	case c.TMin <= 0 || c.TMax < c.TMin:
		return fmt.Errorf("biolearn: presentation times from %v to %v; expected 0 < TMin ≤ TMax", c.TMax, c.TMin)
	}
	return nil
}

// PresentationTime is the time for which pattern i (from 0) is shown.
func (c TrainConfig) PresentationTime(i int) float64 {
	m := (c.TMax - c.TMin) / float64(c.Presentations)
	return c.TMax - m*float64(i)
}

// Step is what the training loop reports after each presentation.
type Step struct {
	Index  int // presentation number, from 0
	Total  int // number of presentations
	Result PresentResult
	Label  int       // label of the pattern shown
	Sample int       // its index in the data set
	Norms  []float64 // Σ_i |W_μi|^p per hidden unit after the presentation
	W      []float64 // the weights after the presentation (shared: copy to keep)
}

// History records a training run.
type History struct {
	Times   []float64   // presentation times
	Norms   [][]float64 // Norms[i][μ] = Σ_i |W_μi|^p after presentation i
	Labels  []int       // labels of the patterns shown
	Samples []int       // their indices in the data set
	NFev    []int       // evaluations of dW/dt per presentation
	Steps   []int       // accepted outer steps per presentation
}

// Train runs the original's training loop on n: each presentation draws a
// pattern from src and integrates the weight ODE for the scheduled time.
// After each presentation the norms are recorded and onStep (if not nil) is
// called — for a progress bar or weight snapshots; an error from onStep
// stops the run. The context is checked inside every presentation. On
// error the history so far is returned with it.
func Train(ctx context.Context, n *Neurons, src Source, cfg TrainConfig, onStep func(Step) error) (*History, error) {
	if n == nil || src == nil {
		return nil, errors.New("biolearn: Train needs neurons and a pattern source")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	h := &History{}
	for i := 0; i < cfg.Presentations; i++ {
		if err := ctx.Err(); err != nil {
			return h, err
		}
		v, label, idx := src.Next()
		T := cfg.PresentationTime(i)
		res, err := n.Present(ctx, v, T)
		if err != nil {
			return h, fmt.Errorf("presentation %d: %w", i, err)
		}
		norms := n.Norms()
		h.Times = append(h.Times, T)
		h.Norms = append(h.Norms, norms)
		h.Labels = append(h.Labels, label)
		h.Samples = append(h.Samples, idx)
		h.NFev = append(h.NFev, res.NFev)
		h.Steps = append(h.Steps, res.Steps)
		if onStep != nil {
			if err := onStep(Step{Index: i, Total: cfg.Presentations, Result: res, Label: label, Sample: idx, Norms: norms, W: n.W}); err != nil {
				return h, err
			}
		}
	}
	return h, nil
}
