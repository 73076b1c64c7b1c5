package main

import (
	"flag"
	"fmt"
	"math"

	"github.com/receptive-go/receptive/figures"
	"github.com/receptive-go/receptive/pkg/gaussneuron"
)

func init() {
	commands["gaussneuron"] = command{"000 localized Gaussian neuron: six activity maps (PNG) and their statistics (JSON)", runGaussNeuron}
}

// mapStats summarises one activity map.
type mapStats struct {
	Name   string    `json:"name"`
	Title  string    `json:"title"`
	Min    float64   `json:"min"`
	Max    float64   `json:"max"`
	Mean   float64   `json:"mean"`
	Levels int       `json:"levels"`
	Ticks  []float64 `json:"ticks"`
}

type gaussReport struct {
	GridPoints  int        `json:"grid_points"`
	InputsShape [2]int     `json:"inputs_shape"`
	W           [2]float64 `json:"w"`
	Bias        float64    `json:"bias"`
	Center      [2]float64 `json:"center"`
	Sigma       float64    `json:"sigma"`
	Maps        []mapStats `json:"maps"`
}

func runGaussNeuron(args []string) error {
	fs := flag.NewFlagSet("gaussneuron", flag.ContinueOnError)
	out := fs.String("out", "", "directory for the six figures (PNG) and stats.json")
	sigma := fs.Float64("sigma", 4, "width σ of the Gaussian (the original uses 4)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := outDir(*out); err != nil {
		return err
	}
	grid := gaussneuron.DefaultGrid()
	n := gaussneuron.Original()
	n.Sigma = *sigma
	maps, err := gaussneuron.Compute(grid, n)
	if err != nil {
		return err
	}
	panels, err := gaussneuron.Panels(maps, n.Sigma)
	if err != nil {
		return err
	}
	zero, err := n.ZeroLine(grid.X1)
	if err != nil {
		return err
	}
	rep := gaussReport{GridPoints: len(grid.X1), InputsShape: [2]int{grid.Len(), 2}, W: n.W, Bias: n.B, Center: n.Center, Sigma: n.Sigma}
	for i, p := range panels {
		fig, err := figures.ActivityContour(grid, p, zero)
		if err != nil {
			return err
		}
		if err := savePNG(fig, *out, fmt.Sprintf("%d_%s.png", i+1, p.Name)); err != nil {
			return err
		}
		s := mapStats{Name: p.Name, Title: p.Title, Min: math.Inf(1), Max: math.Inf(-1), Levels: len(p.Levels), Ticks: p.Ticks}
		for _, v := range p.Z {
			s.Min, s.Max = math.Min(s.Min, v), math.Max(s.Max, v)
			s.Mean += v / float64(len(p.Z))
		}
		rep.Maps = append(rep.Maps, s)
	}
	return writeJSON(*out, "stats.json", rep)
}
