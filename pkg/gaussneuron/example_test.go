package gaussneuron_test

import (
	"fmt"

	"github.com/receptive-go/receptive/pkg/gaussneuron"
)

func Example() {
	grid := gaussneuron.DefaultGrid()
	n := gaussneuron.Original()
	maps, err := gaussneuron.Compute(grid, n)
	if err != nil {
		panic(err)
	}
	levels, ticks, _ := gaussneuron.RoundedLevels(maps.Linear)
	fmt.Println("shape of heatmap", grid.Len(), 2)
	fmt.Println("bias", n.B)
	fmt.Println(len(levels), "levels from", levels[0], "to", levels[len(levels)-1], "ticks", ticks[:3])
	// Output:
	// shape of heatmap 25921 2
	// bias 5
	// 61 levels from -30 to 30 ticks [-30 -25 -20]
}
