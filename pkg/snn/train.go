package snn

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/receptive-go/receptive/pkg/optim"
)

// TrainConfig holds the training loop's settings; DefaultTrainConfig gives
// the original's ITDNet.train defaults.
type TrainConfig struct {
	Epochs    int         // passes over the data, 10
	LR        float64     // Adam learning rate, 0.01
	BatchSize int         // samples per step, 128 (the last batch may be short)
	Shuffle   bool        // reshuffle every epoch, true
	Seed      uint64      // seed of the shuffling (the original uses torch's RNG)
	Reg       Regulariser // firing-rate penalty, DefaultRegulariser()
	Workers   int         // parallel workers; 0 means GOMAXPROCS

	// Progress, if non-nil, is called after every batch with the epoch
	// (from 0), the batch index in the epoch, the number of batches per
	// epoch and the batch's loss.
	Progress func(epoch, batch, batches int, loss float64)
}

// DefaultTrainConfig returns the original's settings (10 epochs, lr 0.01,
// batches of 128, shuffled, default regulariser).
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs: 10, LR: 0.01, BatchSize: 128, Shuffle: true, Seed: 1, Reg: DefaultRegulariser()}
}

// TrainResult reports a training run.
type TrainResult struct {
	LossHistory []float64 // mean batch loss of each completed epoch
	Epochs      int       // completed epochs
	Steps       int       // optimiser steps taken
}

// Train fits the weights to data by Adam on the surrogate-gradient loss,
// as ITDNet.train does. When ctx is cancelled it stops after the current
// batch and returns the result so far with ctx's error; the weights are
// those of the last step.
func (n *Net) Train(ctx context.Context, data Labelled, cfg TrainConfig) (*TrainResult, error) {
	if err := n.check(); err != nil {
		return nil, err
	}
	if err := n.checkInput(data); err != nil {
		return nil, err
	}
	if err := cfg.Reg.validate(); err != nil {
		return nil, err
	}
	if cfg.Epochs < 0 || cfg.BatchSize < 1 || !(cfg.LR > 0) || math.IsInf(cfg.LR, 0) {
		return nil, fmt.Errorf("snn: Epochs=%d BatchSize=%d LR=%v; expected Epochs ≥ 0, BatchSize ≥ 1, finite LR > 0", cfg.Epochs, cfg.BatchSize, cfg.LR)
	}
	N := data.Len()
	order := make([]int, N)
	for i := range order {
		order[i] = i
	}
	if err := checkBatch(data, order, n.NumClasses); err != nil {
		return nil, err
	}
	k := n.kernel(data.NumSteps())
	e := newEngine(k, min(cfg.BatchSize, N), cfg.Workers)
	opt := optim.NewAdam(cfg.LR)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	res := &TrainResult{}
	batches := (N + cfg.BatchSize - 1) / cfg.BatchSize
	params := [][]float64{k.wih, k.who}
	grads := [][]float64{e.gwih, e.gwho}
	defer n.setWeights(k)
	for ep := 0; ep < cfg.Epochs; ep++ {
		if cfg.Shuffle {
			rng.Shuffle(N, func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		var sum float64
		for b := 0; b < batches; b++ {
			if err := ctx.Err(); err != nil {
				return res, err
			}
			batch := order[b*cfg.BatchSize : min((b+1)*cfg.BatchSize, N)]
			loss := e.lossGrad(data, batch, cfg.Reg)
			if math.IsNaN(loss.Total) || math.IsInf(loss.Total, 0) {
				return res, fmt.Errorf("snn: loss became %v at epoch %d batch %d; try a smaller learning rate", loss.Total, ep, b)
			}
			if err := opt.Step(params, grads); err != nil {
				return res, err
			}
			res.Steps++
			sum += loss.Total
			if cfg.Progress != nil {
				cfg.Progress(ep, b, batches, loss.Total)
			}
		}
		res.LossHistory = append(res.LossHistory, sum/float64(batches))
		res.Epochs++
	}
	return res, nil
}

// setWeights copies the kernel's weights back into the matrices.
func (n *Net) setWeights(k *kernel) {
	for i := 0; i < n.NumInputs; i++ {
		copy(n.WIH.RawRowView(i), k.wih[i*n.NumHidden:(i+1)*n.NumHidden])
	}
	for i := 0; i < n.NumHidden; i++ {
		copy(n.WHO.RawRowView(i), k.who[i*n.NumClasses:(i+1)*n.NumClasses])
	}
}
