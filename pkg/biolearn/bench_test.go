package biolearn

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/receptive-go/receptive/datasets/mnist"
)

// benchNeurons are the original's MNIST network with N(0, 1) weights and
// the first MNIST image (a 5), the input scripts/bench/biolearn_original.py
// times too.
func benchNeurons(b *testing.B) (*Neurons, []float64) {
	b.Helper()
	v := loadMNIST(b).Image(0)
	n, err := New(MNISTParams(), rand.New(rand.NewPCG(4, 1)))
	if err != nil {
		b.Fatal(err)
	}
	return n, v
}

// BenchmarkPresent is the original's timed cell: one outer solve over
// [0, 5] for 784 inputs and 15 hidden units from random weights (SciPy:
// "Wall time: 286 ms" on the author's PC; see scripts/bench/biolearn.sh).
func BenchmarkPresent(b *testing.B) {
	n, v := benchNeurons(b)
	w0 := append([]float64(nil), n.W...)
	var res PresentResult
	var err error
	for b.Loop() {
		copy(n.W, w0)
		if res, err = n.Present(context.Background(), v, 5); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.NFev), "nfev/op")
}

// BenchmarkStationary is one inner solve of eq. 8 over [0, 5τ] with 15
// hidden units (its currents included).
func BenchmarkStationary(b *testing.B) {
	n, v := benchNeurons(b)
	for b.Loop() {
		if _, err := n.Stationary(v, n.W); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrain is the whole 300-presentation training of the original.
func BenchmarkTrain(b *testing.B) {
	d := loadMNIST(b)
	for b.Loop() {
		src, _ := mnist.NewSeededSampler(d, 1)
		n, _ := New(MNISTParams(), rand.New(rand.NewPCG(1, 1)))
		if _, err := Train(context.Background(), n, src, DefaultTrainConfig(), nil); err != nil {
			b.Fatal(err)
		}
	}
}
