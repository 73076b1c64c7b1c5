package notebook_test

import (
	"fmt"

	"github.com/receptive-go/receptive/plotting"
	"github.com/receptive-go/receptive/plotting/notebook"
)

// In a notebook cell, Show displays the figure; elsewhere it says there is
// no notebook, so the same code also runs from the command line or a test.
func ExampleShow() {
	fig, ax := plotting.NewSingle()
	if err := ax.Line([]float64{0, 1, 2}, []float64{0, 1, 4}, plotting.Style{}); err != nil {
		panic(err)
	}
	err := notebook.Show(fig)
	fmt.Println(err)
	notebook.Sync()
	// Output: notebook: not running inside a GoNB notebook cell
}
